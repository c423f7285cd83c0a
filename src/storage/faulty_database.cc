#include "storage/faulty_database.h"

namespace shanhai {
namespace {

Status InjectedFault(const char* what) {
  return Status::Unavailable(std::string("数据库故障（测试注入）：") + what,
                             std::string("database fault (injected for testing): ") + what);
}

}  // namespace

void FaultyDatabase::FailNthStatement(int64_t n) { fail_statement_at_ = n > 0 ? statement_calls_ + n : 0; }

void FaultyDatabase::FailNthCommit(int64_t n) { fail_commit_at_ = n > 0 ? commit_calls_ + n : 0; }

bool FaultyDatabase::Fires(int64_t& calls, int64_t& fail_at) {
  ++calls;
  if (fail_at == 0 || calls != fail_at) return false;
  fail_at = 0;
  return true;
}

Result<Rows> FaultyDatabase::Query(std::string_view sql, const std::vector<Value>& params) {
  statement_texts_.emplace(sql);
  if (Fires(statement_calls_, fail_statement_at_)) return InjectedFault("query");
  return inner_.Query(sql, params);
}

Result<int64_t> FaultyDatabase::Execute(std::string_view sql, const std::vector<Value>& params) {
  statement_texts_.emplace(sql);
  if (Fires(statement_calls_, fail_statement_at_)) return InjectedFault("execute");
  return inner_.Execute(sql, params);
}

Status FaultyDatabase::BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                                  const std::vector<std::vector<Value>>& rows) {
  if (Fires(statement_calls_, fail_statement_at_)) return InjectedFault("bulk insert");
  return inner_.BulkInsert(table, columns, rows);
}

Status FaultyDatabase::Commit() {
  if (Fires(commit_calls_, fail_commit_at_)) return InjectedFault("commit");
  return inner_.Commit();
}

}  // namespace shanhai
