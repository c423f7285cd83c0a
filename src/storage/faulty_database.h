// A Database decorator for fault tests: it forwards every call to another Database, except that
// it fails the Nth statement call (Execute, Query or BulkInsert) or the Nth Commit, counted from
// when the fault was armed, with Status::Unavailable. The failed call is NOT forwarded, so the
// wrapped database is exactly as before it; an open transaction stays open and the caller is
// expected to roll back, as after any real failure (Transaction and InTransaction do).
// Typical use: run an operation once to count its calls, then for n = 1..count arm
// FailNthStatement(n), run it again, and check the data is either untouched or fully applied.
// Thread safety: none, like the Database it wraps.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "storage/database.h"

namespace shanhai {

class FaultyDatabase final : public Database {
 public:
  // inner is not owned and must outlive this object. No fault is armed initially.
  explicit FaultyDatabase(Database& inner) : inner_(inner) {}

  // Fails the n-th statement call from now (n >= 1; 1 = the very next). Replaces any earlier
  // statement fault; n <= 0 disarms it. The fault fires once.
  void FailNthStatement(int64_t n);
  // As FailNthStatement, for Commit calls (a nested Commit, i.e. a savepoint release, counts too).
  void FailNthCommit(int64_t n);
  // Calls made so far (forwarded or failed), for sizing a fault sweep.
  int64_t statement_calls() const { return statement_calls_; }
  int64_t commit_calls() const { return commit_calls_; }
  // The distinct SQL texts of the Query and Execute calls so far: each is one statement the
  // wrapped connection prepares and keeps in its cache, for tests that bound how many an
  // operation needs.
  const std::set<std::string, std::less<>>& statement_texts() const { return statement_texts_; }

  Dialect dialect() const override { return inner_.dialect(); }
  std::string Describe() const override { return inner_.Describe(); }
  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) override;
  Result<int64_t> Execute(std::string_view sql, const std::vector<Value>& params = {}) override;
  Status ExecScript(std::string_view sql) override { return inner_.ExecScript(sql); }
  Status BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                    const std::vector<std::vector<Value>>& rows) override;
  Status Begin() override { return inner_.Begin(); }
  Status BeginRead() override { return inner_.BeginRead(); }
  Status Commit() override;
  Status Rollback() override { return inner_.Rollback(); }
  Status Backup(const std::string& out_path) override { return inner_.Backup(out_path); }

 private:
  // Counts a call; true if this is the one to fail (and disarms it).
  static bool Fires(int64_t& calls, int64_t& fail_at);

  Database& inner_;
  int64_t statement_calls_ = 0;
  int64_t commit_calls_ = 0;
  int64_t fail_statement_at_ = 0;  // absolute call number to fail, 0 = none
  int64_t fail_commit_at_ = 0;
  std::set<std::string, std::less<>> statement_texts_;
};

}  // namespace shanhai
