// SqliteDb: statements, transactions and error mapping.
#include "SqliteDb.hpp"

namespace mimesis::sqlite {

Error errorOf(sqlite3* db, int rc, const std::string& path, const std::string& what) {
  const int primary = rc & 0xff;
  const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const bool damaged = primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_FORMAT;
  return makeError(damaged ? ErrorCode::BadInput : ErrorCode::Io,
                   (damaged ? "not a readable progress database: " : "progress database: ") + what + ": " + message,
                   path);
}

Status Statement::prepare(const char* sql) {
  sql_ = sql;
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr);
  if (rc != SQLITE_OK) return errorOf(db_, rc, path_, "preparing a query");
  return okStatus();
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return errorOf(db_, rc, path_, "running a query");
}

Status Statement::run() {
  for (;;) {
    Result<bool> r = step();
    if (!r) return r.error();
    if (!*r) return okStatus();
  }
}

std::string Statement::text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

Status exec(sqlite3* db, const std::string& path, const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) return errorOf(db, rc, path, "updating the database");
  return okStatus();
}

Status Transaction::begin() {
  if (Status s = exec(db_, path_, "BEGIN IMMEDIATE"); !s) return s;
  open_ = true;
  return okStatus();
}

Status Transaction::commit() {
  if (Status s = exec(db_, path_, "COMMIT"); !s) return s;
  open_ = false;
  return okStatus();
}

}  // namespace mimesis::sqlite
