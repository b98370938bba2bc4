// ProgressSchema: the progress database's tables, one migration per schema version. A migration
// runs inside the opening transaction, so a crash mid-way leaves the previous version intact.
#pragma once

namespace mimesis::progress_schema {

// kMigrations[v - 1] takes a database from version v − 1 to v (version 0: an empty file).
inline constexpr const char* kMigrations[] = {
    // 1: learners, sessions, trials, their scores per segment and group, skill estimates.
    R"sql(
CREATE TABLE learners(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE sessions(
  id INTEGER PRIMARY KEY,
  learner_id INTEGER NOT NULL REFERENCES learners(id),
  scene TEXT NOT NULL, lesson TEXT NOT NULL, front_end TEXT NOT NULL,
  started_utc INTEGER NOT NULL, offset_min INTEGER NOT NULL,
  start_stage TEXT NOT NULL, stage_reached TEXT NOT NULL,
  lesson_complete INTEGER NOT NULL DEFAULT 0,
  segments INTEGER NOT NULL,
  trials INTEGER NOT NULL DEFAULT 0,
  length_s REAL NOT NULL DEFAULT 0,
  finished INTEGER NOT NULL DEFAULT 0);
CREATE TABLE trials(
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  trial INTEGER NOT NULL, stage TEXT NOT NULL,
  performed INTEGER NOT NULL, guided INTEGER NOT NULL, cut_short INTEGER NOT NULL,
  passed INTEGER NOT NULL, score REAL, ghost REAL NOT NULL, tempo REAL NOT NULL, end_s REAL NOT NULL,
  UNIQUE(session_id, trial));
CREATE TABLE trial_scores(
  trial_id INTEGER NOT NULL REFERENCES trials(id),
  segment TEXT NOT NULL, grp TEXT NOT NULL, score REAL NOT NULL,
  PRIMARY KEY(trial_id, segment, grp));
CREATE TABLE estimates(
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  bank TEXT NOT NULL, segment INTEGER NOT NULL, cell INTEGER NOT NULL,
  mean REAL NOT NULL, variance REAL NOT NULL, observations INTEGER NOT NULL,
  PRIMARY KEY(session_id, bank, segment, cell));
)sql",
    // 2: what kind of trial each was (a delayed-retention test is recorded as such), and an
    // index for "the learner's last session of a scene". Version-1 trials become 'watch' or
    // 'practice': version 1 held no retention tests.
    R"sql(
ALTER TABLE trials ADD COLUMN kind TEXT NOT NULL DEFAULT 'practice';
UPDATE trials SET kind = 'watch' WHERE performed = 0;
CREATE INDEX sessions_by_learner_scene ON sessions(learner_id, scene, started_utc);
)sql",
};

inline constexpr int kVersions = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);

}  // namespace mimesis::progress_schema
