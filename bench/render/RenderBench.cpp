// Render bench: frame timings of a stereo frame (default 1832x1920 per eye, 4x MSAA) with two
// learner hands, two ghost hands, a skinned avatar, the floor grid, the mirror and the overlay.
// Prints CPU record+submit time and GPU time (timestamp queries) per frame: median, p95, mean.
// Usage: mimesis_render_bench [--size WxH] [--samples 1|2|4|8|16|32|64] [--frames N] [--warmup N]
//                             [--depth d24s8|d32s8|d16s8] [--avatar FILE.glb] [--clip FILE.mkeys]
//                             [--mono] [--device N] [--no-grid] [--no-mirror] [--no-overlay]
//                             [--no-avatar] [--no-hands] [--empty]
// Exit codes as the mimesis command's: 2 a bad option or input file (read before any Vulkan
// call), 1 a device failure.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "mimesis/motion/HandSkeleton.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/motion_import/AvatarPose.hpp"
#include "mimesis/render/Renderer.hpp"
#include "RenderBenchArgs.hpp"

namespace {

using namespace mimesis;

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return -1.0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}
double mean(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return v.empty() ? -1.0 : s / static_cast<double>(v.size());
}

int fail(const Error& e) {
  std::fprintf(stderr, "mimesis_render_bench: %s\n", e.describe().c_str());
  return e.code == ErrorCode::Internal || e.code == ErrorCode::Device ? 1 : 2;
}

EyeView eyeAt(const glm::vec3& eye, const glm::vec3& target, float aspect) {
  EyeView v;
  v.T_world_eye.position = eye;
  v.T_world_eye.orientation = lookRotation(eye - target, glm::vec3(0.0f, 1.0f, 0.0f));
  // A headset-like field: about 90 degrees vertically, asymmetric like a real display.
  const float up = 0.785f, down = -0.82f;
  const float half = std::atan(std::tan(0.5f * (up - down)) * aspect);
  v.fov = {-half, half * 0.95f, up, down};
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  bench::RenderBenchArgs defaults;
  defaults.avatar = std::string(MIMESIS_SHARED_DATA_DIR) + "/models/CesiumMan/CesiumMan.glb";
  defaults.clip = std::string(MIMESIS_SOURCE_DIR) + "/assets/clap.mkeys";
  const Result<bench::RenderBenchArgs> parsed = bench::parseRenderBenchArgs(std::vector<std::string>(argv + 1, argv + argc), defaults);
  if (!parsed) return fail(parsed.error());
  const bench::RenderBenchArgs& a = *parsed;

  Result<Clip> clip = loadKeyframeClip(a.clip);
  if (!clip) return fail(clip.error());
  Result<AvatarAnimation> avatar = loadAvatar(a.avatar);
  if (!avatar) return fail(avatar.error());

  VulkanContextOptions co;
  co.deviceIndex = a.device;
  auto ctx = VulkanContext::create(co);
  if (!ctx) return fail(ctx.error());
  RendererOptions ro;
  ro.samples = a.samples;
  ro.depthFormat = a.depth;
  auto renderer = Renderer::create(**ctx, ro);
  if (!renderer) return fail(renderer.error());
  Renderer& r = **renderer;
  auto mesh = r.addMesh(avatar->mesh);
  if (!mesh) return fail(mesh.error());

  const int eyes = a.stereo ? 2 : 1;
  std::vector<std::unique_ptr<RenderTarget>> targets;
  for (int e = 0; e < eyes; ++e) {
    TargetDesc d;
    d.extent = {static_cast<std::uint32_t>(a.width), static_cast<std::uint32_t>(a.height)};
    auto t = r.createTarget(d);
    if (!t) return fail(t.error());
    targets.push_back(std::move(*t));
  }

  FrameDescription f;
  f.view = ViewKind::Mirror;
  f.mirror.enabled = a.mirror;
  f.floorGrid = a.grid;
  f.mirror.T_world_mirror.position = {0.6f, 1.2f, -1.3f};
  f.mirror.halfSize = {0.5f, 0.6f};
  if (a.overlay) {
    f.labels.push_back({{0.0f, 1.9f, -1.2f}, "model", {1.0f, 1.0f, 1.0f, 1.0f}});
    f.panel = {"Stage: guided", "Trial 4", "Keep your wrists level"};
  }
  f.hands.resize(a.hands ? 4 : 0);
  DrawnMesh body;
  body.mesh = *mesh;
  body.opacity = 0.6f;
  if (a.avatarOn) f.meshes.push_back(body);

  std::vector<double> cpu, gpu;
  Frame sample;
  const double rate = 90.0;
  const int total = a.warmup + a.frames;
  for (int k = 0; k < total; ++k) {
    const double t = static_cast<double>(k) / rate;
    sampleClip(*clip, clip->frames.front().time + std::fmod(t, std::max(clip->duration(), 1e-3)), sample);
    for (int h = 0; h < (a.hands ? 2 : 0); ++h) {
      DrawnHand& learner = f.hands[static_cast<std::size_t>(h)];
      learner.pose = sample.hands[static_cast<std::size_t>(h)];
      learner.opacity = 1.0f;
      learner.jointColour.fill({0.85f, 0.62f, 0.5f, 1.0f});
      learner.highlightedJoints = h == 1 ? (1u << index(HandJoint::IndexTip)) : 0u;
      DrawnHand& ghost = f.hands[static_cast<std::size_t>(h + 2)];
      ghost = learner;
      for (JointPose& j : ghost.pose.joints) j.pose.position += glm::vec3(0.01f, 0.01f, -0.02f);
      ghost.opacity = 0.5f;
      ghost.jointColour.fill({0.55f, 0.75f, 1.0f, 1.0f});
    }
    if (a.avatarOn) {
      avatarSkinMatrices(*avatar, t, f.meshes[0].skin);
      // Stand the avatar facing the learner, 1.2 m away.
      glm::mat4 place(1.0f);
      place[3] = glm::vec4(0.0f, 0.0f, -1.2f, 1.0f);
      for (glm::mat4& m : f.meshes[0].skin) m = place * m;
    }

    std::vector<ViewTarget> views;
    for (int e = 0; e < eyes; ++e) {
      const float x = a.stereo ? (e == 0 ? -0.032f : 0.032f) : 0.0f;
      views.push_back({eyeAt({x, 1.6f, 0.0f}, {x, 1.2f, -0.6f}, static_cast<float>(a.width) / static_cast<float>(a.height)),
                       targets[static_cast<std::size_t>(e)].get()});
    }
    const std::uint64_t before = r.lastTimings().frame;
    Status s = r.draw(f, views);
    if (!s) return fail(s.error());
    // lastTimings() now holds the frame whose slot was just reused (framesInFlight ago).
    const FrameTimings& tm = r.lastTimings();
    if (k > a.warmup + 2 && tm.frame != before) {
      cpu.push_back(tm.cpuMs);
      if (tm.gpuMs >= 0.0) gpu.push_back(tm.gpuMs);
    }
  }
  Status done = r.finish();
  if (!done) return fail(done.error());

  std::printf("device: %s\n", (*ctx)->deviceName().c_str());
  std::printf("frame: %s %dx%d per eye, %dx MSAA, %s, avatar %s (%zu triangles)%s%s%s\n", a.stereo ? "stereo" : "mono",
              a.width, a.height, r.samples(), a.hands ? "2 learner hands, 2 ghost hands" : "no hands",
              a.avatarOn ? std::filesystem::path(a.avatar).filename().c_str() : "off", avatar->mesh.triangleCount(),
              a.mirror ? ", mirror" : "", a.grid ? ", grid" : "", a.overlay ? ", overlay" : "");
  std::printf("frames measured: %zu (after %d warm-up)\n", cpu.size(), a.warmup);
  std::printf("cpu record+submit ms: median %.4f  p95 %.4f  mean %.4f\n", percentile(cpu, 0.5), percentile(cpu, 0.95), mean(cpu));
  if (gpu.empty())
    std::printf("gpu ms: not available (no timestamp support on this queue)\n");
  else
    std::printf("gpu ms (timestamps): median %.4f  p95 %.4f  mean %.4f\n", percentile(gpu, 0.5), percentile(gpu, 0.95), mean(gpu));
  return 0;
}
