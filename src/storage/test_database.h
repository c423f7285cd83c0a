// Throwaway databases for tests, so any test suite can run against both backends:
//   INSTANTIATE_TEST_SUITE_P(Backends, MyTest, testing::ValuesIn(TestDialects()), DialectTestName);
// SQLite: a new file in a new temporary directory. PostgreSQL (only when the environment variable
// SHANHAI_TEST_PG_URL holds a URL, e.g. from scripts/pg-test-server.sh): a new schema in that
// database, set as the connection's search_path, so tests sharing the database never see each
// other's tables.
// Thread safety: none per object; objects are independent.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "storage/database.h"

namespace shanhai {

class TestDatabase {
 public:
  // Creates the empty database and opens one connection to it.
  // Errors: InvalidArgument for kPostgres when SHANHAI_TEST_PG_URL is unset; else as Database::Open.
  static Result<std::unique_ptr<TestDatabase>> Create(Dialect dialect);
  // Closes the connection, then removes the directory (SQLite) or drops the schema (PostgreSQL).
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Database& db() { return *db_; }
  // A URL/path that opens further connections to the same database (for PostgreSQL it selects
  // the schema through the options parameter). Valid until destruction.
  const std::string& url() const { return url_; }
  // A fresh path inside the test's own temporary directory (not created), e.g. for backups.
  std::string TempPath(const std::string& file_name) const;

 private:
  TestDatabase() = default;

  std::string dir_;     // temporary directory, removed on destruction
  std::string url_;
  std::string schema_;  // PostgreSQL only
  std::unique_ptr<Database> admin_;  // PostgreSQL only: connection that drops the schema
  std::unique_ptr<Database> db_;
};

// kSqlite, plus kPostgres when SHANHAI_TEST_PG_URL is set (otherwise prints to stderr that the
// PostgreSQL cases are not generated, so nobody mistakes a SQLite-only run for a full one).
std::vector<Dialect> TestDialects();
// "Sqlite" / "Postgres": a GoogleTest parameter name generator (takes info.param).
std::string DialectName(Dialect dialect);
template <typename ParamInfo>
std::string DialectTestName(const ParamInfo& info) {
  return DialectName(info.param);
}

}  // namespace shanhai
