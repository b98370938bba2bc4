// `mimesis lesson|progress` with learner profiles end to end: nothing is written without
// --learner-id; the default database lives in XDG_DATA_HOME; `progress` prints the trend, the
// last retention test and what is due, --html writes the report; bad and foreign database files
// exit 2 naming the file; a session SIGKILLed mid-way keeps every committed trial in a sound
// database; batch shards writing one database at once do not corrupt it.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "CliTestSupport.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

const std::string kScene = std::string(MIMESIS_SOURCE_DIR) + "/scenes/clap.json";

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// One value of a query, or "<error: ...>"; busy-waits on a database another process writes.
std::string query(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    return "<error: open>";
  }
  sqlite3_busy_timeout(h, 10000);
  sqlite3_stmt* st = nullptr;
  std::string out = "<no row>";
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) out = std::string("<error: ") + sqlite3_errmsg(h) + ">";
  else if (sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    out = t ? reinterpret_cast<const char*>(t) : "null";
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

std::string lesson(const std::string& args) {
  return kMimesis + " lesson " + q(kScene) + " --simulate --no-html " + args;
}

TEST(ProgressCli, NoProfileWithoutLearnerIdAndTheDefaultDatabaseIsInXdgDataHome) {
  const fs::path dir = mimesis::testing::scratchDir("progress-xdg");
  const fs::path data = dir / "data";
  const std::string env = "env XDG_DATA_HOME=" + q(data) + " HOME=" + q(dir / "home") + " ";
  auto r = runCommand(env + lesson("--trials 3 --report " + q(dir / "r0")), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_FALSE(fs::exists(data)) << "a run without --learner-id wrote a profile";
  EXPECT_FALSE(fs::exists(dir / "home"));
  r = runCommand(env + lesson("--trials 3 --report " + q(dir / "r1") + " --learner-id ann --now 2026-03-01T10:00:00Z"), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("learner ann: first session"), std::string::npos) << r.out;
  const fs::path db = data / "mimesis" / "progress.db";
  ASSERT_TRUE(fs::exists(db));
  EXPECT_EQ(query(db, "SELECT count(*) FROM trials"), "3");
  // Without XDG_DATA_HOME: ~/.local/share.
  r = runCommand("env -u XDG_DATA_HOME HOME=" + q(dir / "home") + " " +
                     lesson("--trials 2 --report " + q(dir / "r2") + " --learner-id ann --now 2026-03-01T11:00:00Z"),
                 dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "home" / ".local" / "share" / "mimesis" / "progress.db"));
}

TEST(ProgressCli, SecondDayStartsWithARetentionTestAndProgressSaysWhatIsDue) {
  const fs::path dir = mimesis::testing::scratchDir("progress-days");
  const fs::path db = dir / "p.db";
  const std::string who = " --learner-id bo --db " + q(db);
  auto r = runCommand(lesson("--trials 8 --report " + q(dir / "d1") + who + " --now 2026-03-01T10:00:00+01:00"), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  r = runCommand(lesson("--trials 3 --report " + q(dir / "d2") + who + " --now 2026-03-02T10:00:00+01:00"), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("delayed-retention test"), std::string::npos) << r.out;
  EXPECT_NE(mimesis::testing::readText(dir / "d2" / "trials.json").find("\"delayedRetention\": true"), std::string::npos);
  EXPECT_EQ(query(db, "SELECT kind || ' ' || stage FROM trials WHERE session_id = 2 AND trial = 0"),
            "delayed-retention retention");

  r = runCommand(kMimesis + " progress bo --db " + q(db) + " --now 2026-03-02T20:00:00+01:00 --html " + q(dir / "html"), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("learner bo: 2 session(s) of 1 scene(s), as of 2026-03-02"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("trend:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("last retention test: 2026-03-02, score"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("due: 2026-03-0"), std::string::npos) << r.out;
  const std::string html = mimesis::testing::readText(dir / "html" / "progress.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("Scores over sessions"), std::string::npos);

  r = runCommand(kMimesis + " progress nobody --db " + q(db), dir);
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("no learner 'nobody'"), std::string::npos) << r.err;
  r = runCommand(kMimesis + " progress bo --db " + q(dir / "absent.db"), dir);
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_FALSE(fs::exists(dir / "absent.db"));
  r = runCommand(lesson("--trials 1 --report " + q(dir / "d3") + who + " --now tomorrow"), dir);
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--now"), std::string::npos) << r.err;
}

TEST(ProgressCli, BadAndForeignDatabaseFilesExitTwoNamingTheFile) {
  const fs::path dir = mimesis::testing::scratchDir("progress-bad");
  const fs::path text = dir / "notes.txt";
  std::ofstream(text) << "not a database\n";
  const fs::path foreign = dir / "foreign.db";
  {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(foreign.c_str(), &h), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(h, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(h);
  }
  for (const fs::path& bad : {text, foreign, dir}) {
    for (const std::string& cmd :
         {lesson("--trials 1 --report " + q(dir / "r") + " --learner-id c --db " + q(bad)),
          kMimesis + " progress c --db " + q(bad),
          kMimesis + " lesson " + q(kScene) + " --batch " + q(dir) + " --out " + q(dir / "out") +
              " --learner-id c --db " + q(bad)}) {
      auto r = runCommand(cmd, dir);
      EXPECT_EQ(r.exitCode, 2) << cmd << "\n" << r.err;
      EXPECT_NE(r.err.find(bad.string()), std::string::npos) << r.err;
    }
  }
  EXPECT_EQ(mimesis::testing::readText(text), "not a database\n");
}

TEST(ProgressCli, SigkillMidSessionKeepsEveryCommittedTrial) {
  const fs::path dir = mimesis::testing::scratchDir("progress-kill");
  const fs::path db = dir / "p.db";
  const std::string report = (dir / "r").string();
  const KilledRun run = killWhen({kMimesis, "lesson", kScene, "--simulate", "--trials", "1000", "--no-html", "--report",
                                  report, "--learner-id", "kim", "--db", db.string(), "--now", "2026-03-01T10:00:00Z"},
                                 [&] { return fs::exists(db) && query(db, "SELECT count(*) >= 4 FROM trials") == "1"; },
                                 6000, 10);
  ASSERT_TRUE(run.started);
  ASSERT_FALSE(run.exitedFirst) << "the lesson ended (status " << run.status << ") before it could be killed";
  ASSERT_TRUE(run.killed());

  EXPECT_EQ(query(db, "PRAGMA integrity_check"), "ok");
  const int trials = std::stoi(query(db, "SELECT count(*) FROM trials"));
  EXPECT_GE(trials, 4);
  // Each committed trial is whole: the session's count, and estimates for the lesson's cells.
  EXPECT_EQ(query(db, "SELECT trials FROM sessions WHERE id = 1"), std::to_string(trials));
  EXPECT_EQ(query(db, "SELECT max(trial) + 1 FROM trials"), std::to_string(trials));
  EXPECT_EQ(query(db, "SELECT count(*) = 2 * 12 * segments FROM estimates, sessions WHERE sessions.id = 1 "
                      "AND estimates.session_id = 1"),
            "1");
  EXPECT_EQ(query(db, "SELECT finished FROM sessions WHERE id = 1"), "0");
  // The learner comes back the next day: resumed from the killed session, which progress shows.
  auto r = runCommand(lesson("--trials 2 --report " + q(dir / "r2") + " --learner-id kim --db " + q(db) +
                             " --now 2026-03-02T10:00:00Z"),
                      dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("learner kim: returning"), std::string::npos) << r.out;
  r = runCommand(kMimesis + " progress kim --db " + q(db) + " --now 2026-03-02T12:00:00Z --html " + q(dir / "h"), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(mimesis::testing::readText(dir / "h" / "progress.html").find("no (stopped)"), std::string::npos);
}

TEST(ProgressCli, ConcurrentBatchShardsShareOneDatabase) {
  const fs::path dir = mimesis::testing::scratchDir("progress-shards");
  const fs::path recordings = dir / "recordings";
  fs::create_directories(recordings);
  const int kRecordings = 6;
  for (int i = 0; i < kRecordings; ++i) {
    auto r = runCommand(kMimesis + " simulate --expert " + q(fs::path(MIMESIS_SOURCE_DIR) / "assets/clap.mkeys") +
                            " --seed " + std::to_string(i + 1) + " --out " +
                            q(recordings / ("r" + std::to_string(i) + ".mrec")),
                        dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }
  const fs::path db = dir / "shared.db";
  const int kShards = 3;
  std::vector<pid_t> pids;
  for (int s = 0; s < kShards; ++s) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      std::freopen("/dev/null", "w", stdout);
      std::freopen("/dev/null", "w", stderr);
      const std::string shard = std::to_string(s) + "/" + std::to_string(kShards);
      const std::string out = (dir / "out").string();
      ::execl(kMimesis.c_str(), kMimesis.c_str(), "lesson", kScene.c_str(), "--batch", recordings.c_str(), "--out",
              out.c_str(), "--shard", shard.c_str(), "--trials", "4", "--learner-id", "lab", "--db", db.c_str(),
              "--now", "2026-03-01T10:00:00Z", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ASSERT_GT(pid, 0);
    pids.push_back(pid);
  }
  for (const pid_t pid : pids) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "shard exit status " << status;
  }
  EXPECT_EQ(query(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query(db, "SELECT count(*) FROM learners"), "1");
  EXPECT_EQ(query(db, "SELECT count(*) FROM sessions WHERE finished = 1 AND front_end = 'batch'"),
            std::to_string(kRecordings));
  EXPECT_EQ(query(db, "SELECT sum(trials) FROM sessions"), query(db, "SELECT count(*) FROM trials"));
  EXPECT_EQ(query(db, "SELECT count(*) FROM sessions s WHERE trials <> (SELECT count(*) FROM trials t WHERE "
                      "t.session_id = s.id)"),
            "0");
}

}  // namespace
