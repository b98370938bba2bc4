// ProgressSettings: every number behind resuming and scheduling (PROGRESS.md explains each).
// Decision causes in trace.json name them as "progress.<key>".
#pragma once

#include <array>

namespace mimesis {

struct ProgressSettings {
  // Forgetting between sessions: the learned part of each cell's log error (its distance from
  // the beginner prior) halves every this many days away ...
  double forgettingHalfLifeDays = 7.0;
  // ... and its variance grows by this much per day away (capped at the prior variance).
  double varianceGrowthPerDay = 0.05;
  // Away at least this long: resume one stage below the stage reached.
  double longGapDays = 14.0;
  // The first trial on a later calendar day than the last session is a delayed-retention test.
  int retentionAfterDays = 1;
  int retentionTrials = 1;
  // Spaced practice: days from a session to the next, indexed by the number of delayed-retention
  // tests passed in a row (the last entry repeats); a failed test starts again at the first.
  std::array<int, 6> intervalsDays{1, 2, 4, 7, 14, 30};
  // A session trend ("up", "down") needs this many score points between the first and last of
  // the recent sessions.
  double trendPoints = 3.0;
  int trendSessions = 3;
};

}  // namespace mimesis
