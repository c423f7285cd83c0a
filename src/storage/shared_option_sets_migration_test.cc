// Migration 0013 on every backend: the per-ledger copies of 方向 ("visits.direction", …) become
// the one shared dictionary "direction", keeping the latest change of each option.
#include <gtest/gtest.h>

#include "storage/backend_fixture.h"
#include "storage/migrations.h"

namespace shanhai {
namespace {

class SharedOptionSetsMigrationTest : public BackendTest {};

TEST_P(SharedOptionSetsMigrationTest, MovesTheCopiesIntoTheSharedSet) {
  auto all = EmbeddedMigrations();
  ASSERT_TRUE(all.ok());
  std::vector<Migration> before, rest;
  for (const Migration& m : *all) (m.version < 13 ? before : rest).push_back(m);
  ASSERT_FALSE(rest.empty());
  ASSERT_EQ(rest.front().name, "shared_option_sets");
  ASSERT_TRUE(Migrate(db(), before).ok());
  const char* insert =
      "INSERT INTO dictionary_entries (dictionary, code, label_zh, label_en, sort_order, disabled, updated_at, updated_by) "
      "VALUES (?, ?, ?, '', ?, 0, ?, 'admin')";
  auto put = [&](const std::string& dictionary, const std::string& code, const std::string& zh, int64_t order,
                 const std::string& at) {
    ASSERT_TRUE(db().Execute(insert, {dictionary, code, zh, order, at}).ok());
  };
  put("visits.direction", "to_helped", "东→西（旧）", 0, "2024-01-01T00:00:00Z");
  put("funds.direction", "to_helped", "东→西（新）", 0, "2025-06-01T00:00:00Z");
  put("secondments.direction", "exchange", "双向交流", 10, "2024-03-01T00:00:00Z");
  put("trainings.category", "cadre", "干部培训", 0, "2024-01-01T00:00:00Z");

  Status s = Migrate(db(), rest);
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto rows = db().Query("SELECT dictionary, code, label_zh, sort_order FROM dictionary_entries ORDER BY dictionary, code");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::vector<std::string> got;
  for (const auto& r : rows->rows)
    got.push_back(AsText(r[0]) + " " + AsText(r[1]) + " " + AsText(r[2]) + " " + std::to_string(AsInt(r[3])));
  EXPECT_EQ(got, (std::vector<std::string>{"direction exchange 双向交流 10", "direction to_helped 东→西（新） 0",
                                           "trainings.category cadre 干部培训 0"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, SharedOptionSetsMigrationTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
