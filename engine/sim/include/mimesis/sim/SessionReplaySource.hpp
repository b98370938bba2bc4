// SessionReplaySource: a HandSource that plays a recorded session (the session.mrec a lesson
// writes) back trial by trial, so the same lesson re-run headless reproduces every score,
// decision and report byte for byte.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/session/HandSource.hpp"

namespace mimesis {

class SessionReplaySource : public HandSource {
 public:
  // Splits the recording's frames (session clock) into trials at its "trial-begin" and
  // "trial-end" events (SessionRunner writes them): a frame belongs to the trial whose begin
  // time is <= its time < the trial's end time. Only complete trials (both events present) are
  // kept, so a recording cut short by a crash replays every trial that finished. Errors
  // (BadInput, where = `where`): no trial events at all, events out of order.
  static Result<SessionReplaySource> fromRecording(const MrecFile& file, const std::string& where);
  // readMrec(path), then fromRecording; errors name the file.
  static Result<SessionReplaySource> fromFile(const std::string& path);

  // Complete trials in the recording: run the lesson for exactly this many trials.
  int trialCount() const { return static_cast<int>(trials_.size()); }
  double rate() const { return rate_; }  // the recording's nominal frame rate
  // Why the recording ended early (MrecRecovery::detail) and how many trials were incomplete;
  // empty for a cleanly closed session.
  const std::string& recoveryNote() const { return recoveryNote_; }

  // The recording's clock: trials start and end at their recorded events' times and every
  // frame keeps its recorded session time, so a session recorded on any clock (the virtual
  // one, a headset's display times with their gaps) re-runs exactly; nothing is recomputed
  // from frame counts.
  bool ownsClock() const override { return true; }
  double trialStartTime(double earliest) override;  // the next trial's "trial-begin" time
  double trialEndTime(double proposed) override;     // this trial's "trial-end" time
  // Trial k replays recorded trial k; asking for a trial beyond trialCount() is an error.
  Status beginTrial(const TrialContext& context) override;
  // Returns the recorded frames of the trial in order, bit for bit, times included, then
  // false: the trial ends exactly where the recorded one did.
  bool poll(double trialTime, const FeedbackState& guidance, Frame& out) override;

 private:
  SessionReplaySource() = default;
  std::vector<std::vector<Frame>> trials_;
  std::vector<std::pair<double, double>> spans_;  // per trial: begin, end (session seconds)
  int currentTrial_ = -1;
  double rate_ = 90.0;
  std::string recoveryNote_;
  const std::vector<Frame>* current_ = nullptr;
  std::size_t next_ = 0;
};

}  // namespace mimesis
