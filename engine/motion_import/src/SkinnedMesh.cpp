// Skinned-mesh import with Assimp: merged vertices, 4 weights per vertex, joints and bind data.
#include "mimesis/motion_import/SkinnedMesh.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <assimp/postprocess.h>
#include <glm/geometric.hpp>

#include "AssimpScene.hpp"
#include "MeshTextureImport.hpp"

namespace mimesis {
namespace {

constexpr std::size_t kMaxJoints = std::numeric_limits<std::uint16_t>::max();
constexpr std::size_t kMaxIndices = std::size_t{1} << 31;

struct Influence {
  float weight = 0.0f;
  std::uint16_t joint = 0;
};

// Keeps the four strongest influences (ties: lower joint first, so output is deterministic).
void addInfluence(std::array<Influence, 4>& slots, Influence in) {
  auto weaker = [](const Influence& a, const Influence& b) {
    return a.weight < b.weight || (a.weight == b.weight && a.joint > b.joint);
  };
  auto weakest = std::min_element(slots.begin(), slots.end(), weaker);
  if (weaker(*weakest, in)) *weakest = in;
}

}  // namespace

Result<SkinnedMesh> loadSkinnedMesh(const std::string& path) {
  auto opened = detail::openAssimpScene(
      path, aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_JoinIdenticalVertices |
                aiProcess_SortByPType);
  if (!opened) return opened.error();
  const aiScene& scene = *opened->scene;
  const std::vector<detail::FlatNode> nodes = detail::flattenNodes(scene);

  // Joints: every bone name of every mesh, ordered as the nodes are (topological).
  std::map<std::string, const aiBone*> bones;  // first occurrence gives the inverse bind
  for (unsigned int m = 0; m < scene.mNumMeshes; ++m)
    for (unsigned int b = 0; b < scene.mMeshes[m]->mNumBones; ++b)
      bones.emplace(scene.mMeshes[m]->mBones[b]->mName.C_Str(), scene.mMeshes[m]->mBones[b]);
  if (bones.empty()) return makeError(ErrorCode::BadInput, "no skinned mesh: no mesh has bones", path);
  if (bones.size() > kMaxJoints)
    return makeError(ErrorCode::Limit, "more than 65535 joints", path);

  SkinnedMesh out;
  out.source = path;
  std::map<std::string, int> jointIndex;
  std::vector<int> jointOfNode(nodes.size(), -1);
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    auto it = bones.find(nodes[n].name);
    if (it == bones.end() || jointIndex.count(nodes[n].name) != 0) continue;
    int parent = -1;
    for (int a = nodes[n].parent; a >= 0; a = nodes[a].parent)
      if (jointOfNode[a] >= 0) { parent = jointOfNode[a]; break; }
    jointOfNode[n] = out.jointCount();
    jointIndex[nodes[n].name] = out.jointCount();
    out.jointNames.push_back(nodes[n].name);
    out.jointParents.push_back(parent);
    out.inverseBind.push_back(detail::toGlm(it->second->mOffsetMatrix));
  }
  // Bones without a node (a broken file) still get a joint, as roots, so weights stay valid.
  for (const auto& [name, bone] : bones) {
    if (jointIndex.count(name) != 0) continue;
    jointIndex[name] = out.jointCount();
    out.jointNames.push_back(name);
    out.jointParents.push_back(-1);
    out.inverseBind.push_back(detail::toGlm(bone->mOffsetMatrix));
  }

  for (std::size_t j = 0; j < out.inverseBind.size(); ++j)
    for (int c = 0; c < 4; ++c)
      for (int r = 0; r < 4; ++r)
        if (!std::isfinite(out.inverseBind[j][c][r]))
          return makeError(ErrorCode::BadInput, "non-finite inverse bind matrix of joint '" + out.jointNames[j] + "'",
                           path);

  std::vector<unsigned int> drawn;  // the skinned triangle meshes merged below
  for (unsigned int m = 0; m < scene.mNumMeshes; ++m) {
    const aiMesh& mesh = *scene.mMeshes[m];
    if (mesh.mNumBones == 0 || (mesh.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) == 0) continue;
    drawn.push_back(m);
    const std::size_t base = out.positions.size();
    if (base + mesh.mNumVertices > std::numeric_limits<std::uint32_t>::max())
      return makeError(ErrorCode::Limit, "more than 2^32 vertices", path);
    std::vector<std::array<Influence, 4>> influences(mesh.mNumVertices);
    for (unsigned int b = 0; b < mesh.mNumBones; ++b) {
      const aiBone& bone = *mesh.mBones[b];
      const auto joint = static_cast<std::uint16_t>(jointIndex.at(bone.mName.C_Str()));
      for (unsigned int w = 0; w < bone.mNumWeights; ++w) {
        const aiVertexWeight& vw = bone.mWeights[w];
        if (vw.mVertexId >= mesh.mNumVertices || !(vw.mWeight > 0.0f) || !std::isfinite(vw.mWeight)) continue;
        addInfluence(influences[vw.mVertexId], Influence{vw.mWeight, joint});
      }
    }
    for (unsigned int v = 0; v < mesh.mNumVertices; ++v) {
      const aiVector3D& p = mesh.mVertices[v];
      // A NaN or infinite vertex would poison every bound and camera fit computed from the mesh.
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        return makeError(ErrorCode::BadInput,
                         "non-finite position of vertex " + std::to_string(v) + " in mesh " + std::to_string(m), path);
      out.positions.emplace_back(p.x, p.y, p.z);
      glm::vec3 nrm(0.0f, 1.0f, 0.0f);
      if (mesh.mNormals != nullptr) {
        const glm::vec3 raw(mesh.mNormals[v].x, mesh.mNormals[v].y, mesh.mNormals[v].z);
        const float len = glm::length(raw);
        if (len > 1e-12f && std::isfinite(len)) nrm = raw / len;
      }
      out.normals.push_back(nrm);
      glm::vec2 uv(0.0f);
      // Assimp hands every format's UVs over with v growing upwards (it flips glTF's); we store
      // the image convention, v downwards, so uv (0,0) is the texture's first (top) row.
      if (mesh.mTextureCoords[0] != nullptr)
        uv = glm::vec2(mesh.mTextureCoords[0][v].x, 1.0f - mesh.mTextureCoords[0][v].y);
      out.uvs.push_back(std::isfinite(uv.x) && std::isfinite(uv.y) ? uv : glm::vec2(0.0f));
      std::array<std::uint16_t, 4> j{};
      glm::vec4 w(0.0f);
      float total = 0.0f;
      for (int i = 0; i < 4; ++i) total += influences[v][i].weight;
      for (int i = 0; i < 4; ++i) {
        j[i] = influences[v][i].joint;
        w[i] = total > 0.0f ? influences[v][i].weight / total : 0.0f;
      }
      out.joints.push_back(j);
      out.weights.push_back(w);
    }
    for (unsigned int f = 0; f < mesh.mNumFaces; ++f) {
      const aiFace& face = mesh.mFaces[f];
      if (face.mNumIndices != 3) continue;  // points and lines left by SortByPType
      for (unsigned int i = 0; i < 3; ++i) {
        if (face.mIndices[i] >= mesh.mNumVertices)
          return makeError(ErrorCode::BadInput, "face index out of range in mesh " + std::to_string(m), path);
        out.indices.push_back(static_cast<std::uint32_t>(base + face.mIndices[i]));
      }
      if (out.indices.size() > kMaxIndices) return makeError(ErrorCode::Limit, "more than 2^31 indices", path);
    }
  }
  if (out.indices.empty())
    return makeError(ErrorCode::BadInput, "no skinned mesh: the meshes with bones have no triangles", path);
  Result<MeshTexture> texture = detail::loadBaseColourTexture(scene, drawn, path);
  if (!texture) return texture.error();
  out.baseColour = std::move(*texture);
  return out;
}

}  // namespace mimesis
