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

// A base-colour texture decoded to 8-bit RGBA, rows top to bottom; texel (0,0) is the image's
// top-left corner, which SkinnedMesh::uvs (0,0) addresses. Empty (0x0): the mesh has none.
struct MeshTexture {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes (sRGB-encoded, as stored in the file)
  bool empty() const { return width <= 0 || height <= 0 || rgba.empty(); }
};

// All meshes of a file that carry bones, merged into one vertex/index list that shares one
// joint list. Vertex data is in mesh space (the space the inverse bind matrices expect), in the
// file's units. Skinning: p_world = Σ_i weights[v][i] · T_world_joint[joints[v][i]] ·
// inverseBind[joints[v][i]] · p_mesh, with T_world_joint from a RawClip of the same file (or,
// for a hand mesh, from a HandPose: see MeshSkinning.hpp).
struct SkinnedMesh {
  std::string source;                        // file path, for messages
  std::vector<glm::vec3> positions;          // one per vertex
  std::vector<glm::vec3> normals;            // unit length, one per vertex
  // First UV set, (0,0) when the file has none; image convention: v grows downwards, so (0,0) is
  // baseColour's top-left texel (glTF's convention).
  std::vector<glm::vec2> uvs;
  std::vector<std::uint32_t> indices;        // triangles, 3 per face, counter-clockwise front
  std::vector<std::array<std::uint16_t, 4>> joints;  // up to 4 influences per vertex
  std::vector<glm::vec4> weights;            // matching weights, summing to 1 (unused slots 0)
  // Per joint: name, parent (nearest ancestor joint, -1 for roots; topological order) and the
  // inverse bind matrix (mesh space → joint space at bind time).
  std::vector<std::string> jointNames;
  std::vector<int> jointParents;
  std::vector<glm::mat4> inverseBind;
  // The base-colour texture every vertex samples at its uv, when the file has exactly one for
  // all its skinned meshes (e.g. CesiumMan, Fox); empty otherwise.
  MeshTexture baseColour;

  std::size_t vertexCount() const { return positions.size(); }
  std::size_t triangleCount() const { return indices.size() / 3; }
  int jointCount() const { return static_cast<int>(jointNames.size()); }
};

}  // namespace mimesis
