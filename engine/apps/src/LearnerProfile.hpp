// What the lesson, desktop and headset commands share for learner profiles: the --learner-id,
// --db and --now options, the default database in the user's data folder, the session time from
// the real clock (only here, never in the engine), and a lesson run that resumes from and writes
// into the profile (engine/progress). Without --learner-id nothing is read or written.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "mimesis/core/Error.hpp"
#include "mimesis/progress/ProgressRecorder.hpp"
#include "mimesis/progress/ProgressStore.hpp"
#include "mimesis/session/HeadlessLesson.hpp"

namespace mimesis::app {

struct ProfileOptions {
  std::string learnerId;  // empty: no profile (headless re-runs and batches stay reproducible)
  std::string db;         // empty: defaultProgressDatabase()
  std::string now;        // ISO 8601; empty: the real clock
  bool active() const { return !learnerId.empty(); }
};

void addProfileOptions(CLI::App* cmd, ProfileOptions& o);

// $XDG_DATA_HOME/mimesis/progress.db, else ~/.local/share/mimesis/progress.db.
Result<std::string> defaultProgressDatabase();
Result<std::string> progressDatabasePath(const ProfileOptions& o);
// --now, or the real clock with the local UTC offset.
Result<Timestamp> sessionTime(const std::string& now);
// 1-64 printable characters, no control characters.
Status checkLearnerId(const std::string& id);
// Scenes are known by their file name, so a profile follows a scene across folders and checkouts.
std::string sceneKey(const std::string& scenePath);

// Opens (creating or migrating) the profile's database and checks the learner id and --now, so a
// batch refuses a bad file before its first recording.
Status checkProfile(const ProfileOptions& o);

// A lesson session in a learner's profile: the store, the resume plan and the trial recorder.
class LessonProfile {
 public:
  static Result<std::unique_ptr<LessonProfile>> open(const ProfileOptions& o, const Lesson& lesson,
                                                     const std::string& frontEnd);
  const MirrorResume& resume() const { return recorder_->plan().resume; }
  const std::string& note() const { return recorder_->plan().summary; }
  const std::string& databasePath() const { return store_->path(); }
  LessonObserver observer(LessonObserver inner = {}) { return recorder_->observer(std::move(inner)); }
  Status finish() { return recorder_->finish(); }
  int trialsWritten() const { return recorder_->trialsWritten(); }

 private:
  std::unique_ptr<ProgressStore> store_;
  std::unique_ptr<ProgressRecorder> recorder_;
};

// runHeadlessLesson, resumed from and recorded into the profile when `profile` names a learner;
// `note` (if given) receives the resume line ("" without a profile). A profile write failure
// fails the run after the reports were written.
Result<HeadlessResult> runProfiledLesson(const ProfileOptions* profile, const std::string& frontEnd, const Lesson& lesson,
                                         HandSource& source, int trials, const std::string& reportDir,
                                         const ReportOptions& report = {}, const LessonObserver& observer = {},
                                         std::string* note = nullptr);

}  // namespace mimesis::app
