// Opening a progress database: the file checked to be SQLite and ours (application id,
// schema version) before anything is written, WAL and a busy timeout set, and the schema
// migrated up to the version asked for, all in one transaction.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "mimesis/core/Error.hpp"

namespace mimesis::progress_file {

// Owns one SQLite connection (closed on destruction; a null one is fine).
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close_v2(db); }
};

// The integer a one-value query (a PRAGMA, a count) returns; 0 when it returns no row.
Result<std::int64_t> pragmaInt(sqlite3* db, const std::string& path, const char* sql);

// Opens `path` (creating it when `create`) and brings a fresh file to schema version `target`,
// or checks an existing one is a Mimesis progress database and migrates it up to `target`.
// BadInput naming the path for a missing file (without `create`), a folder, a file that is not
// SQLite, another application's database or a schema newer than this build reads.
Result<sqlite3*> openAt(const std::string& path, bool create, int target);

}  // namespace mimesis::progress_file
