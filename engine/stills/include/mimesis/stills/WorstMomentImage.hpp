// The lesson report's picture of the worst moment: the expert ghost over the learner's recorded
// hands at that instant, first-person and side views side by side, drawn by the renderer.
#pragma once

#include <string>

#include "mimesis/session/Lesson.hpp"
#include "mimesis/session/ReportData.hpp"

namespace mimesis {

// A callback for ReportOptions::renderPng: reads the finished session recording in `reportDir`,
// cuts out the worst moment's trial and renders it. Errors (no Vulkan device, unreadable
// recording) are returned for the report to show; they never stop the lesson.
RenderPngFn worstMomentRenderer(const Lesson& lesson, const std::string& reportDir);

}  // namespace mimesis
