// ProgressSchedule: trend, last retention test and the next due day per scene.
#include "mimesis/progress/ProgressSchedule.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/core.h>

#include "mimesis/core/NumberText.hpp"

namespace mimesis {
namespace {

SceneProgress summarise(std::vector<SessionSummary> sessions, const std::string& today, const ProgressSettings& st) {
  SceneProgress p;
  p.scene = sessions.front().scene;
  p.lesson = sessions.back().lesson;
  p.sessions = std::move(sessions);
  for (const SessionSummary& s : p.sessions)
    if (s.meanScore >= 0.0) p.recentMeans.push_back(s.meanScore);
  const std::size_t keep = static_cast<std::size_t>(std::max(2, st.trendSessions));
  if (p.recentMeans.size() > keep) p.recentMeans.erase(p.recentMeans.begin(), p.recentMeans.end() - static_cast<long>(keep));
  if (p.recentMeans.empty()) {
    p.trend = "no scores yet";
  } else if (p.recentMeans.size() == 1) {
    p.trend = "one session";
  } else {
    const double d = p.recentMeans.back() - p.recentMeans.front();
    p.trend = d >= st.trendPoints ? fmt::format("up {:.1f}", d)
              : d <= -st.trendPoints ? fmt::format("down {:.1f}", -d)
                                     : std::string("steady");
  }
  for (const SessionSummary& s : p.sessions) {
    if (!s.hasRetentionTest) continue;
    p.hasRetentionTest = true;
    p.lastRetention = s;
    p.passedInARow = s.retentionPassed ? p.passedInARow + 1 : 0;
  }
  const SessionSummary& last = p.sessions.back();
  p.stageReached = last.stageReached;
  p.lessonComplete = last.lessonComplete;
  const int n = static_cast<int>(st.intervalsDays.size());
  p.intervalDays = st.intervalsDays[static_cast<std::size_t>(std::clamp(p.passedInARow, 0, n - 1))];
  p.dueDay = addDays(last.started.localDay(), p.intervalDays);
  p.dueInDays = dayDifference(today, p.dueDay);
  const bool performed = std::any_of(p.sessions.begin(), p.sessions.end(),
                                     [](const SessionSummary& s) { return s.performedTrials > 0; });
  p.dueWhat = performed ? fmt::format("a delayed-retention test, then practice in stage {}", stageName(p.stageReached))
                        : fmt::format("continue the lesson (stage {})", stageName(p.stageReached));
  return p;
}

std::string scoreText(double v) { return v >= 0.0 ? printfFixed(v, 1) : std::string("-"); }

}  // namespace

std::vector<SceneProgress> progressByScene(const std::vector<SessionSummary>& sessions, const std::string& today,
                                           const ProgressSettings& settings) {
  std::vector<SceneProgress> out;
  std::vector<SessionSummary> group;
  for (const SessionSummary& s : sessions) {
    if (!group.empty() && group.front().scene != s.scene) {
      out.push_back(summarise(std::move(group), today, settings));
      group.clear();
    }
    group.push_back(s);
  }
  if (!group.empty()) out.push_back(summarise(std::move(group), today, settings));
  return out;
}

std::string progressText(const std::string& learner, const std::vector<SceneProgress>& scenes,
                         const std::string& today) {
  std::size_t sessions = 0;
  for (const SceneProgress& p : scenes) sessions += p.sessions.size();
  std::string o = fmt::format("learner {}: {} session(s) of {} scene(s), as of {}\n", learner, sessions, scenes.size(), today);
  for (const SceneProgress& p : scenes) {
    const SessionSummary& last = p.sessions.back();
    o += fmt::format("\n{} ({})\n", p.lesson, p.scene);
    o += fmt::format("  sessions: {}, last {} (stage {}{})\n", p.sessions.size(), last.started.localDay(),
                     stageName(p.stageReached), p.lessonComplete ? ", lesson complete" : "");
    std::string means;
    for (const double m : p.recentMeans) means += (means.empty() ? "" : " -> ") + scoreText(m);
    o += fmt::format("  trend: {}{}\n", p.trend, means.empty() ? std::string() : " (mean practice score per session: " + means + ")");
    if (p.hasRetentionTest)
      o += fmt::format("  last retention test: {}, score {:.1f}, {} ({} passed in a row)\n",
                       p.lastRetention.started.localDay(), p.lastRetention.retentionScore,
                       p.lastRetention.retentionPassed ? "passed" : "below the pass score", p.passedInARow);
    else
      o += "  last retention test: none yet\n";
    const std::string when = p.dueInDays > 0    ? fmt::format("in {} day(s)", p.dueInDays)
                             : p.dueInDays == 0 ? std::string("today")
                                                : fmt::format("overdue by {} day(s)", -p.dueInDays);
    o += fmt::format("  due: {} ({}, every {} day(s) now): {}\n", p.dueDay, when, p.intervalDays, p.dueWhat);
  }
  return o;
}

}  // namespace mimesis
