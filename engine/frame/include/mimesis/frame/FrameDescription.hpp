// FrameDescription: everything the renderer draws for one frame, as plain data. The session
// fills it from the expert, the learner and the mirror model's FeedbackState; the renderer draws
// it and decides nothing (architecture.md). Colours are linear RGB with alpha in [0, 1].
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/HandPose.hpp"

namespace mimesis {

// The camera arrangement the picture was composed for (the renderer only labels with it; the
// session composes the scene and the eye views for it).
enum class ViewKind : std::uint8_t { FirstPerson = 0, Mirror, Side };

// One hand drawn as spheres at its joints (sized by joint radius) and capsules along its bones.
// opacity 1 draws it solid; below 1 it is a ghost: blended, not writing depth, drawn after
// everything solid. Joints that are not position-valid are not drawn, nor bones touching them.
struct DrawnHand {
  HandPose pose;                                        // world space
  float opacity = 1.0f;
  std::array<glm::vec4, kHandJointCount> jointColour{}; // colour of each joint and its bone to the parent
  std::uint32_t highlightedJoints = 0;                  // bit j: joint j gets a highlight halo
  glm::vec4 highlightColour{1.0f, 0.85f, 0.1f, 1.0f};
  bool reflect = true;                                  // also appears in the virtual mirror
};

// A generic skeleton (e.g. a full body) drawn as capsules of one colour.
struct DrawnSkeleton {
  std::vector<glm::vec3> p_world;  // joint positions
  std::vector<int> parents;        // same length, -1 for roots; a bone joins a joint to its parent
  std::vector<bool> valid;         // empty: all valid
  float jointRadius = 0.03f;       // metres
  glm::vec4 colour{0.8f, 0.8f, 0.8f, 1.0f};
  // Per joint (same length as p_world), e.g. a learner body's error colours; a bone blends from
  // its parent's colour to its joint's. Empty: `colour` everywhere.
  std::vector<glm::vec4> jointColour;
  float opacity = 1.0f;
  bool reflect = true;
};

// A skinned mesh registered with the renderer (Renderer::addMesh) drawn with GPU skinning:
// p_world = Σ w_i · skin[joint_i] · p_mesh, where skin[j] = T_world_joint(j) · inverseBind(j).
struct DrawnMesh {
  int mesh = -1;                    // handle from Renderer::addMesh
  std::vector<glm::mat4> skin;      // one per mesh joint
  glm::vec4 colour{0.85f, 0.7f, 0.6f, 1.0f};
  // Per mesh joint (same length as skin), blended across each vertex by its skin weights, so a
  // hand mesh can show per-joint error colours and highlights; empty: `colour` everywhere.
  std::vector<glm::vec4> jointColour;
  float opacity = 1.0f;
  bool reflect = true;
};

// A flat rectangular mirror. Everything marked `reflect` is drawn reflected in it, seen
// through its frame only. The surface is the XY plane of T_world_mirror, facing +Z.
struct MirrorPlane {
  bool enabled = false;
  Pose T_world_mirror;
  glm::vec2 halfSize{0.6f, 0.45f};  // metres
  glm::vec4 tint{0.75f, 0.85f, 0.95f, 0.12f};  // blended over the reflection
};

// A text label anchored in the world (drawn by the overlay, in screen space at its projection).
struct Label {
  glm::vec3 p_world{0.0f};
  std::string text;
  glm::vec4 colour{1.0f, 1.0f, 1.0f, 1.0f};
};

struct FrameDescription {
  ViewKind view = ViewKind::FirstPerson;
  glm::vec4 clearColour{0.08f, 0.09f, 0.11f, 1.0f};
  bool floorGrid = true;
  float floorHeight = 0.0f;         // world Y of the floor, metres
  std::vector<DrawnHand> hands;
  std::vector<DrawnSkeleton> bodies;
  std::vector<DrawnMesh> meshes;
  MirrorPlane mirror;
  std::vector<Label> labels;
  std::vector<std::string> panel;   // lines of an overlay panel (stage, message), top left
};

}  // namespace mimesis
