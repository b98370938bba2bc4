#include "RenderBenchArgs.hpp"

#include <array>
#include <charconv>
#include <string_view>
#include <utility>

namespace mimesis::bench {
namespace {

Error bad(const std::string& option, std::string message) {
  return makeError(ErrorCode::BadInput, std::move(message), option);
}

// A whole decimal integer in [lo, hi]: no sign other than '-', no trailing text, no overflow.
Result<int> integerIn(const std::string& option, std::string_view text, int lo, int hi, const std::string& accepted) {
  int v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || v < lo || v > hi)
    return bad(option, "expected " + accepted + ", got '" + std::string(text) + "'");
  return v;
}

constexpr std::array<std::pair<std::string_view, VkFormat>, 3> kDepthNames{{
    {"d24s8", VK_FORMAT_D24_UNORM_S8_UINT},
    {"d32s8", VK_FORMAT_D32_SFLOAT_S8_UINT},
    {"d16s8", VK_FORMAT_D16_UNORM_S8_UINT},
}};

Result<VkFormat> depthNamed(const std::string& option, std::string_view name) {
  for (const auto& [n, f] : kDepthNames)
    if (n == name) return f;
  return bad(option, "unknown depth format '" + std::string(name) + "' (accepted: d24s8, d32s8, d16s8)");
}

Result<int> sampleCount(const std::string& option, std::string_view text) {
  const std::string accepted = "a sample count of 1, 2, 4, 8, 16, 32 or 64";
  Result<int> n = integerIn(option, text, 1, 64, accepted);
  if (!n) return n;
  if ((*n & (*n - 1)) != 0) return bad(option, "expected " + accepted + ", got '" + std::string(text) + "'");
  return n;
}

Status sizeInto(const std::string& option, std::string_view text, RenderBenchArgs& a) {
  const std::string accepted = "WxH, each in [1, 16384]";
  const std::size_t x = text.find('x');
  if (x == std::string_view::npos) return bad(option, "expected " + accepted + ", got '" + std::string(text) + "'");
  Result<int> w = integerIn(option, text.substr(0, x), 1, 16384, accepted);
  Result<int> h = integerIn(option, text.substr(x + 1), 1, 16384, accepted);
  if (!w || !h) return bad(option, "expected " + accepted + ", got '" + std::string(text) + "'");
  a.width = *w;
  a.height = *h;
  return okStatus();
}

}  // namespace

Result<RenderBenchArgs> parseRenderBenchArgs(const std::vector<std::string>& args, RenderBenchArgs a) {
  constexpr int kMaxFrames = 1'000'000;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& k = args[i];
    const bool takesValue = k == "--size" || k == "--samples" || k == "--frames" || k == "--warmup" ||
                            k == "--avatar" || k == "--clip" || k == "--device" || k == "--depth";
    if (takesValue && i + 1 == args.size()) return bad(k, "missing value");
    const std::string v = takesValue ? args[++i] : std::string();
    if (k == "--size") {
      if (Status s = sizeInto(k, v, a); !s) return s.error();
    } else if (k == "--samples") {
      Result<int> n = sampleCount(k, v);
      if (!n) return n.error();
      a.samples = *n;
    } else if (k == "--frames" || k == "--warmup") {
      const bool frames = k == "--frames";
      Result<int> n = integerIn(k, v, frames ? 1 : 0, kMaxFrames,
                                frames ? "a frame count in [1, 1000000]" : "a frame count in [0, 1000000]");
      if (!n) return n.error();
      (frames ? a.frames : a.warmup) = *n;
    } else if (k == "--device") {
      Result<int> n = integerIn(k, v, 0, 255, "a device index in [0, 255]");
      if (!n) return n.error();
      a.device = *n;
    } else if (k == "--depth") {
      Result<VkFormat> f = depthNamed(k, v);
      if (!f) return f.error();
      a.depth = *f;
    } else if (k == "--avatar") a.avatar = v;
    else if (k == "--clip") a.clip = v;
    else if (k == "--mono") a.stereo = false;
    else if (k == "--no-grid") a.grid = false;
    else if (k == "--no-mirror") a.mirror = false;
    else if (k == "--no-overlay") a.overlay = false;
    else if (k == "--no-avatar") a.avatarOn = false;
    else if (k == "--no-hands") a.hands = false;
    else if (k == "--empty") a.grid = a.mirror = a.overlay = a.avatarOn = a.hands = false;
    else return bad(k, "unknown argument (see the usage at the top of bench/render/RenderBench.cpp)");
  }
  return a;
}

}  // namespace mimesis::bench
