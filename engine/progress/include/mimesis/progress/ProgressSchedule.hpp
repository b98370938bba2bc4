// ProgressSchedule: per scene, the trend over sessions, the last delayed-retention test and what
// is due next (PROGRESS.md: expanding intervals, reset by a failed test).
#pragma once

#include <string>
#include <vector>

#include "mimesis/progress/ProgressSettings.hpp"
#include "mimesis/progress/ProgressStore.hpp"

namespace mimesis {

struct SceneProgress {
  std::string scene, lesson;
  std::vector<SessionSummary> sessions;  // oldest first
  // Trend over the last settings.trendSessions sessions with a mean score.
  std::vector<double> recentMeans;
  std::string trend;            // "up 12.3", "down 4.0", "steady", "one session", "no scores yet"
  bool hasRetentionTest = false;
  SessionSummary lastRetention; // the session of the most recent test
  int passedInARow = 0;         // delayed-retention tests passed in a row, most recent last
  Stage stageReached = Stage::Watch;
  bool lessonComplete = false;
  int intervalDays = 0;
  std::string dueDay;           // "YYYY-MM-DD"
  int dueInDays = 0;            // from today; negative: overdue
  std::string dueWhat;          // what the next session does
};

// `sessions` as ProgressStore::sessions gives them; `today` the learner's local day.
std::vector<SceneProgress> progressByScene(const std::vector<SessionSummary>& sessions, const std::string& today,
                                           const ProgressSettings& settings = {});

// The lines `mimesis progress NAME` prints.
std::string progressText(const std::string& learner, const std::vector<SceneProgress>& scenes,
                         const std::string& today);

}  // namespace mimesis
