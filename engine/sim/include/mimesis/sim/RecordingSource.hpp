// RecordingSource: a HandSource that replays recorded learner performances, one per trial,
// cycling through them (trial k plays recording k mod n).
#pragma once

#include <string>
#include <vector>

#include "mimesis/session/HandSource.hpp"

namespace mimesis {

class RecordingSource : public HandSource {
 public:
  // Each recording must have at least one frame; they are replayed from their first frame,
  // sampled at the session's frame times (sampleClip: no invented tracking).
  explicit RecordingSource(std::vector<Clip> recordings);

  // Reads .mrec files (readMrec) or keyframe clips (.mkeys); other formats: load them with
  // motion_import's loadClip and use the constructor. Errors name the file.
  static Result<RecordingSource> fromFiles(const std::vector<std::string>& paths);

  Status beginTrial(const TrialContext& context) override;
  bool poll(double trialTime, const FeedbackState& guidance, Frame& out) override;

  std::size_t recordingCount() const { return recordings_.size(); }

 private:
  std::vector<Clip> recordings_;
  const Clip* current_ = nullptr;
};

}  // namespace mimesis
