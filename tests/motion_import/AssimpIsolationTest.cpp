// Assimp reads are rehearsed in a child process (AssimpIsolation.cpp): a file that crashes Assimp
// becomes an error naming it, and imports keep working afterwards. Also the checks on what an
// accepted skinned mesh may contain.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mimesis/motion_import/AssimpImport.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"

namespace mimesis {
namespace {

const std::string kSource = MIMESIS_SOURCE_DIR;
// A damaged glTF (an animation channel whose "target" key is garbled, among other damage) on which
// Debian's Assimp 5.2 dereferences null, found by fuzz_assimp. Without the child rehearsal this
// test process would die with SIGSEGV.
const std::string kCrashing = kSource + "/tests/apps/bad-inputs/assimp-segv.gltf";
const std::string kHand = kSource + "/assets/meshes/hand-left.gltf";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string scratch(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "mimesis-assimp-isolation";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(AssimpIsolation, AFileThatCrashesAssimpIsAnErrorNamingIt) {
  Result<RawClip> clip = loadAssimpRaw(kCrashing);
  ASSERT_FALSE(clip);
  EXPECT_EQ(clip.error().code, ErrorCode::BadInput);
  EXPECT_EQ(clip.error().where, kCrashing);
  EXPECT_EQ(clip.error().message,
            "Assimp crashed (SIGSEGV) while reading the file; it is damaged or uses something Assimp cannot read");
}

TEST(AssimpIsolation, ImportsKeepWorkingAfterACrash) {
  for (int round = 0; round < 3; ++round) {
    EXPECT_FALSE(loadAssimpRaw(kCrashing)) << "round " << round;
    Result<SkinnedMesh> mesh = loadSkinnedMesh(kHand);
    ASSERT_TRUE(mesh) << mesh.error().describe();
    EXPECT_EQ(mesh->vertexCount(), 1884u);
  }
}

TEST(AssimpIsolation, ContentsNoImporterOfTheExtensionRecognisesAreRefused) {
  // Without this check Assimp would try all of its ~40 importers on the bytes.
  const std::string path = scratch("quick3d.gltf", "quick3ds garbage that another importer would claim");
  Result<RawClip> clip = loadAssimpRaw(path);
  ASSERT_FALSE(clip);
  EXPECT_EQ(clip.error().code, ErrorCode::BadInput);
  EXPECT_EQ(clip.error().message, "not a .gltf file: Assimp's importers for .gltf do not recognise its contents");
}

TEST(AssimpIsolation, AnExtensionAssimpDoesNotKnowIsRefused) {
  const std::string path = scratch("hand.notamodel", slurp(kHand));
  Result<SkinnedMesh> mesh = loadSkinnedMesh(path);
  ASSERT_FALSE(mesh);
  EXPECT_EQ(mesh.error().message, "Assimp has no importer for '.notamodel' files");
}

TEST(AssimpIsolation, StartingIsolationEarlyIsOptionalAndIdempotent) {
  startAssimpIsolation();
  startAssimpIsolation();
  EXPECT_TRUE(loadSkinnedMesh(kHand));
}

TEST(SkinnedMeshChecks, ANonFiniteVertexPositionIsRefused) {
  // The first float of the hand's buffer is vertex 0's x; make it NaN (bytes 00 00 c0 7f).
  std::string text = slurp(kHand);
  const std::string original = "base64,WO3Qu+Ol";
  const auto at = text.find(original);
  ASSERT_NE(at, std::string::npos) << "the hand mesh asset changed; update this test";
  text.replace(at, original.size(), "base64,AADAf+Ol");
  const std::string path = scratch("nan-vertex.gltf", text);
  Result<SkinnedMesh> mesh = loadSkinnedMesh(path);
  ASSERT_FALSE(mesh);
  EXPECT_EQ(mesh.error().code, ErrorCode::BadInput);
  EXPECT_EQ(mesh.error().message, "non-finite position of vertex 0 in mesh 0");
}

}  // namespace
}  // namespace mimesis
