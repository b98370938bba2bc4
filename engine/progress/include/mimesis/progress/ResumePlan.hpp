// ResumePlan: where a returning learner starts — the stored estimates decayed by the time away,
// the stage reached (one below after a long gap), and a delayed-retention test when the last
// session was on an earlier day. A pure function of its inputs: the time comes from the front end.
#pragma once

#include <optional>
#include <string>

#include "mimesis/mirror/MirrorResume.hpp"
#include "mimesis/progress/ProgressSettings.hpp"
#include "mimesis/progress/ProgressStore.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis {

struct ResumePlan {
  MirrorResume resume;      // inactive for a first session
  bool returning = false;
  double daysAway = 0.0;    // since the end of the last session (0 if the clock went backwards)
  int calendarDays = 0;     // calendar days from the last session's day to today
  bool estimatesUsed = false;
  std::string summary;      // one line for people: what was resumed and why
};

// One filter after `days` away (PROGRESS.md: exponential forgetting toward the prior).
SkillFilter decayFilter(const SkillFilter& f, double days, double priorError, double priorVariance,
                        const ProgressSettings& settings);

ResumePlan planResume(const std::optional<LastSession>& last, const Timestamp& now, const Lesson& lesson,
                      const ProgressSettings& settings = {});

}  // namespace mimesis
