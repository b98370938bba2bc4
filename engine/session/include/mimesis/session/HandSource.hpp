// HandSource: where the learner's hands come from — the headset tracker, a recording, a
// simulated learner. Declared here (the session consumes it), implemented by sim and xr.
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/mirror/FeedbackState.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/scoring/LiveScorer.hpp"

namespace mimesis {

// What a source may know about the trial about to start. Pointers are borrowed and valid
// until endTrial.
struct TrialContext {
  int trial = 0;                    // 0-based, counts every trial including Watch/Imagine
  double rate = 90.0;               // the session's frame rate (frames of the virtual clock)
  const FeedbackState* guidance = nullptr;  // the state the trial starts with
  // The expert as it will be displayed this trial: the looped segment (or the whole clip) at
  // the chosen tempo, time 0 = trial start, at the clip's rate (no anticipation lead); a source on
  // its own clock samples it at its frames' trial times (sampleClip, interpolating).
  const Clip* expertShown = nullptr;
  double expertStart = 0.0;         // expert clip seconds shown at trial time 0
  double tempo = 1.0;
  bool performs = true;             // stagePerforms(stage): the learner is asked to move
  double startTime = 0.0;           // session seconds at which the trial began (its time 0)
  // The live scorer's latest frame score of this trial (updated by every step; not tracked
  // before the first) and its group names: what a front end colours the learner's joints by.
  const FrameScore* liveScore = nullptr;
  const std::vector<std::string>* scoreGroupNames = nullptr;
};

// Time. A source without a clock of its own (a recording, a simulated learner, the desktop's
// puppet) follows the driver's virtual clock: its frames are one frame interval (1 / the clip's
// rate) apart, and it is asked for the frame at each virtual time. A source with a clock of its
// own (the headset: OpenXR's predicted display times; a recorded session: its stored times)
// says when each trial starts and ends and when each frame was sampled; the driver then
// stores, scores and shows every frame at exactly that time. Missed frames are gaps in time,
// never compressed time.
class HandSource {
 public:
  virtual ~HandSource() = default;
  // True for a source with a clock of its own (see above); the three calls below are then used.
  virtual bool ownsClock() const { return false; }
  // Session seconds at which the next trial starts, >= `earliest` (the previous trial's end, 0
  // for the first). Called just before beginTrial; a source that cannot deliver any more may
  // return `earliest` and then fail beginTrial.
  virtual double trialStartTime(double earliest) { return earliest; }
  // Session seconds at which the trial ends, after its last frame. `proposed` is the last
  // frame's time plus one frame interval of the virtual clock.
  virtual double trialEndTime(double proposed) { return proposed; }

  // Prepares the trial; an error stops the session.
  virtual Status beginTrial(const TrialContext& context) = 0;
  // The learner's next frame with the guidance currently shown. `trialTime` is the virtual
  // clock's time of this frame (seconds since the trial began: 0, then one frame interval more
  // per call). A source without a clock returns its learner at that time (`out.time` =
  // trialTime); a source with one returns its next frame with `out.time` = the session seconds
  // at which it was sampled, strictly increasing, >= context.startTime. Returns false when the
  // learner's performance is over (the trial ends); `out` is then unspecified.
  virtual bool poll(double trialTime, const FeedbackState& guidance, Frame& out) = 0;
  virtual void endTrial() {}
  // Non-empty when the learner asked to stop (a desktop window closed, a frame budget reached):
  // the lesson driver then starts no further trial, ends normally and writes its reports. The
  // trial in progress when the source stopped delivering frames is scored as it stands.
  virtual std::string stopRequest() const { return {}; }
};

}  // namespace mimesis
