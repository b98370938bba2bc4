// SqliteDb: the few SQLite calls the store makes, with every failure an Error naming the file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "mimesis/core/Error.hpp"

namespace mimesis::sqlite {

// Damage or a foreign format reads as bad input (exit 2); other failures as I/O errors.
Error errorOf(sqlite3* db, int rc, const std::string& path, const std::string& what);

class Statement {
 public:
  Statement(sqlite3* db, const std::string& path) : db_(db), path_(path) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  Status prepare(const char* sql);
  void bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, int v) { sqlite3_bind_int(stmt_, i, v); }
  void bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void bind(int i, const std::string& v) { sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  void bindNull(int i) { sqlite3_bind_null(stmt_, i); }
  // True with a row, false when done; an error otherwise.
  Result<bool> step();
  Status run();  // step to the end (statements without rows)
  void reset() { sqlite3_reset(stmt_); sqlite3_clear_bindings(stmt_); }
  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const;

 private:
  sqlite3* db_;
  std::string path_;
  sqlite3_stmt* stmt_ = nullptr;
  const char* sql_ = "";
};

// Runs statements without results (several, separated by ';').
Status exec(sqlite3* db, const std::string& path, const char* sql);

// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed.
class Transaction {
 public:
  Transaction(sqlite3* db, const std::string& path) : db_(db), path_(path) {}
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status begin();
  Status commit();

 private:
  sqlite3* db_;
  std::string path_;
  bool open_ = false;
};

}  // namespace mimesis::sqlite
