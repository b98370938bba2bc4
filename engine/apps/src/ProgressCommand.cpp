// `mimesis progress NAME`: a learner's progress per scene — the trend over sessions, the last
// delayed-retention test and what is due next (engine/progress/PROGRESS.md); --html DIR writes
// progress.html with charts over sessions. Reads the database, never creates or changes data.
#include <fmt/core.h>

#include <memory>
#include <string>

#include "Command.hpp"
#include "LearnerProfile.hpp"
#include "mimesis/progress/ProgressHtml.hpp"
#include "mimesis/progress/ProgressSchedule.hpp"

namespace mimesis::app {
namespace {

struct ProgressOptions {
  std::string learner;
  std::string db;
  std::string now;
  std::string html;
};

int runProgress(const ProgressOptions& o) {
  if (Status s = checkLearnerId(o.learner); !s) return reportError("progress", s.error());
  ProfileOptions p;
  p.db = o.db;
  Result<std::string> path = progressDatabasePath(p);
  if (!path) return reportError("progress", path.error());
  Result<Timestamp> now = sessionTime(o.now);
  if (!now) return reportError("progress", now.error());
  Result<ProgressStore> store = ProgressStore::open(*path, /*create=*/false);
  if (!store) return reportError("progress", store.error());
  Result<bool> known = store->hasLearner(o.learner);
  if (!known) return reportError("progress", known.error());
  if (!*known)
    return reportError("progress", makeError(ErrorCode::BadInput, "no learner '" + o.learner + "' in the database", *path));
  Result<std::vector<SessionSummary>> sessions = store->sessions(o.learner);
  if (!sessions) return reportError("progress", sessions.error());
  const std::string today = now->localDay();
  const std::vector<SceneProgress> scenes = progressByScene(*sessions, today);
  fmt::print("{}", progressText(o.learner, scenes, today));
  if (!o.html.empty()) {
    if (Status s = writeProgressHtml(o.html, o.learner, scenes, today); !s) return reportError("progress", s.error());
    fmt::print("report: {}/progress.html\n", o.html);
  }
  return kExitOk;
}

}  // namespace

CommandAction addProgressCommand(CLI::App& app) {
  auto o = std::make_shared<ProgressOptions>();
  CLI::App* cmd = app.add_subcommand(
      "progress", "A learner's progress per scene: trend over sessions, last delayed-retention test, what is due next");
  cmd->add_option("learner", o->learner, "Learner id (as given to --learner-id)")->required();
  cmd->add_option("--db", o->db, "Progress database (default $XDG_DATA_HOME/mimesis/progress.db, else "
                                 "~/.local/share/mimesis/progress.db)");
  cmd->add_option("--now", o->now, "Today, ISO 8601 with offset (default: the computer's clock)");
  cmd->add_option("--html", o->html, "Also write DIR/progress.html with charts over sessions");
  return [o] { return runProgress(*o); };
}

}  // namespace mimesis::app
