// A Database decorator that reports how long each statement took, for the server's
// shanhai_db_query_duration_seconds metric. It owns the wrapped connection.
// Thread safety: as the wrapped Database (none).
#pragma once

#include <functional>
#include <memory>

#include "storage/database.h"

namespace shanhai {

class TimedDatabase final : public Database {
 public:
  // observe(seconds) is called after every statement, commit and bulk insert.
  TimedDatabase(std::unique_ptr<Database> inner, std::function<void(double)> observe)
      : inner_(std::move(inner)), observe_(std::move(observe)) {}

  Dialect dialect() const override { return inner_->dialect(); }
  std::string Describe() const override { return inner_->Describe(); }
  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) override;
  Result<int64_t> Execute(std::string_view sql, const std::vector<Value>& params = {}) override;
  Status ExecScript(std::string_view sql) override;
  Status BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                    const std::vector<std::vector<Value>>& rows) override;
  Status Begin() override { return inner_->Begin(); }
  Status BeginRead() override { return inner_->BeginRead(); }
  Status Commit() override;
  Status Rollback() override { return inner_->Rollback(); }
  Status Backup(const std::string& out_path) override { return inner_->Backup(out_path); }

 private:
  template <typename F>
  auto Timed(F&& f) -> decltype(f());

  std::unique_ptr<Database> inner_;
  std::function<void(double)> observe_;
};

}  // namespace shanhai
