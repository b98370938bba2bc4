// HandSource: where the learner's hands come from — the headset tracker, a recording, a
// simulated learner. Declared here (the session consumes it), implemented by sim and xr.
#pragma once

#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/mirror/FeedbackState.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// What a source may know about the trial about to start. Pointers are borrowed and valid
// until endTrial.
struct TrialContext {
  int trial = 0;                    // 0-based, counts every trial including Watch/Imagine
  double rate = 90.0;               // the session's frame rate (frames of the virtual clock)
  const FeedbackState* guidance = nullptr;  // the state the trial starts with
  // The expert as it will be displayed this trial: the looped segment (or the whole clip) at
  // the chosen tempo, time 0 = trial start, one frame per session frame (no anticipation lead).
  const Clip* expertShown = nullptr;
  double expertStart = 0.0;         // expert clip seconds shown at trial time 0
  double tempo = 1.0;
  bool performs = true;             // stagePerforms(stage): the learner is asked to move
};

class HandSource {
 public:
  virtual ~HandSource() = default;
  // Prepares the trial; an error stops the session.
  virtual Status beginTrial(const TrialContext& context) = 0;
  // The learner's frame at `trialTime` (seconds since the trial began, increasing by one
  // frame per call) with the guidance currently shown. Returns false when the learner's
  // performance is over (the trial ends); `out` is then unspecified.
  virtual bool poll(double trialTime, const FeedbackState& guidance, Frame& out) = 0;
  virtual void endTrial() {}
  // Non-empty when the learner asked to stop (a desktop window closed, a frame budget reached):
  // the lesson driver then starts no further trial, ends normally and writes its reports. The
  // trial in progress when the source stopped delivering frames is scored as it stands.
  virtual std::string stopRequest() const { return {}; }
};

}  // namespace mimesis
