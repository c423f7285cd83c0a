#include "storage/timed_database.h"

#include <chrono>

namespace shanhai {

template <typename F>
auto TimedDatabase::Timed(F&& f) -> decltype(f()) {
  const auto start = std::chrono::steady_clock::now();
  auto result = f();
  observe_(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return result;
}

Result<Rows> TimedDatabase::Query(std::string_view sql, const std::vector<Value>& params) {
  return Timed([&] { return inner_->Query(sql, params); });
}

Result<int64_t> TimedDatabase::Execute(std::string_view sql, const std::vector<Value>& params) {
  return Timed([&] { return inner_->Execute(sql, params); });
}

Status TimedDatabase::ExecScript(std::string_view sql) {
  return Timed([&] { return inner_->ExecScript(sql); });
}

Status TimedDatabase::BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                                 const std::vector<std::vector<Value>>& rows) {
  return Timed([&] { return inner_->BulkInsert(table, columns, rows); });
}

Status TimedDatabase::Commit() {
  return Timed([&] { return inner_->Commit(); });
}

}  // namespace shanhai
