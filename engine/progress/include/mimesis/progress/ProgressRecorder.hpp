// ProgressRecorder: a running lesson written into a learner's profile, one committed transaction
// per trial (from LessonObserver::afterTrial), so a session killed mid-trial loses that trial only.
#pragma once

#include <optional>
#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/progress/ProgressStore.hpp"
#include "mimesis/progress/ResumePlan.hpp"
#include "mimesis/session/HeadlessLesson.hpp"

namespace mimesis {

// The scores of one trial's ScoreReport JSON (TrialRecord::reportJson): the whole trial and each
// scorable group, each segment and its scorable groups. Empty for a trial that was not scored.
std::vector<PartScore> partScoresOf(const std::string& reportJson);

class ProgressRecorder {
 public:
  // Plans the resume from the learner's last session of `start.scene` and opens the session.
  static Result<ProgressRecorder> begin(ProgressStore& store, SessionStart start, const Lesson& lesson,
                                        const ProgressSettings& settings = {});

  const ResumePlan& plan() const { return plan_; }
  // Chains `inner` (the desktop's panels, say) and writes each trial after it. The store must
  // outlive the lesson run.
  LessonObserver observer(LessonObserver inner = {});
  // The first write error (later trials are not written after one).
  const std::optional<Error>& failure() const { return failure_; }
  int trialsWritten() const { return written_; }
  // After the lesson: marks the session finished; returns the first error of the session.
  Status finish();

 private:
  ProgressRecorder() = default;
  void record(const SessionRunner& runner, const TrialRecord& rec);

  ProgressStore* store_ = nullptr;
  const Lesson* lesson_ = nullptr;
  std::int64_t session_ = 0;
  ResumePlan plan_;
  std::optional<Error> failure_;
  int written_ = 0;
};

}  // namespace mimesis
