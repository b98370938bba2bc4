// MirrorResume: where a returning learner's lesson starts instead of "watch" — the skill
// estimates stored at the end of their last session (already decayed for the time away by the
// caller, engine/progress/PROGRESS.md), the stage to resume in, and whether the first trial is a
// delayed-retention test (no ghost, no cues). Plain data; the model only applies what fits this
// lesson's layout, and logs each change with the cause given here.
#pragma once

#include <string>

#include "mimesis/mirror/DecisionTrace.hpp"
#include "mimesis/mirror/MirrorTypes.hpp"
#include "mimesis/mirror/SkillEstimate.hpp"

namespace mimesis {

struct MirrorResume {
  bool active = false;            // false: a fresh lesson (nothing below is used)
  Stage stage = Stage::Watch;     // the stage to practise in (after the retention test, if any)
  DecisionCause stageCause;       // why this stage: e.g. days away compared with a long gap
  // The first `retentionTrials` full trials are performed in Retention (no ghost, no cues) and
  // then the policy moves to `stage`; a trial cut short does not count.
  bool retentionTest = false;
  int retentionTrials = 1;
  DecisionCause retentionCause;   // why a test: e.g. days since the last session's day
  std::string retentionTrialsKey = "progress.retentionTrials";
  // Stored estimates (segments × kCellsPerSegment each). Used only when both banks match the
  // lesson's segment count; otherwise the observer keeps its priors.
  SkillBank guided, unguided;
};

}  // namespace mimesis
