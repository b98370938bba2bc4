// Base-colour texture import: finds the texture Assimp's materials name and decodes it with
// stb_image (compiled here, static, PNG and JPEG only: what glTF allows for base colour).
#include "MeshTextureImport.hpp"

#include <cstring>
#include <filesystem>
#include <limits>

#include <assimp/material.h>
#include <assimp/texture.h>

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#include "MimesisStbImage.hpp"

namespace mimesis::detail {
namespace {

// Larger textures are refused: 8192² RGBA is 256 MiB, far beyond any avatar's need.
constexpr int kMaxTextureSide = 8192;

// The texture path of a material: glTF's base colour first, then the classic diffuse slot.
std::string texturePathOf(const aiMaterial& material) {
  aiString p;
  if (material.GetTextureCount(aiTextureType_BASE_COLOR) > 0 &&
      material.GetTexture(aiTextureType_BASE_COLOR, 0, &p) == aiReturn_SUCCESS && p.length > 0)
    return p.C_Str();
  if (material.GetTextureCount(aiTextureType_DIFFUSE) > 0 &&
      material.GetTexture(aiTextureType_DIFFUSE, 0, &p) == aiReturn_SUCCESS && p.length > 0)
    return p.C_Str();
  return {};
}

Result<MeshTexture> fromStb(stbi_uc* data, int w, int h, const std::string& name, const std::string& path) {
  if (data == nullptr)
    return makeError(ErrorCode::BadInput,
                     "texture '" + name + "' cannot be decoded: " + std::string(stbi_failure_reason()), path);
  MeshTexture t;
  if (w <= 0 || h <= 0 || w > kMaxTextureSide || h > kMaxTextureSide) {
    stbi_image_free(data);
    return makeError(ErrorCode::Limit, "texture '" + name + "' is " + std::to_string(w) + "x" + std::to_string(h) +
                                           ", outside 1..8192 per side", path);
  }
  t.width = w;
  t.height = h;
  t.rgba.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(data);
  return t;
}

Result<MeshTexture> decodeEmbedded(const aiTexture& tex, const std::string& name, const std::string& path) {
  if (tex.mHeight == 0) {  // compressed: mWidth bytes of a PNG/JPEG file
    if (tex.mWidth > static_cast<unsigned int>(std::numeric_limits<int>::max()))
      return makeError(ErrorCode::Limit, "embedded texture '" + name + "' is too large", path);
    int w = 0, h = 0, channels = 0;
    stbi_uc* data = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(tex.pcData), static_cast<int>(tex.mWidth),
                                          &w, &h, &channels, 4);
    return fromStb(data, w, h, name, path);
  }
  if (tex.mWidth > static_cast<unsigned int>(kMaxTextureSide) || tex.mHeight > static_cast<unsigned int>(kMaxTextureSide))
    return makeError(ErrorCode::Limit, "embedded texture '" + name + "' is larger than 8192 per side", path);
  MeshTexture t;
  t.width = static_cast<int>(tex.mWidth);
  t.height = static_cast<int>(tex.mHeight);
  t.rgba.resize(static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height) * 4);
  for (std::size_t i = 0; i < static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height); ++i) {
    const aiTexel& x = tex.pcData[i];  // stored BGRA
    t.rgba[4 * i + 0] = x.r;
    t.rgba[4 * i + 1] = x.g;
    t.rgba[4 * i + 2] = x.b;
    t.rgba[4 * i + 3] = x.a;
  }
  return t;
}

}  // namespace

Result<MeshTexture> loadBaseColourTexture(const aiScene& scene, const std::vector<unsigned int>& meshes,
                                          const std::string& path) {
  std::string name;
  for (std::size_t k = 0; k < meshes.size(); ++k) {
    const aiMesh& mesh = *scene.mMeshes[meshes[k]];
    const std::string here = mesh.mMaterialIndex < scene.mNumMaterials && scene.mMaterials[mesh.mMaterialIndex] != nullptr
                                 ? texturePathOf(*scene.mMaterials[mesh.mMaterialIndex])
                                 : std::string();
    if (here.empty() || (k > 0 && here != name)) return MeshTexture{};
    name = here;
  }
  if (name.empty()) return MeshTexture{};
  if (const aiTexture* embedded = scene.GetEmbeddedTexture(name.c_str()); embedded != nullptr)
    return decodeEmbedded(*embedded, name, path);
  if (name[0] == '*')
    return makeError(ErrorCode::BadInput, "material names embedded texture '" + name + "', which the file lacks", path);
  const std::filesystem::path file = std::filesystem::path(path).parent_path() / name;
  int w = 0, h = 0, channels = 0;
  stbi_uc* data = stbi_load(file.string().c_str(), &w, &h, &channels, 4);
  return fromStb(data, w, h, file.string(), path);
}

}  // namespace mimesis::detail
