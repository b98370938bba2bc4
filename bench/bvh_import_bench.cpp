// BVH import speed: our parser + forward kinematics against Assimp's BVH importer (with and
// without evaluating its node animation to world poses), on CMU 01_03 and a 30 000-frame file.
// Ends with the ratios Assimp / ours ("ratio ..." lines), the figure to quote.
#include <benchmark/benchmark.h>

#include <assimp/Importer.hpp>
#include <assimp/scene.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "mimesis/motion_import/BvhImport.hpp"

namespace {

const std::string kCmu03 = std::string(MIMESIS_SHARED_DATA_DIR) + "/cmu-bvh/01_03.bvh";
const std::string kLarge = "/tmp/mimesis_bvh_bench_30000.bvh";

// 01_03's hierarchy with its motion rows repeated to 30 000 frames, written once.
const std::string& largeFile() {
  static const std::string path = [] {
    std::ifstream in(kCmu03);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const auto motion = text.find("MOTION");
    const auto timeLine = text.find("Frame Time:", motion);
    const auto rowsStart = text.find('\n', timeLine) + 1;
    std::vector<std::string> rows;
    std::istringstream r(text.substr(rowsStart));
    for (std::string line; std::getline(r, line);)
      if (line.find_first_not_of(" \t\r") != std::string::npos) rows.push_back(line);
    std::ofstream out(kLarge, std::ios::binary);
    out << text.substr(0, motion) << "MOTION\nFrames: 30000\nFrame Time: .0083333\n";
    for (int i = 0; i < 30000; ++i) out << rows[static_cast<std::size_t>(i) % rows.size()] << "\n";
    return kLarge;
  }();
  return path;
}

void oursParseAndFk(benchmark::State& state, const std::string& path) {
  for (auto _ : state) {
    mimesis::Result<mimesis::RawClip> raw = mimesis::loadBvhRaw(path);
    if (!raw.ok()) {
      state.SkipWithError(raw.error().describe().c_str());
      return;
    }
    benchmark::DoNotOptimize(raw->poses.data());
    state.counters["frames"] = raw->frameCount();
  }
}

// World matrices of every animated node for every frame, from Assimp's per-frame keys.
double evaluateAssimp(const aiScene* scene) {
  const aiAnimation* anim = scene->mAnimations[0];
  std::map<const aiNode*, const aiNodeAnim*> channelOf;
  std::vector<const aiNode*> order;  // parents first
  std::vector<const aiNode*> stack = {scene->mRootNode};
  while (!stack.empty()) {
    const aiNode* n = stack.back();
    stack.pop_back();
    order.push_back(n);
    for (unsigned c = 0; c < n->mNumChildren; ++c) stack.push_back(n->mChildren[c]);
  }
  for (unsigned c = 0; c < anim->mNumChannels; ++c)
    channelOf[scene->mRootNode->FindNode(anim->mChannels[c]->mNodeName)] = anim->mChannels[c];
  const unsigned frames = anim->mNumChannels ? anim->mChannels[0]->mNumRotationKeys : 0;
  std::map<const aiNode*, aiMatrix4x4> world;
  double sum = 0.0;
  for (unsigned f = 0; f < frames; ++f) {
    for (const aiNode* n : order) {
      aiMatrix4x4 local = n->mTransformation;
      if (const auto it = channelOf.find(n); it != channelOf.end()) {
        const aiNodeAnim* ch = it->second;
        const aiVector3D& t = ch->mPositionKeys[std::min(f, ch->mNumPositionKeys - 1)].mValue;
        const aiQuaternion& q = ch->mRotationKeys[std::min(f, ch->mNumRotationKeys - 1)].mValue;
        local = aiMatrix4x4(aiVector3D(1, 1, 1), q, t);
      }
      world[n] = n->mParent ? world[n->mParent] * local : local;
      sum += world[n].a4;
    }
  }
  return sum;
}

void assimpImport(benchmark::State& state, const std::string& path, bool evaluate) {
  for (auto _ : state) {
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(path, 0);
    if (!scene || scene->mNumAnimations == 0) {
      state.SkipWithError(importer.GetErrorString());
      return;
    }
    if (evaluate) benchmark::DoNotOptimize(evaluateAssimp(scene));
    benchmark::DoNotOptimize(scene->mAnimations[0]->mChannels);
  }
}

void BM_Ours_01_03(benchmark::State& s) { oursParseAndFk(s, kCmu03); }
void BM_Assimp_01_03(benchmark::State& s) { assimpImport(s, kCmu03, false); }
void BM_AssimpEval_01_03(benchmark::State& s) { assimpImport(s, kCmu03, true); }
void BM_Ours_30000(benchmark::State& s) { oursParseAndFk(s, largeFile()); }
void BM_Assimp_30000(benchmark::State& s) { assimpImport(s, largeFile(), false); }
void BM_AssimpEval_30000(benchmark::State& s) { assimpImport(s, largeFile(), true); }

// Console output as usual, plus each benchmark's time kept (the median when repeated) so the
// speed-ups can be printed as ratios at the end: figures only compare within one run.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type == Run::RT_Aggregate && !median) continue;
      Time& t = times_[run.run_name.function_name];
      if (median || !t.median) t = {run.GetAdjustedRealTime(), run.GetAdjustedCPUTime(), median};
    }
    ConsoleReporter::ReportRuns(runs);
  }

  void printRatios() const {
    for (const char* file : {"01_03", "30000"}) {
      const auto ours = times_.find(std::string("BM_Ours_") + file);
      if (ours == times_.end()) continue;
      for (const char* other : {"Assimp", "AssimpEval"}) {
        const auto it = times_.find(std::string("BM_") + other + "_" + file);
        if (it == times_.end()) continue;
        std::printf("ratio %-10s/ours %-5s: %5.2fx real, %5.2fx cpu (%s)\n", other, file,
                    it->second.real / ours->second.real, it->second.cpu / ours->second.cpu,
                    ours->second.median ? "medians" : "single runs");
      }
    }
  }

 private:
  struct Time {
    double real = 0.0;
    double cpu = 0.0;
    bool median = false;
  };
  std::map<std::string, Time> times_;
};

}  // namespace

// Iteration counts keep the whole run, three repetitions included (tools/bench), well under a
// minute on a loaded machine: the 30 000-frame Assimp import alone takes most of a second.
BENCHMARK(BM_Ours_01_03)->Unit(benchmark::kMillisecond)->MinTime(0.2);
BENCHMARK(BM_Assimp_01_03)->Unit(benchmark::kMillisecond)->Iterations(4);
BENCHMARK(BM_AssimpEval_01_03)->Unit(benchmark::kMillisecond)->Iterations(4);
BENCHMARK(BM_Ours_30000)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_Assimp_30000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_AssimpEval_30000)->Unit(benchmark::kMillisecond)->Iterations(1);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.printRatios();
  benchmark::Shutdown();
  return 0;
}
