// ProgressStore: a learner's progress in one SQLite file — learners, sessions per scene, every
// trial with its scores per segment and joint group, the mirror model's skill estimates and the
// stage reached. WAL mode, a busy timeout so several processes can share the file, and one
// transaction per trial (a session killed mid-trial loses only that trial). PROGRESS.md has the
// schema and its migrations.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/mirror/MirrorTypes.hpp"
#include "mimesis/mirror/SkillEstimate.hpp"
#include "mimesis/progress/Timestamp.hpp"

namespace mimesis {

inline constexpr int kProgressSchemaVersion = 2;
// PRAGMA application_id of a Mimesis progress database ("MMSP"): other SQLite files are refused.
inline constexpr std::int32_t kProgressApplicationId = 0x4D4D5350;

struct SessionStart {
  std::string learner;
  std::string scene;        // the scene as named on the command line (a path)
  std::string lesson;       // the lesson's name
  std::string frontEnd;     // "lesson", "batch", "desktop", "headset"
  Timestamp started;
  Stage startStage = Stage::Watch;
  int segments = 1;         // the lesson layout's segment count (estimates are per segment)
};

// One score of a trial: a segment ("" = the whole trial) and a joint group ("" = all groups).
struct PartScore {
  std::string segment;
  std::string group;
  double score = 0.0;
};

struct TrialRow {
  int trial = 0;            // 0-based within the session
  Stage stage = Stage::Watch;
  bool performed = false, guided = false, cutShort = false, delayedRetention = false;
  bool passed = false;      // a full trial at or above its stage's pass score
  double score = 0.0;       // meaningful when performed
  double ghostOpacity = 0.0, tempo = 1.0;
  double endSeconds = 0.0;  // session seconds at the trial's end
  std::vector<PartScore> parts;
};

// The mirror model after a trial: its skill banks, the stage reached and completion.
struct EstimateSnapshot {
  SkillBank guided, unguided;
  Stage stageReached = Stage::Watch;
  bool lessonComplete = false;
};

// What resuming needs from a learner's last session of a scene.
struct LastSession {
  std::int64_t id = 0;
  Timestamp started;
  double lengthSeconds = 0.0;  // session seconds up to its last recorded trial
  Stage stageReached = Stage::Watch;
  bool lessonComplete = false;
  bool hasEstimates = false;
  EstimateSnapshot estimates;  // banks with `segments` segments when hasEstimates
  int segments = 1;
};

// One session as the progress report shows it.
struct SessionSummary {
  std::int64_t id = 0;
  std::string scene, lesson, frontEnd;
  Timestamp started;
  Stage startStage = Stage::Watch, stageReached = Stage::Watch;
  bool lessonComplete = false, finished = false;
  int trials = 0, performedTrials = 0;
  double meanScore = -1.0, bestScore = -1.0;  // over full performed trials; -1: none
  bool hasRetentionTest = false;
  double retentionScore = 0.0;
  bool retentionPassed = false;
};

class ProgressStore {
 public:
  // Opens (creating when absent unless `create` is false) and migrates to the current schema.
  // A file that is not SQLite, a SQLite file of another application, a newer schema or a damaged
  // database is refused with ErrorCode::BadInput naming the file.
  static Result<ProgressStore> open(const std::string& path, bool create = true);

  ProgressStore(ProgressStore&&) noexcept;
  ProgressStore& operator=(ProgressStore&&) noexcept;
  ~ProgressStore();

  const std::string& path() const;

  // The learner's last session of this scene with recorded trials (nullopt: a new learner or scene).
  Result<std::optional<LastSession>> lastSession(const std::string& learner, const std::string& scene);
  // Inserts the learner if new and the session; returns its id.
  Result<std::int64_t> beginSession(const SessionStart& start);
  // One transaction: the trial, its scores, and the session's estimates and stage as they stand.
  Status recordTrial(std::int64_t session, const TrialRow& trial, const EstimateSnapshot& estimates);
  // Marks the session finished (a killed session stays unfinished, its trials kept).
  Status finishSession(std::int64_t session);

  Result<bool> hasLearner(const std::string& learner);
  // Every session of the learner, oldest first (scene, then start time, then id).
  Result<std::vector<SessionSummary>> sessions(const std::string& learner);
  // Scores of the learner's full performed trials of one session, in trial order.
  Result<std::vector<double>> trialScores(std::int64_t session);

  // For tests of migrations: the schema version the file has.
  Result<int> schemaVersion();

 private:
  ProgressStore() = default;
  struct Impl;
  std::unique_ptr<Impl> d_;
};

// Builds a database at an older schema version (tests of the migrations use it).
Status createProgressDatabaseAtVersion(const std::string& path, int version);

}  // namespace mimesis
