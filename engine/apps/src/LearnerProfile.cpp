// LearnerProfile: options, the database path, the real clock, and a profiled lesson run.
#include "LearnerProfile.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace mimesis::app {

void addProfileOptions(CLI::App* cmd, ProfileOptions& o) {
  cmd->add_option("--learner-id", o.learnerId,
                  "Learner profile: resume from their last session of this scene and record this one "
                  "(without it nothing is read or written)");
  cmd->add_option("--db", o.db, "Progress database (default $XDG_DATA_HOME/mimesis/progress.db, else "
                                "~/.local/share/mimesis/progress.db)");
  cmd->add_option("--now", o.now, "With --learner-id: the session's date and time, ISO 8601 with offset "
                                  "(default: the computer's clock)");
}

Result<std::string> defaultProgressDatabase() {
  namespace fs = std::filesystem;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg && fs::path(xdg).is_absolute()) return (fs::path(xdg) / "mimesis" / "progress.db").string();
  const char* home = std::getenv("HOME");
  if (!home || !*home)
    return makeError(ErrorCode::BadInput, "neither XDG_DATA_HOME nor HOME is set: give the database with --db", "--db");
  return (fs::path(home) / ".local" / "share" / "mimesis" / "progress.db").string();
}

Result<std::string> progressDatabasePath(const ProfileOptions& o) {
  if (!o.db.empty()) return o.db;
  return defaultProgressDatabase();
}

Result<Timestamp> sessionTime(const std::string& now) {
  if (!now.empty()) return parseTimestamp(now, "--now");
  // The one place the real clock is read: the front end hands the engine its time.
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  if (!localtime_r(&t, &local)) return makeError(ErrorCode::Internal, "cannot read the local time");
  Timestamp ts;
  ts.utcSeconds = static_cast<std::int64_t>(t);
  ts.offsetMinutes = static_cast<int>(local.tm_gmtoff / 60);
  return ts;
}

Status checkLearnerId(const std::string& id) {
  if (id.empty() || id.size() > 64)
    return makeError(ErrorCode::BadInput, "a learner id has 1 to 64 characters", "--learner-id");
  for (const char c : id)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return makeError(ErrorCode::BadInput, "a learner id has no control characters", "--learner-id");
  return okStatus();
}

std::string sceneKey(const std::string& scenePath) { return std::filesystem::path(scenePath).filename().string(); }

Status checkProfile(const ProfileOptions& o) {
  if (Status s = checkLearnerId(o.learnerId); !s) return s;
  if (Result<Timestamp> now = sessionTime(o.now); !now) return now.error();
  Result<std::string> path = progressDatabasePath(o);
  if (!path) return path.error();
  if (Result<ProgressStore> store = ProgressStore::open(*path); !store) return store.error();
  return okStatus();
}

Result<std::unique_ptr<LessonProfile>> LessonProfile::open(const ProfileOptions& o, const Lesson& lesson,
                                                           const std::string& frontEnd) {
  if (Status s = checkLearnerId(o.learnerId); !s) return s.error();
  Result<Timestamp> now = sessionTime(o.now);
  if (!now) return now.error();
  Result<std::string> path = progressDatabasePath(o);
  if (!path) return path.error();
  Result<ProgressStore> store = ProgressStore::open(*path);
  if (!store) return store.error();
  auto p = std::make_unique<LessonProfile>();
  p->store_ = std::make_unique<ProgressStore>(std::move(*store));
  SessionStart start;
  start.learner = o.learnerId;
  start.scene = sceneKey(lesson.scenePath);
  start.lesson = lesson.name;
  start.frontEnd = frontEnd;
  start.started = *now;
  Result<ProgressRecorder> recorder = ProgressRecorder::begin(*p->store_, start, lesson);
  if (!recorder) return recorder.error();
  p->recorder_ = std::make_unique<ProgressRecorder>(std::move(*recorder));
  return p;
}

Result<HeadlessResult> runProfiledLesson(const ProfileOptions* profile, const std::string& frontEnd, const Lesson& lesson,
                                         HandSource& source, int trials, const std::string& reportDir,
                                         const ReportOptions& report, const LessonObserver& observer,
                                         std::string* note) {
  if (note) note->clear();
  if (!profile || !profile->active()) return runHeadlessLesson(lesson, source, trials, reportDir, report, observer);
  Result<std::unique_ptr<LessonProfile>> p = LessonProfile::open(*profile, lesson, frontEnd);
  if (!p) return p.error();
  LessonProfile& prof = **p;
  if (note) *note = prof.note();
  Result<HeadlessResult> r =
      runHeadlessLesson(lesson, source, trials, reportDir, report, prof.observer(observer), prof.resume());
  if (!r) return r;
  if (Status s = prof.finish(); !s) return s.error();
  return r;
}

}  // namespace mimesis::app
