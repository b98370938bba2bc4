// The store's file safety: WAL and the schema version on a new file, migration of an older file
// with its data kept, and refusal (BadInput naming the file) of anything that is not ours.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "ProgressTestSupport.hpp"

namespace mimesis {
namespace {

std::string queryText(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out = "<error>";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    out = t ? reinterpret_cast<const char*>(t) : "";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

void execSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

TEST(ProgressStore, NewFileIsWalWithTheCurrentSchema) {
  const auto dir = testing::scratch("store-new");
  const std::string path = (dir / "sub" / "p.db").string();
  Result<ProgressStore> s = ProgressStore::open(path);
  ASSERT_TRUE(s) << s.error().describe();
  Result<int> v = s->schemaVersion();
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, kProgressSchemaVersion);
  EXPECT_EQ(queryText(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(queryText(path, "PRAGMA application_id"), std::to_string(kProgressApplicationId));
  Result<ProgressStore> again = ProgressStore::open(path);  // a second open changes nothing
  ASSERT_TRUE(again) << again.error().describe();
}

TEST(ProgressStore, MigratesAVersionOneFileKeepingItsTrials) {
  const auto dir = testing::scratch("store-migrate");
  const std::string path = (dir / "v1.db").string();
  ASSERT_TRUE(createProgressDatabaseAtVersion(path, 1));
  EXPECT_EQ(queryText(path, "PRAGMA user_version"), "1");
  execSql(path,
          "INSERT INTO learners(name) VALUES ('old');"
          "INSERT INTO sessions(learner_id, scene, lesson, front_end, started_utc, offset_min, start_stage, "
          "stage_reached, segments, trials) VALUES (1, 'clap.json', 'clap', 'lesson', 1772400000, 0, 'watch', "
          "'guided', 5, 2);"
          "INSERT INTO trials(session_id, trial, stage, performed, guided, cut_short, passed, score, ghost, tempo, "
          "end_s) VALUES (1, 0, 'watch', 0, 0, 0, 0, NULL, 0.9, 1, 4), (1, 1, 'guided', 1, 1, 0, 1, 72.5, 0.9, 1, 9);");
  Result<ProgressStore> s = ProgressStore::open(path);
  ASSERT_TRUE(s) << s.error().describe();
  EXPECT_EQ(queryText(path, "PRAGMA user_version"), std::to_string(kProgressSchemaVersion));
  EXPECT_EQ(queryText(path, "SELECT group_concat(kind, ',') FROM (SELECT kind FROM trials ORDER BY trial)"),
            "watch,practice");
  Result<std::vector<SessionSummary>> sessions = s->sessions("old");
  ASSERT_TRUE(sessions);
  ASSERT_EQ(sessions->size(), 1u);
  EXPECT_DOUBLE_EQ((*sessions)[0].meanScore, 72.5);
  EXPECT_EQ((*sessions)[0].stageReached, Stage::Guided);
}

void expectRefused(const std::string& path, const std::string& words) {
  Result<ProgressStore> s = ProgressStore::open(path);
  ASSERT_FALSE(s) << path;
  EXPECT_EQ(s.error().code, ErrorCode::BadInput) << s.error().describe();
  EXPECT_EQ(s.error().where, path);
  EXPECT_NE(s.error().message.find(words), std::string::npos) << s.error().describe();
}

TEST(ProgressStore, RefusesFilesThatAreNotOurs) {
  const auto dir = testing::scratch("store-bad");
  const std::string text = (dir / "notes.db").string();
  std::ofstream(text) << "these are my notes, not a database\n";
  expectRefused(text, "not a SQLite database");
  EXPECT_EQ(testing::readAll(text), "these are my notes, not a database\n");  // untouched

  const std::string foreign = (dir / "foreign.db").string();
  execSql(foreign, "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x');");
  expectRefused(foreign, "another application");

  const std::string newer = (dir / "newer.db").string();
  ASSERT_TRUE(createProgressDatabaseAtVersion(newer, kProgressSchemaVersion));
  execSql(newer, "PRAGMA user_version = 99");
  expectRefused(newer, "schema version 99");

  // A SQLite header followed by garbage: damaged beyond reading.
  const std::string damaged = (dir / "damaged.db").string();
  {
    std::ofstream out(damaged, std::ios::binary);
    out.write("SQLite format 3\0", 16);
    for (int i = 0; i < 8192; ++i) out.put(static_cast<char>((i * 131) & 0xff));
  }
  Result<ProgressStore> d = ProgressStore::open(damaged);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::BadInput) << d.error().describe();
  EXPECT_EQ(d.error().where, damaged);

  expectRefused(dir.string(), "folder");
  Result<ProgressStore> missing = ProgressStore::open((dir / "absent.db").string(), /*create=*/false);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::BadInput);
}

}  // namespace
}  // namespace mimesis
