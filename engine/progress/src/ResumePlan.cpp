// ResumePlan: decay, the stage to resume in and the retention test, each with the cause the
// decision trace will carry.
#include "mimesis/progress/ResumePlan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/core.h>

#include "mimesis/mirror/MirrorInputs.hpp"

namespace mimesis {
namespace {

constexpr double kUnbounded = std::numeric_limits<double>::max();

bool anyObserved(const SkillBank& b) {
  for (int s = 0; s < b.segments(); ++s)
    for (int c = 0; c < b.cellsPerSegment(); ++c)
      if (b.observed(s, c)) return true;
  return false;
}

SkillBank decayBank(const SkillBank& b, double days, double priorError, double priorVariance,
                    const ProgressSettings& settings) {
  SkillBank out = b;
  for (int s = 0; s < b.segments(); ++s)
    for (int c = 0; c < b.cellsPerSegment(); ++c)
      out.at(s, c) = decayFilter(b.at(s, c), days, priorError, priorVariance, settings);
  return out;
}

}  // namespace

SkillFilter decayFilter(const SkillFilter& f, double days, double priorError, double priorVariance,
                        const ProgressSettings& settings) {
  if (f.observations <= 0 || !(days > 0.0)) return f;
  SkillFilter prior;
  prior.reset(priorError, priorVariance);
  const double halfLife = std::max(1e-3, settings.forgettingHalfLifeDays);
  const double kept = std::exp2(-days / halfLife);
  SkillFilter out = f;
  out.mean = prior.mean + (f.mean - prior.mean) * kept;
  // Uncertainty grows with time away, but never beyond a beginner's (nor shrinks below its own).
  out.variance = std::max(f.variance, std::min(prior.variance, f.variance + settings.varianceGrowthPerDay * days));
  return out;
}

ResumePlan planResume(const std::optional<LastSession>& last, const Timestamp& now, const Lesson& lesson,
                      const ProgressSettings& settings) {
  ResumePlan plan;
  if (!last) {
    plan.summary = "first session of this scene: the lesson starts from the beginning";
    return plan;
  }
  plan.returning = true;
  const Timestamp lastEnd = addSeconds(last->started, last->lengthSeconds);
  plan.daysAway = std::max(0.0, daysBetween(lastEnd, now));
  plan.calendarDays = calendarDaysBetween(last->started, now);
  MirrorResume& r = plan.resume;
  r.active = true;

  const int segments = LessonLayout::fromClip(lesson.clip).segmentCount();
  const ObserverConfig& o = lesson.mirror.observer;
  if (last->hasEstimates && last->segments == segments) {
    r.guided = decayBank(last->estimates.guided, plan.daysAway, o.skillPriorError, o.skillPriorVariance, settings);
    r.unguided = decayBank(last->estimates.unguided, plan.daysAway, o.skillPriorError, o.skillPriorVariance, settings);
    plan.estimatesUsed = true;
  }
  const bool performedBefore = plan.estimatesUsed && (anyObserved(r.guided) || anyObserved(r.unguided));

  // Stage: the one reached, one below after a long gap.
  const bool longGap = plan.daysAway >= settings.longGapDays;
  Stage stage = last->stageReached;
  if (longGap && stage != Stage::Watch) stage = static_cast<Stage>(static_cast<int>(stage) - 1);
  r.stage = stage;
  r.stageCause = DecisionCause{"days since the last session", plan.daysAway, longGap ? ">=" : "<",
                               settings.longGapDays, "progress.longGapDays", 0.0, kUnbounded};

  // Delayed retention: something was learned, and today is a later day than the last session's.
  r.retentionTest = performedBefore && plan.calendarDays >= settings.retentionAfterDays;
  r.retentionTrials = std::max(1, settings.retentionTrials);
  r.retentionTrialsKey = "progress.retentionTrials";
  r.retentionCause = DecisionCause{"calendar days since the last session's day", static_cast<double>(plan.calendarDays),
                                   ">=", static_cast<double>(settings.retentionAfterDays),
                                   "progress.retentionAfterDays", -kUnbounded, kUnbounded};

  plan.summary = fmt::format("returning after {:.1f} day(s): resume in stage {}{}", plan.daysAway, stageName(stage),
                             longGap ? fmt::format(" (one below {}, away >= {:.0f} days)", stageName(last->stageReached),
                                                   settings.longGapDays)
                                     : std::string());
  plan.summary += plan.estimatesUsed ? fmt::format(", estimates decayed (half-life {:.0f} days)",
                                                   settings.forgettingHalfLifeDays)
                                     : std::string(", no usable stored estimates (the lesson's segments changed?)");
  if (r.retentionTest) plan.summary += "; first trial: delayed-retention test (no ghost, no cues)";
  return plan;
}

}  // namespace mimesis
