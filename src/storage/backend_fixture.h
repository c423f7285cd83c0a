// Test-only: the fixture that runs a GoogleTest suite once per backend (see TestDialects()),
// giving each test a fresh empty database. Include only from *_test.cc files.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/migrations.h"
#include "storage/test_database.h"

namespace shanhai {

class BackendTest : public testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    auto created = TestDatabase::Create(GetParam());
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    test_db_ = std::move(created).value();
  }

  Database& db() { return test_db_->db(); }
  TestDatabase& test_db() { return *test_db_; }

  // Runs a schema script with {{ID}} expanded, failing the test on error.
  void Schema(std::string_view sql) {
    Status s = db().ExecScript(ExpandDialectMacros(sql, GetParam()));
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  int64_t Count(const std::string& table) {
    auto rows = db().Query("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? AsInt(rows->rows.at(0).at(0)) : -1;
  }

 private:
  std::unique_ptr<TestDatabase> test_db_;
};

}  // namespace shanhai
