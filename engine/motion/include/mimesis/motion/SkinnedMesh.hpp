// SkinnedMesh: plain data of one skinned triangle mesh, shared by the importer, the hand mesh
// generator and the renderer (which uploads it).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

namespace mimesis {

// All meshes of a file that carry bones, merged into one vertex/index list that shares one
// joint list. Vertex data is in mesh space (the space the inverse bind matrices expect), in the
// file's units. Skinning: p_world = Σ_i weights[v][i] · T_world_joint[joints[v][i]] ·
// inverseBind[joints[v][i]] · p_mesh, with T_world_joint from a RawClip of the same file (or,
// for a hand mesh, from a HandPose: see MeshSkinning.hpp).
struct SkinnedMesh {
  std::string source;                        // file path, for messages
  std::vector<glm::vec3> positions;          // one per vertex
  std::vector<glm::vec3> normals;            // unit length, one per vertex
  std::vector<glm::vec2> uvs;                // first UV set, (0,0) when the file has none
  std::vector<std::uint32_t> indices;        // triangles, 3 per face, counter-clockwise front
  std::vector<std::array<std::uint16_t, 4>> joints;  // up to 4 influences per vertex
  std::vector<glm::vec4> weights;            // matching weights, summing to 1 (unused slots 0)
  // Per joint: name, parent (nearest ancestor joint, -1 for roots; topological order) and the
  // inverse bind matrix (mesh space → joint space at bind time).
  std::vector<std::string> jointNames;
  std::vector<int> jointParents;
  std::vector<glm::mat4> inverseBind;

  std::size_t vertexCount() const { return positions.size(); }
  std::size_t triangleCount() const { return indices.size() / 3; }
  int jointCount() const { return static_cast<int>(jointNames.size()); }
};

}  // namespace mimesis
