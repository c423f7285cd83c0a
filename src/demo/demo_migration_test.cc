// A filled database made with the first schema version only (migration 0001), then migrated to the
// latest, gives the same figures as a database made fresh at the latest version with the same data,
// on SQLite and (when SHANHAI_TEST_PG_URL is set) PostgreSQL.
// The version-1 database is filled with the demo dataset: loaded into a fresh latest-version database,
// then every row of every table 0001 creates copied, with 0001's columns, into a database migrated
// to version 1 only — what a database of that version holds. Then the remaining migrations run on it,
// and the records of the ledgers they add (which version 1 cannot hold) are copied in as well.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "demo/demo_dataset.h"
#include "domain/audit/audit_chain.h"
#include "domain/ledger/ledger_test_util.h"
#include "indicators/indicator_engine.h"
#include "indicators/report.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

// One database with a ledger service over it, wired as the demo figures test wires it.
struct ServedDatabase {
  std::unique_ptr<TestDatabase> test_db;
  std::unique_ptr<ServiceContext> context;
  std::unique_ptr<LedgerService> service;
};

// The tables a migration script creates, in the order it creates them (referenced tables first).
std::vector<std::string> TablesCreatedBy(const std::string& sql) {
  std::vector<std::string> tables;
  static const std::regex kCreate(R"(CREATE TABLE (?:IF NOT EXISTS )?(\w+))");
  for (std::sregex_iterator it(sql.begin(), sql.end(), kCreate), end; it != end; ++it) tables.push_back((*it)[1]);
  return tables;
}

class DemoMigrationTest : public testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    auto migrations = EmbeddedMigrations();
    ASSERT_TRUE(migrations.ok()) << migrations.status().ToString();
    migrations_ = std::move(*migrations);
    ASSERT_GE(migrations_.size(), 2u) << "nothing to migrate from";
    ASSERT_EQ(migrations_.front().version, 1);
    vault_ = std::make_unique<PiiVault>(domain_test::FixedTestKey());
    InstallAuditKey(domain_test::FixedTestKey());  // as AppEnv::Open does from the data key
  }

  ServedDatabase Open() {
    ServedDatabase out;
    auto created = TestDatabase::Create(GetParam());
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    if (!created.ok()) return out;
    out.test_db = std::move(created).value();
    out.context = std::make_unique<ServiceContext>(out.test_db->db(), vault_.get(),
                                                   Clock::Fixed(domain_test::kFixedNowSeconds));
    out.context->extra_checks["targets"] = TargetKeyCheck();
    out.service = std::make_unique<LedgerService>(*out.context);
    return out;
  }

  // Copies every row of the version-1 tables (version-1 columns) from `from` into `to`.
  void CopyVersion1Rows(Database& from, Database& to) {
    Transaction tx(to);
    ASSERT_TRUE(IsOk(tx.begin_status()));
    for (const std::string& table : TablesCreatedBy(migrations_.front().sql)) {
      auto shape = to.Query("SELECT * FROM " + table + " WHERE 1 = 0");
      auto latest = from.Query("SELECT * FROM " + table + " WHERE 1 = 0");
      ASSERT_TRUE(shape.ok() && latest.ok()) << table;
      // Version-1 columns that later migrations dropped (users.role, users.ledgers) hold nothing
      // the latest database has: they keep their version-1 defaults.
      std::vector<std::string> kept;
      std::string columns;
      for (const std::string& c : shape->columns) {
        if (std::find(latest->columns.begin(), latest->columns.end(), c) == latest->columns.end()) continue;
        kept.push_back(c);
        columns += (columns.empty() ? "" : ", ") + c;
      }
      // people.poverty_status_hash (dropped by 0017) has no default: any text does, as the
      // migration drops it unread.
      if (table == "people") {
        kept.push_back("poverty_status_hash");
        columns += ", 'tag'";
      }
      auto rows = from.Query("SELECT " + columns + " FROM " + table + " ORDER BY 1");
      ASSERT_TRUE(rows.ok()) << table << ": " << rows.status().ToString();
      if (!rows->rows.empty()) {
        ASSERT_TRUE(IsOk(to.BulkInsert(table, kept, rows->rows))) << table;
      }
    }
    ASSERT_TRUE(IsOk(tx.Commit()));
  }

  // Copies every row of the ledger tables later migrations create (the labour ledgers …) from
  // `from` into `to`, both at the latest version: records a version-1 database cannot hold, entered
  // once it is migrated, so that every figure of the report is compared.
  void CopyLaterLedgerRows(Database& from, Database& to) {
    Transaction tx(to);
    ASSERT_TRUE(IsOk(tx.begin_status()));
    for (size_t m = 1; m < migrations_.size(); ++m) {
      for (const std::string& table : TablesCreatedBy(migrations_[m].sql)) {
        if (!FindLedger(table)) continue;
        auto rows = from.Query("SELECT * FROM " + table + " ORDER BY 1");
        ASSERT_TRUE(rows.ok()) << table << ": " << rows.status().ToString();
        if (!rows->rows.empty()) {
          ASSERT_TRUE(IsOk(to.BulkInsert(table, rows->columns, rows->rows))) << table;
        }
      }
    }
    ASSERT_TRUE(IsOk(tx.Commit()));
  }

  std::string ReportJson(LedgerService& service, const std::string& pair) {
    auto report = BuildReport(service, Actor::System(), PairScope::Parse(pair).value(), Period{"2016-01-01", "2020-07-22"});
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? RenderReportJson(*report) : "";
  }

  std::vector<Migration> migrations_;
  std::unique_ptr<PiiVault> vault_;
};

TEST_P(DemoMigrationTest, ADemoDatabaseMigratedFromVersion1HasTheFiguresOfAFreshOne) {
  ServedDatabase fresh = Open();
  ServedDatabase old = Open();
  ASSERT_TRUE(fresh.service && old.service);
  ASSERT_TRUE(IsOk(Migrate(fresh.test_db->db())));
  ASSERT_TRUE(IsOk(LoadDemoDataset(*fresh.service)));

  ASSERT_TRUE(IsOk(Migrate(old.test_db->db(), {migrations_.front()})));
  auto version = SchemaVersion(old.test_db->db());
  ASSERT_TRUE(version.ok());
  ASSERT_EQ(*version, 1);
  ASSERT_NO_FATAL_FAILURE(CopyVersion1Rows(fresh.test_db->db(), old.test_db->db()));
  ASSERT_TRUE(IsOk(Migrate(old.test_db->db())));
  version = SchemaVersion(old.test_db->db());
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, migrations_.back().version);
  ASSERT_NO_FATAL_FAILURE(CopyLaterLedgerRows(fresh.test_db->db(), old.test_db->db()));

  for (const char* pair : {"440111-522727", "440100-522700", "440000-520000"}) {
    const std::string expected = ReportJson(*fresh.service, pair);
    ASSERT_NE(expected, "");
    EXPECT_EQ(ReportJson(*old.service, pair), expected) << pair;
  }
  for (const std::string& table : TablesCreatedBy(migrations_.front().sql)) {
    auto a = fresh.test_db->db().Query("SELECT COUNT(*) FROM " + table);
    auto b = old.test_db->db().Query("SELECT COUNT(*) FROM " + table);
    ASSERT_TRUE(a.ok() && b.ok()) << table;
    EXPECT_EQ(AsInt(b->rows.at(0).at(0)), AsInt(a->rows.at(0).at(0))) << table;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoMigrationTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
