// The desktop panels (see DesktopPanels.hpp). Windows sit at fixed places so a scripted session
// (and its screenshot) lays out the same every time.
#include "mimesis/ui/DesktopPanels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "mimesis/motion/HandShapePresets.hpp"

namespace mimesis {
namespace {

void fixedWindow(const char* name, float x, float y, float w, float h) {
  ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
  ImGui::Begin(name, nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings);
}

void lessonPanel(const DesktopModel& m) {
  ImGui::Text("Lesson: %s", m.lessonName.c_str());
  ImGui::Text("Stage: %s   trial %d", std::string(stageName(m.state.stage)).c_str(), m.state.trial + 1);
  ImGui::Text("Hands: %s", m.sourceName.c_str());
  ImGui::Text("Ghost %.2f   tempo %.2f   %s", m.state.ghostOpacity, m.state.tempo,
              m.state.loopedSegment >= 0 ? "part practice" : "whole clip");
  if (!m.state.message.empty()) ImGui::TextWrapped("Coach: %s", m.state.message.c_str());
  for (int i = 0; i < m.state.cueCount && i < kMaxCues; ++i)
    ImGui::BulletText("%s", m.state.cues[static_cast<std::size_t>(i)].message.c_str());
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
  bool changed = ImGui::RadioButton("first-person ghost", &v, 0);
  changed |= ImGui::RadioButton("facing model + mirror", &v, 1);
  changed |= ImGui::RadioButton("side", &v, 2);
  ImGui::EndDisabled();
  if (changed || !c.followModelView) c.view = static_cast<ViewKind>(v);
}

void scorePanel(const DesktopModel& m) {
  const char* hands[2] = {"left", "right"};
  for (int h = 0; h < 2; ++h) {
    ImGui::Text("%s hand", hands[h]);
    for (int g = 0; g < kHandGroupCount; ++g) {
      const int cell = h * kHandGroupCount + g;
      const bool valid = m.estimates.liveValid[static_cast<std::size_t>(cell)];
      const float err = m.estimates.liveError[static_cast<std::size_t>(cell)];
      const float quality = valid ? std::clamp(1.0f - 0.5f * err, 0.0f, 1.0f) : 0.0f;
      char label[48];
      std::snprintf(label, sizeof label, "%s", valid ? "" : "untracked");
      ImGui::ProgressBar(quality, ImVec2(150.0f, 0.0f), label);
      ImGui::SameLine();
      ImGui::TextUnformatted(std::string(handGroupName(static_cast<HandGroup>(g))).c_str());
    }
  }
  std::vector<float> plot(m.liveScore.begin(), m.liveScore.end());
  ImGui::PlotLines("live", plot.data(), static_cast<int>(plot.size()), 0, nullptr, 0.0f, 100.0f, ImVec2(220.0f, 50.0f));
  std::vector<float> trials(m.trialScores.begin(), m.trialScores.end());
  ImGui::PlotHistogram("trials", trials.data(), static_cast<int>(trials.size()), 0, nullptr, 0.0f, 100.0f, ImVec2(220.0f, 40.0f));
}

void modelPanel(const DesktopModel& m) {
  const Resonance& r = m.estimates.learner;
  if (r.valid)
    ImGui::Text("lag %.0f ms   gain %.2f   fit %.2f", r.lagMs, r.gain, r.resonance);
  else
    ImGui::TextUnformatted("lag and gain: not yet measured");
  ImGui::Text("mapping %s (confidence %.2f)", std::string(imitationMappingName(m.estimates.mapping)).c_str(),
              m.estimates.mappingConfidence);
  for (std::size_t s = 0; s < m.segmentMastery.size(); ++s) {
    ImGui::ProgressBar(static_cast<float>(m.segmentMastery[s]), ImVec2(150.0f, 0.0f));
    ImGui::SameLine();
    ImGui::TextUnformatted(s < m.segmentNames.size() ? m.segmentNames[s].c_str() : "segment");
  }
}

void puppetPanel(DesktopControls& c) {
  if (c.puppet == nullptr) {
    ImGui::TextUnformatted("(hands come from a recording or a simulated learner)");
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
  for (std::string_view name : handShapePresetNames()) {
    if (ImGui::SmallButton(std::string(name).c_str())) {
      if (auto shape = handShapePreset(name)) h.shape = *shape;
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

}  // namespace

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
  fixedWindow("Lesson", 10.0f, 10.0f, 330.0f, 170.0f);
  lessonPanel(m);
  ImGui::End();
  fixedWindow("Transport", 10.0f, 186.0f, 330.0f, 120.0f);
  transportPanel(m, c);
  ImGui::End();
  fixedWindow("View", 10.0f, 312.0f, 330.0f, 124.0f);
  viewPanel(m, c);
  ImGui::End();
  fixedWindow("Live score", 10.0f, 442.0f, 330.0f, 330.0f);
  scorePanel(m);
  ImGui::End();
  const float right = ImGui::GetIO().DisplaySize.x - 300.0f;
  fixedWindow("Mirror model", right, 10.0f, 290.0f, 150.0f);
  modelPanel(m);
  ImGui::End();
  fixedWindow("Recording", right, 166.0f, 290.0f, 70.0f);
  ImGui::TextWrapped("%s", m.recordingPath.c_str());
  ImGui::Text("%ld frames recorded", m.framesRecorded);
  ImGui::End();
  fixedWindow("Puppet hands", right, 242.0f, 290.0f, 280.0f);
  puppetPanel(c);
  ImGui::End();
  if (c.showHelp) {
    fixedWindow("Help", right, 528.0f, 290.0f, 260.0f);
    for (const auto& [key, action] : desktopShortcuts()) ImGui::BulletText("%s: %s", key.c_str(), action.c_str());
    ImGui::End();
  }
}

}  // namespace mimesis
