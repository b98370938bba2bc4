// ProgressStore: writing a session trial by trial, and the queries behind resuming and the
// progress report. Opening a file (identify, WAL, busy timeout, migrate): ProgressOpen.cpp.
#include "mimesis/progress/ProgressStore.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

#include "ProgressOpen.hpp"
#include "ProgressSchema.hpp"
#include "SqliteDb.hpp"

namespace mimesis {
namespace {

using sqlite::Statement;
using progress_file::Connection;
using progress_file::openAt;
using progress_file::pragmaInt;

const char* trialKind(const TrialRow& t) {
  if (!t.performed) return "watch";
  return t.delayedRetention ? "delayed-retention" : "practice";
}

Stage stageFromName(const std::string& name) {
  for (int s = 0; s < kStageCount; ++s)
    if (stageName(static_cast<Stage>(s)) == name) return static_cast<Stage>(s);
  return Stage::Watch;
}

double finiteOr(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

}  // namespace

struct ProgressStore::Impl {
  std::string path;
  Connection c;
};

ProgressStore::ProgressStore(ProgressStore&&) noexcept = default;
ProgressStore& ProgressStore::operator=(ProgressStore&&) noexcept = default;
ProgressStore::~ProgressStore() = default;

Result<ProgressStore> ProgressStore::open(const std::string& path, bool create) {
  Result<sqlite3*> db = openAt(path, create, kProgressSchemaVersion);
  if (!db) return db.error();
  ProgressStore s;
  s.d_ = std::make_unique<Impl>();
  s.d_->path = path;
  s.d_->c.db = *db;
  return s;
}

Status createProgressDatabaseAtVersion(const std::string& path, int version) {
  if (version < 1 || version > kProgressSchemaVersion)
    return makeError(ErrorCode::BadInput, "no schema version " + std::to_string(version), path);
  Result<sqlite3*> db = openAt(path, true, version);
  if (!db) return db.error();
  sqlite3_close_v2(*db);
  return okStatus();
}

const std::string& ProgressStore::path() const { return d_->path; }

Result<int> ProgressStore::schemaVersion() {
  Result<std::int64_t> v = pragmaInt(d_->c.db, d_->path, "PRAGMA user_version");
  if (!v) return v.error();
  return static_cast<int>(*v);
}

Result<std::optional<LastSession>> ProgressStore::lastSession(const std::string& learner, const std::string& scene) {
  sqlite3* db = d_->c.db;
  const std::string& path = d_->path;
  Statement q(db, path);
  if (Status s = q.prepare("SELECT s.id, s.started_utc, s.offset_min, s.length_s, s.stage_reached, s.lesson_complete, "
                           "s.segments FROM sessions s JOIN learners l ON l.id = s.learner_id "
                           "WHERE l.name = ?1 AND s.scene = ?2 AND s.trials > 0 "
                           "ORDER BY s.started_utc DESC, s.id DESC LIMIT 1");
      !s)
    return s.error();
  q.bind(1, learner);
  q.bind(2, scene);
  Result<bool> row = q.step();
  if (!row) return row.error();
  if (!*row) return std::optional<LastSession>{};
  LastSession last;
  last.id = q.integer(0);
  last.started.utcSeconds = q.integer(1);
  last.started.offsetMinutes = static_cast<int>(q.integer(2));
  last.lengthSeconds = finiteOr(q.real(3), 0.0);
  last.stageReached = stageFromName(q.text(4));
  last.lessonComplete = q.integer(5) != 0;
  last.segments = static_cast<int>(std::clamp<std::int64_t>(q.integer(6), 1, 10000));

  Statement e(db, path);
  if (Status s = e.prepare("SELECT bank, segment, cell, mean, variance, observations FROM estimates "
                           "WHERE session_id = ?1 ORDER BY bank, segment, cell");
      !s)
    return s.error();
  e.bind(1, last.id);
  last.estimates.guided.configure(last.segments, kCellsPerSegment, 0.5, 1.0);
  last.estimates.unguided.configure(last.segments, kCellsPerSegment, 0.5, 1.0);
  int rows = 0;
  for (;;) {
    Result<bool> r = e.step();
    if (!r) return r.error();
    if (!*r) break;
    const std::int64_t seg = e.integer(1), cell = e.integer(2);
    if (seg < 0 || seg >= last.segments || cell < 0 || cell >= kCellsPerSegment) continue;
    SkillBank& bank = e.text(0) == "guided" ? last.estimates.guided : last.estimates.unguided;
    SkillFilter& f = bank.at(static_cast<int>(seg), static_cast<int>(cell));
    f.mean = finiteOr(e.real(3), f.mean);
    f.variance = std::max(1e-6, finiteOr(e.real(4), f.variance));
    f.observations = static_cast<int>(std::clamp<std::int64_t>(e.integer(5), 0, 1 << 30));
    ++rows;
  }
  last.hasEstimates = rows == 2 * last.segments * kCellsPerSegment;
  last.estimates.stageReached = last.stageReached;
  last.estimates.lessonComplete = last.lessonComplete;
  return std::optional<LastSession>(std::move(last));
}

Result<std::int64_t> ProgressStore::beginSession(const SessionStart& st) {
  sqlite3* db = d_->c.db;
  const std::string& path = d_->path;
  sqlite::Transaction tx(db, path);
  if (Status s = tx.begin(); !s) return s.error();
  {
    Statement q(db, path);
    if (Status s = q.prepare("INSERT OR IGNORE INTO learners(name) VALUES (?1)"); !s) return s.error();
    q.bind(1, st.learner);
    if (Status s = q.run(); !s) return s.error();
  }
  Statement q(db, path);
  if (Status s = q.prepare("INSERT INTO sessions(learner_id, scene, lesson, front_end, started_utc, offset_min, "
                           "start_stage, stage_reached, segments) SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8 "
                           "FROM learners WHERE name = ?1");
      !s)
    return s.error();
  q.bind(1, st.learner);
  q.bind(2, st.scene);
  q.bind(3, st.lesson);
  q.bind(4, st.frontEnd);
  q.bind(5, st.started.utcSeconds);
  q.bind(6, st.started.offsetMinutes);
  q.bind(7, std::string(stageName(st.startStage)));
  q.bind(8, st.segments);
  if (Status s = q.run(); !s) return s.error();
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  if (Status s = tx.commit(); !s) return s.error();
  return id;
}

Status ProgressStore::recordTrial(std::int64_t session, const TrialRow& t, const EstimateSnapshot& est) {
  sqlite3* db = d_->c.db;
  const std::string& path = d_->path;
  sqlite::Transaction tx(db, path);
  if (Status s = tx.begin(); !s) return s;
  {
    Statement q(db, path);
    if (Status s = q.prepare("INSERT INTO trials(session_id, trial, stage, kind, performed, guided, cut_short, passed, "
                             "score, ghost, tempo, end_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        !s)
      return s;
    q.bind(1, session);
    q.bind(2, t.trial);
    q.bind(3, std::string(stageName(t.stage)));
    q.bind(4, std::string(trialKind(t)));
    q.bind(5, t.performed ? 1 : 0);
    q.bind(6, t.guided ? 1 : 0);
    q.bind(7, t.cutShort ? 1 : 0);
    q.bind(8, t.passed ? 1 : 0);
    if (t.performed) q.bind(9, finiteOr(t.score, 0.0));
    else q.bindNull(9);
    q.bind(10, finiteOr(t.ghostOpacity, 0.0));
    q.bind(11, finiteOr(t.tempo, 1.0));
    q.bind(12, finiteOr(t.endSeconds, 0.0));
    if (Status s = q.run(); !s) return s;
  }
  const std::int64_t trialId = sqlite3_last_insert_rowid(db);
  {
    Statement q(db, path);
    if (Status s = q.prepare("INSERT OR REPLACE INTO trial_scores(trial_id, segment, grp, score) VALUES (?1, ?2, ?3, ?4)");
        !s)
      return s;
    for (const PartScore& p : t.parts) {
      q.reset();
      q.bind(1, trialId);
      q.bind(2, p.segment);
      q.bind(3, p.group);
      q.bind(4, finiteOr(p.score, 0.0));
      if (Status s = q.run(); !s) return s;
    }
  }
  {
    Statement q(db, path);
    if (Status s = q.prepare("INSERT OR REPLACE INTO estimates(session_id, bank, segment, cell, mean, variance, "
                             "observations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        !s)
      return s;
    for (const bool guided : {true, false}) {
      const SkillBank& bank = guided ? est.guided : est.unguided;
      for (int seg = 0; seg < bank.segments(); ++seg)
        for (int c = 0; c < bank.cellsPerSegment(); ++c) {
          const SkillFilter& f = bank.at(seg, c);
          q.reset();
          q.bind(1, session);
          q.bind(2, std::string(guided ? "guided" : "unguided"));
          q.bind(3, seg);
          q.bind(4, c);
          q.bind(5, finiteOr(f.mean, 0.0));
          q.bind(6, finiteOr(f.variance, 1.0));
          q.bind(7, f.observations);
          if (Status s = q.run(); !s) return s;
        }
    }
  }
  {
    Statement q(db, path);
    if (Status s = q.prepare("UPDATE sessions SET trials = trials + 1, length_s = max(length_s, ?2), "
                             "stage_reached = ?3, lesson_complete = ?4 WHERE id = ?1");
        !s)
      return s;
    q.bind(1, session);
    q.bind(2, finiteOr(t.endSeconds, 0.0));
    q.bind(3, std::string(stageName(est.stageReached)));
    q.bind(4, est.lessonComplete ? 1 : 0);
    if (Status s = q.run(); !s) return s;
  }
  return tx.commit();
}

Status ProgressStore::finishSession(std::int64_t session) {
  Statement q(d_->c.db, d_->path);
  if (Status s = q.prepare("UPDATE sessions SET finished = 1 WHERE id = ?1"); !s) return s;
  q.bind(1, session);
  return q.run();
}

Result<bool> ProgressStore::hasLearner(const std::string& learner) {
  Statement q(d_->c.db, d_->path);
  if (Status s = q.prepare("SELECT count(*) FROM learners WHERE name = ?1"); !s) return s.error();
  q.bind(1, learner);
  Result<bool> row = q.step();
  if (!row) return row.error();
  return *row && q.integer(0) > 0;
}

Result<std::vector<SessionSummary>> ProgressStore::sessions(const std::string& learner) {
  sqlite3* db = d_->c.db;
  const std::string& path = d_->path;
  Statement q(db, path);
  if (Status s = q.prepare(
          "SELECT s.id, s.scene, s.lesson, s.front_end, s.started_utc, s.offset_min, s.start_stage, s.stage_reached, "
          "s.lesson_complete, s.finished, s.trials, "
          "(SELECT count(*) FROM trials t WHERE t.session_id = s.id AND t.performed = 1 AND t.cut_short = 0), "
          "(SELECT avg(score) FROM trials t WHERE t.session_id = s.id AND t.performed = 1 AND t.cut_short = 0 "
          "   AND t.kind = 'practice'), "
          "(SELECT max(score) FROM trials t WHERE t.session_id = s.id AND t.performed = 1 AND t.cut_short = 0), "
          "(SELECT score FROM trials t WHERE t.session_id = s.id AND t.kind = 'delayed-retention' AND t.cut_short = 0 "
          "   ORDER BY t.trial LIMIT 1), "
          "(SELECT passed FROM trials t WHERE t.session_id = s.id AND t.kind = 'delayed-retention' AND t.cut_short = 0 "
          "   ORDER BY t.trial LIMIT 1) "
          "FROM sessions s JOIN learners l ON l.id = s.learner_id WHERE l.name = ?1 "
          "ORDER BY s.scene, s.started_utc, s.id");
      !s)
    return s.error();
  q.bind(1, learner);
  std::vector<SessionSummary> out;
  for (;;) {
    Result<bool> row = q.step();
    if (!row) return row.error();
    if (!*row) break;
    SessionSummary s;
    s.id = q.integer(0);
    s.scene = q.text(1);
    s.lesson = q.text(2);
    s.frontEnd = q.text(3);
    s.started.utcSeconds = q.integer(4);
    s.started.offsetMinutes = static_cast<int>(q.integer(5));
    s.startStage = stageFromName(q.text(6));
    s.stageReached = stageFromName(q.text(7));
    s.lessonComplete = q.integer(8) != 0;
    s.finished = q.integer(9) != 0;
    s.trials = static_cast<int>(q.integer(10));
    s.performedTrials = static_cast<int>(q.integer(11));
    s.meanScore = q.isNull(12) ? -1.0 : q.real(12);
    s.bestScore = q.isNull(13) ? -1.0 : q.real(13);
    s.hasRetentionTest = !q.isNull(14);
    s.retentionScore = s.hasRetentionTest ? q.real(14) : 0.0;
    s.retentionPassed = s.hasRetentionTest && q.integer(15) != 0;
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<double>> ProgressStore::trialScores(std::int64_t session) {
  Statement q(d_->c.db, d_->path);
  if (Status s = q.prepare("SELECT score FROM trials WHERE session_id = ?1 AND performed = 1 AND cut_short = 0 "
                           "ORDER BY trial");
      !s)
    return s.error();
  q.bind(1, session);
  std::vector<double> out;
  for (;;) {
    Result<bool> row = q.step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(q.real(0));
  }
  return out;
}

}  // namespace mimesis
