// Opening a progress database (see ProgressOpen.hpp).
#include "ProgressOpen.hpp"

#include <filesystem>
#include <fstream>

#include "ProgressSchema.hpp"
#include "SqliteDb.hpp"
#include "mimesis/progress/ProgressStore.hpp"

namespace mimesis::progress_file {
namespace {

// Long enough for a batch shard to wait out another shard's trial commit (milliseconds).
constexpr int kBusyTimeoutMs = 30000;

Status migrate(sqlite3* db, const std::string& path, int from, int to) {
  for (int v = from; v < to; ++v) {
    if (Status s = sqlite::exec(db, path, progress_schema::kMigrations[v]); !s) return s;
  }
  const std::string pragmas = "PRAGMA application_id = " + std::to_string(kProgressApplicationId) +
                              "; PRAGMA user_version = " + std::to_string(to);
  return sqlite::exec(db, path, pragmas.c_str());
}

}  // namespace

Result<std::int64_t> pragmaInt(sqlite3* db, const std::string& path, const char* sql) {
  sqlite::Statement q(db, path);
  if (Status s = q.prepare(sql); !s) return s.error();
  Result<bool> row = q.step();
  if (!row) return row.error();
  return *row ? q.integer(0) : 0;
}

// Opens the file and brings it to `target` (fresh files) or checks it is ours and migrates.
Result<sqlite3*> openAt(const std::string& path, bool create, int target) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (!exists && !create) return makeError(ErrorCode::BadInput, "no progress database here", path);
  if (exists && fs::is_directory(path, ec))
    return makeError(ErrorCode::BadInput, "is a folder, not a progress database", path);
  if (exists && fs::file_size(path, ec) > 0) {
    // Checked before SQLite sees it: SQLite would take a text file for a database it may overwrite.
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    if (!in || std::string(header, 16) != std::string("SQLite format 3\0", 16))
      return makeError(ErrorCode::BadInput, "not a SQLite database (expected a Mimesis progress database)", path);
  }
  if (!exists) {
    fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
  }
  Connection c;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &c.db, flags, nullptr);
  if (rc != SQLITE_OK) return sqlite::errorOf(c.db, rc, path, "opening");
  sqlite3_busy_timeout(c.db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(c.db, 1);
  // WAL: readers never block the writer and a killed writer leaves committed trials intact.
  {
    sqlite::Statement q(c.db, path);
    if (Status s = q.prepare("PRAGMA journal_mode = WAL"); !s) return s.error();
    Result<bool> row = q.step();
    if (!row) return row.error();
    if (!*row || q.text(0) != "wal")
      return makeError(ErrorCode::Io, "the database cannot use write-ahead logging (journal mode '" + q.text(0) + "')",
                       path);
  }
  if (Status s = sqlite::exec(c.db, path, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON"); !s)
    return s.error();
  sqlite::Transaction tx(c.db, path);
  if (Status s = tx.begin(); !s) return s.error();
  Result<std::int64_t> app = pragmaInt(c.db, path, "PRAGMA application_id");
  if (!app) return app.error();
  Result<std::int64_t> version = pragmaInt(c.db, path, "PRAGMA user_version");
  if (!version) return version.error();
  Result<std::int64_t> tables = pragmaInt(c.db, path, "SELECT count(*) FROM sqlite_master");
  if (!tables) return tables.error();
  if (*app == 0 && *tables == 0) {
    if (Status s = migrate(c.db, path, 0, target); !s) return s.error();
  } else if (*app != kProgressApplicationId) {
    return makeError(ErrorCode::BadInput, "a SQLite database of another application, not a Mimesis progress database",
                     path);
  } else if (*version > progress_schema::kVersions || *version < 1) {
    return makeError(ErrorCode::BadInput,
                     "progress database schema version " + std::to_string(*version) + ", this mimesis reads 1 to " +
                         std::to_string(progress_schema::kVersions) + " (written by a newer mimesis?)",
                     path);
  } else if (*version < target) {
    if (Status s = migrate(c.db, path, static_cast<int>(*version), target); !s) return s.error();
  }
  if (Status s = tx.commit(); !s) return s.error();
  sqlite3* db = c.db;
  c.db = nullptr;
  return db;
}

}  // namespace mimesis::progress_file
