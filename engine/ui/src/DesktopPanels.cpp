// The desktop panels (see DesktopPanels.hpp).
#include "mimesis/ui/DesktopPanels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "mimesis/motion/HandShapePresets.hpp"

namespace mimesis {
namespace {

// Panels stand in two columns at the window's edges, a fixed width each and as tall as their
// content (ImGui sizes them from the previous frame's items), stacked top-down; so no text is cut
// off whatever the coach says, and the layout is the same in every scripted run.
constexpr float kMargin = 10.0f, kGap = 6.0f;
constexpr float kLeftWidth = 340.0f, kRightWidth = 300.0f;

struct Column {
  float x, y, width;
};

void beginPanel(const char* name, const Column& column) {
  ImGui::SetNextWindowPos(ImVec2(column.x, column.y), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(column.width, 0.0f), ImVec2(column.width, FLT_MAX));
  ImGui::Begin(name, nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
}

void endPanel(Column& column) {
  column.y += ImGui::GetWindowHeight() + kGap;
  ImGui::End();
}

void lessonPanel(const DesktopModel& m) {
  ImGui::TextWrapped("Lesson: %s", m.lessonName.c_str());
  ImGui::Text("Stage: %s   trial %d", std::string(stageName(m.state.stage)).c_str(), m.state.trial + 1);
  ImGui::TextWrapped("Hands: %s", m.sourceName.c_str());
  ImGui::Text("Ghost %.2f   tempo %.2f   %s", m.state.ghostOpacity, m.state.tempo,
              m.state.loopedSegment >= 0 ? "part practice" : "whole clip");
  if (!m.state.message.empty()) ImGui::TextWrapped("Coach: %s", m.state.message.c_str());
  for (int i = 0; i < m.state.cueCount && i < kMaxCues; ++i)
  {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", m.state.cues[static_cast<std::size_t>(i)].message.c_str());
  }
  if (!m.state.knowledgeOfResults.empty()) ImGui::TextWrapped("%s", m.state.knowledgeOfResults.c_str());
}

void transportPanel(const DesktopModel& m, DesktopControls& c) {
  if (ImGui::Button(c.paused ? "Play" : "Pause")) c.paused = !c.paused;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140.0f);
  ImGui::SliderFloat("speed", &c.speed, 0.25f, 4.0f, "%.2fx");
  const float duration = static_cast<float>(std::max(m.expertDuration, 0.01));
  ImGui::BeginDisabled(!c.paused);
  c.scrubbing = ImGui::SliderFloat("scrub (paused)", &c.previewTime, 0.0f, duration, "%.2f s") || c.scrubbing;
  std::vector<const char*> names{"whole clip"};
  for (const std::string& s : m.segmentNames) names.push_back(s.c_str());
  int selected = c.previewSegment + 1;
  if (ImGui::Combo("loop segment", &selected, names.data(), static_cast<int>(names.size()))) c.previewSegment = selected - 1;
  ImGui::EndDisabled();
  ImGui::Text("session %.1f s   expert %.2f / %.2f s", m.sessionTime, m.expertTime, m.expertDuration);
}

void viewPanel(const DesktopModel& m, DesktopControls& c) {
  ImGui::Checkbox("follow the mirror model", &c.followModelView);
  int v = static_cast<int>(c.view);
  if (c.followModelView) v = m.state.view == View::Facing ? 1 : 0;
  ImGui::BeginDisabled(c.followModelView);
  bool changed = ImGui::RadioButton("first-person", &v, 0);
  ImGui::SameLine();
  changed |= ImGui::RadioButton("facing + mirror", &v, 1);
  ImGui::SameLine();
  changed |= ImGui::RadioButton("side", &v, 2);
  ImGui::EndDisabled();
  if (changed || !c.followModelView) c.view = static_cast<ViewKind>(v);
}

// One bar per hand and joint group, labelled with its live quality in percent (100: on the
// expert, 0: an error twice the tolerance or more).
void scoreBar(const DesktopModel& m, int cell) {
  const bool valid = m.estimates.liveValid[static_cast<std::size_t>(cell)];
  const float err = m.estimates.liveError[static_cast<std::size_t>(cell)];
  ImGui::ProgressBar(liveQuality(valid, err), ImVec2(-FLT_MIN, 0.0f), liveScoreLabel(valid, err).c_str());
}

void scorePanel(const DesktopModel& m) {
  if (ImGui::BeginTable("cells", 3, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableSetupColumn("group", ImGuiTableColumnFlags_WidthFixed, 60.0f);
    ImGui::TableSetupColumn("left hand");
    ImGui::TableSetupColumn("right hand");
    ImGui::TableHeadersRow();
    for (int g = 0; g < kHandGroupCount; ++g) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(std::string(handGroupName(static_cast<HandGroup>(g))).c_str());
      for (int h = 0; h < 2; ++h) {
        ImGui::TableNextColumn();
        scoreBar(m, h * kHandGroupCount + g);
      }
    }
    ImGui::EndTable();
  }
  // Plots take a width in pixels (ImGui 1.86's PlotEx draws nothing for -FLT_MIN).
  const float width = ImGui::GetContentRegionAvail().x;
  std::vector<float> plot(m.liveScore.begin(), m.liveScore.end());
  char now[32];
  std::snprintf(now, sizeof now, "live %.0f", plot.empty() ? 0.0f : plot.back());
  ImGui::PlotLines("##live", plot.data(), static_cast<int>(plot.size()), 0, now, 0.0f, 100.0f, ImVec2(width, 46.0f));
  std::vector<float> trials(m.trialScores.begin(), m.trialScores.end());
  char last[48];
  if (trials.empty())
    std::snprintf(last, sizeof last, "trials: none scored yet");
  else
    std::snprintf(last, sizeof last, "trials: last %.0f", trials.back());
  ImGui::PlotHistogram("##trials", trials.data(), static_cast<int>(trials.size()), 0, last, 0.0f, 100.0f, ImVec2(width, 40.0f));
}

void modelPanel(const DesktopModel& m) {
  const Resonance& r = m.estimates.learner;
  if (r.valid)
    ImGui::Text("lag %.0f ms   gain %.2f   fit %.2f", r.lagMs, r.gain, r.resonance);
  else
    ImGui::TextUnformatted("lag and gain: not yet measured");
  ImGui::TextWrapped("mapping %s (confidence %.2f)", std::string(imitationMappingName(m.estimates.mapping)).c_str(),
                     m.estimates.mappingConfidence);
  if (!m.segmentMastery.empty()) ImGui::TextUnformatted("segment mastery:");
  for (std::size_t s = 0; s < m.segmentMastery.size(); ++s) {
    char label[96];
    std::snprintf(label, sizeof label, "%s %.0f%%", s < m.segmentNames.size() ? m.segmentNames[s].c_str() : "segment",
                  100.0 * m.segmentMastery[s]);
    ImGui::ProgressBar(static_cast<float>(m.segmentMastery[s]), ImVec2(-FLT_MIN, 0.0f), label);
  }
}

void puppetPanel(DesktopControls& c) {
  if (c.puppet == nullptr) {
    ImGui::TextWrapped("The hands come from a recording or a simulated learner.");
    return;
  }
  ImGui::RadioButton("left hand", &c.activeHand, 0);
  ImGui::SameLine();
  ImGui::RadioButton("right hand", &c.activeHand, 1);
  PuppetHand& h = c.puppet->hands[static_cast<std::size_t>(c.activeHand)];
  ImGui::Checkbox("tracked", &h.active);
  const char* fingers[kFingerCount] = {"thumb", "index", "middle", "ring", "little"};
  for (int f = 0; f < kFingerCount; ++f) {
    ImGui::SetNextItemWidth(150.0f);
    ImGui::SliderFloat(fingers[f], &h.shape.curl[static_cast<std::size_t>(f)], 0.0f, 1.0f, "curl %.2f");
  }
  ImGui::SetNextItemWidth(150.0f);
  ImGui::SliderFloat("pitch", &h.pitchDeg, -90.0f, 90.0f, "%.0f deg");
  ImGui::SetNextItemWidth(150.0f);
  ImGui::SliderFloat("roll", &h.rollDeg, -180.0f, 180.0f, "%.0f deg");
  const float rowEnd = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  bool first = true;
  for (std::string_view name : handShapePresetNames()) {
    const std::string label(name);
    const float width = ImGui::CalcTextSize(label.c_str()).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > rowEnd) ImGui::NewLine();
    }
    first = false;
    if (ImGui::SmallButton(label.c_str())) {
      if (auto shape = handShapePreset(name)) h.shape = *shape;
    }
  }
}

}  // namespace

float liveQuality(bool valid, float relativeError) {
  return valid && std::isfinite(relativeError) ? std::clamp(1.0f - 0.5f * relativeError, 0.0f, 1.0f) : 0.0f;
}

std::string liveScoreLabel(bool valid, float relativeError) {
  if (!valid || !std::isfinite(relativeError)) return "untracked";
  char label[16];
  std::snprintf(label, sizeof label, "%.0f%%", 100.0f * liveQuality(valid, relativeError));
  return label;
}

const std::vector<std::pair<std::string, std::string>>& desktopShortcuts() {
  static const std::vector<std::pair<std::string, std::string>> k = {
      {"Space", "pause / play"},
      {"V", "next view (first-person, facing model, side)"},
      {"M", "follow the mirror model's view again"},
      {"[ / ]", "slower / faster"},
      {"Tab", "switch the puppet's active hand"},
      {"1-5", "curl thumb..little of the active hand (Shift: straighten)"},
      {"F / O / P", "fist / open / point preset"},
      {"right drag", "move the active wrist across the view"},
      {"Shift + right drag", "move the active wrist nearer / further"},
      {"left drag", "orbit the camera; wheel: zoom"},
      {"H or F1", "this help"},
      {"Esc", "quit (the recording and reports are kept)"},
  };
  return k;
}

void drawDesktopPanels(const DesktopModel& m, DesktopControls& c) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  Column left{kMargin, kMargin, kLeftWidth};
  beginPanel("Lesson", left);
  lessonPanel(m);
  endPanel(left);
  beginPanel("Transport", left);
  transportPanel(m, c);
  endPanel(left);
  beginPanel("View", left);
  viewPanel(m, c);
  endPanel(left);
  beginPanel("Live score", left);
  scorePanel(m);
  endPanel(left);
  Column right{display.x - kRightWidth - kMargin, kMargin, kRightWidth};
  beginPanel("Mirror model", right);
  modelPanel(m);
  endPanel(right);
  beginPanel("Recording", right);
  ImGui::TextWrapped("%s", m.recordingPath.c_str());
  ImGui::Text("%ld frames recorded", m.framesRecorded);
  endPanel(right);
  beginPanel("Puppet hands", right);
  puppetPanel(c);
  endPanel(right);
  if (c.showHelp) {
    // Between the columns, over the scene: help is asked for and dismissed with H.
    Column middle{kMargin + kLeftWidth + kGap, kMargin, std::max(200.0f, display.x - kLeftWidth - kRightWidth - 2.0f * (kMargin + kGap))};
    beginPanel("Help", middle);
    for (const auto& [key, action] : desktopShortcuts()) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s: %s", key.c_str(), action.c_str());
    }
    endPanel(middle);
  }
}

}  // namespace mimesis
