// DesktopPanels: the desktop simulator's Dear ImGui panels — lesson and stage, transport, view,
// live score bars (with their numbers) and a rolling plot, the coach's message, the mirror model's estimates, the
// recording, the puppet hands and a help panel listing every shortcut. They draw a read-only
// view of the session (DesktopModel) and write only the user's choices (DesktopControls).
// Call between ImGui::NewFrame and ImGui::Render (the renderer does, via setUiBuilder).
#pragma once

#include <array>
#include <deque>
#include <string>
#include <vector>

#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/mirror/FeedbackState.hpp"
#include "mimesis/mirror/MirrorObserver.hpp"
#include "mimesis/sim/PuppetHandSource.hpp"

namespace mimesis {

// What the panels show; filled by the desktop after each session step.
struct DesktopModel {
  std::string lessonName;
  std::string sourceName;        // "puppet", "recording x.mrec", "simulated learner"
  FeedbackState state;
  ObserverEstimates estimates;
  std::vector<double> segmentMastery;  // per clip segment, [0, 1]
  std::vector<std::string> segmentNames;
  std::deque<float> liveScore;   // rolling, newest last, 0–100
  std::vector<double> trialScores;  // performed trials, in order
  double sessionTime = 0.0;
  double expertTime = 0.0, expertDuration = 0.0;
  std::string recordingPath;
  long framesRecorded = 0;
};

// What the user can change. The view override replaces the mirror model's choice only for
// display; every session decision stays the mirror model's, so a desktop session re-runs
// headless byte for byte.
struct DesktopControls {
  bool paused = false;
  float speed = 1.0f;               // session frames per displayed frame (0.25 to 4)
  bool followModelView = true;      // show the view the mirror model chose
  ViewKind view = ViewKind::FirstPerson;
  float previewTime = 0.0f;         // while paused: scrub the expert (clip seconds)
  bool scrubbing = false;
  int previewSegment = -1;          // while paused: loop the preview in this segment (-1: whole clip)
  int activeHand = 1;               // index(Hand) the mouse moves
  PuppetState* puppet = nullptr;    // null when the hands are not a puppet
  bool showHelp = false;
  bool quit = false;
};

void drawDesktopPanels(const DesktopModel& model, DesktopControls& controls);

// A live score bar: its fill, 1 - error / 2 of a cell's relative error (tolerance units) in
// [0, 1], and the number written on it ("87%"), or "untracked" for a cell with no valid error.
float liveQuality(bool valid, float relativeError);
std::string liveScoreLabel(bool valid, float relativeError);

// The keyboard shortcuts the help panel lists (key, action), in display order.
const std::vector<std::pair<std::string, std::string>>& desktopShortcuts();

}  // namespace mimesis
