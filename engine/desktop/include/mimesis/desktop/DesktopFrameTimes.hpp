// DesktopFrameTimes: where a displayed desktop frame's wall time goes, frame by frame, so a slow
// desktop can be measured (`mimesis desktop --frame-times`, tools/bench-render). Phases, in
// milliseconds: the lesson driver between two displayed frames (hand source, scorer, mirror
// model, recorder), input and composing the frame description, acquiring the swapchain image,
// the renderer's draw call on the CPU (recording and submitting, including waiting for the frame
// slot's fence, where a CPU Vulkan driver's rendering shows up) and within it the Dear ImGui
// panels' building, presenting, and the GPU time between the frame's timestamps.
#pragma once

#include <string>
#include <vector>

namespace mimesis {

struct DesktopFrameTime {
  double totalMs = 0.0;    // from the previous displayed frame's end to this one's
  double sessionMs = 0.0;
  double composeMs = 0.0;
  double acquireMs = 0.0;
  double drawMs = 0.0;
  double panelsMs = 0.0;
  double presentMs = 0.0;
  double gpuMs = -1.0;     // -1: not available
};

// Median, 95th percentile and mean of each phase over `frames`, one line per phase, skipping the
// first `warmup` frames (pipeline and font creation, first swapchain images).
std::string summarizeFrameTimes(const std::vector<DesktopFrameTime>& frames, int warmup);

}  // namespace mimesis
