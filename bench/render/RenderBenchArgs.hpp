// RenderBenchArgs: the render bench's command line, read strictly before anything touches Vulkan,
// so that a mistyped option is an exit-2 error naming it rather than a silent default measured
// for minutes (an unknown --depth once ran as d24s8; `--samples four` once ran as 0).
#pragma once

#include <vulkan/vulkan.h>

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"

namespace mimesis::bench {

struct RenderBenchArgs {
  int width = 1832, height = 1920;  // per eye
  int samples = 4;                  // MSAA; the renderer lowers it to what the device supports
  int frames = 300, warmup = 30;
  int device = -1;                  // physical device index; -1: the context's own choice
  bool stereo = true;
  bool grid = true, mirror = true, overlay = true, avatarOn = true, hands = true;  // for breakdowns
  std::string avatar;               // empty: the caller's default
  std::string clip;
  VkFormat depth = VK_FORMAT_UNDEFINED;  // UNDEFINED: the renderer's first supported format
};

// Reads argv[1..argc) over `defaults`. A bad value is ErrorCode::BadInput with `where` the option
// and a message that lists the accepted values.
Result<RenderBenchArgs> parseRenderBenchArgs(const std::vector<std::string>& args, RenderBenchArgs defaults);

}  // namespace mimesis::bench
