// Test-only helpers for the domain, indicators, demo and app tests (include only from *_test.cc):
// a fixture giving each test a migrated database on each backend and a LedgerService wired as
// src/app/app_context.cc wires it (PII vault and audit key from a fixed key, fixed clock, injectable extra
// checks), plus small independent helpers (ID check digits, status matchers).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "domain/audit/audit_chain.h"
#include "domain/ledger/ledger_service.h"
#include "security/pii_vault.h"
#include "storage/backend_fixture.h"
#include "storage/migrations.h"

namespace shanhai::domain_test {

// The clock of every service built here: a fixed instant, so audit rows are predictable.
inline constexpr int64_t kFixedNowSeconds = 1595404800;
inline constexpr const char* kFixedNow = "2020-07-22T08:00:00Z";  // IsoUtcAt(kFixedNowSeconds)
inline constexpr const char* kCountyPair = "440111-522727";

using Fields = std::vector<std::pair<std::string, std::string>>;

// The pair scope of a code the test knows to be good (a bad one fails the test where it is used,
// and gives the county pair so the test can go on).
inline PairScope Pair(const std::string& code) {
  Result<PairScope> pair = PairScope::Parse(code);
  EXPECT_TRUE(pair.ok()) << code << ": " << pair.status().ToString();
  return pair.ok() ? std::move(pair).value() : PairScope::Parse(kCountyPair).value();
}

// A fixed, non-secret data key (bytes 1..32) for tests.
inline PiiVault::Key FixedTestKey() {
  PiiVault::Key key{};
  for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<uint8_t>(i + 1);
  return key;
}

inline ::testing::AssertionResult IsOk(const Status& s) {
  if (s.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << s.ToString();
}

// True if status carries a FieldError on field (the field key, or the column header for imports).
inline bool HasFieldError(const Status& s, const std::string& field) {
  for (const FieldError& e : s.details())
    if (e.field == field) return true;
  return false;
}

// The FieldError of status on field at row (a line number, or 0), or nullptr.
inline const FieldError* FieldErrorAt(const Status& s, const std::string& field, int64_t row) {
  for (const FieldError& e : s.details())
    if (e.field == field && e.row == row) return &e;
  return nullptr;
}

// The GB 11643 MOD 11-2 check character, computed here independently of src/common.
inline char Gb11643Check(const std::string& body17) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (body17[i] - '0') * kWeights[i];
  return "10X98765432"[sum % 11];
}
inline std::string Id18(const std::string& body17) { return body17 + Gb11643Check(body17); }

// StaffIn: what the seeded staff and revealer roles grant together (a clerk who may also reveal,
// as every staff user could before roles were data); Viewer: the seeded viewer role (see
// 0006_roles.sql). The tests of the seeded roles themselves load them from the database
// (role_service_test.cc); a staff user without reveal is tested through the API (63_roles.test).
inline Actor StaffIn(const std::string& region) {
  return Actor{"staff_" + region,
               {"staff"},
               {"*:*:list", "*:*:read", "*:*:create", "*:*:update", "*:*:delete", "*:*:import", "*:*:export",
                "*:*:reveal"},
               region,
               "",
               0,
               "test"};
}
inline Actor Viewer() { return Actor{"viewer", {"viewer"}, {"*:*:list", "*:*:read", "*:*:export"}, "", "", 0, "test"}; }
// An actor limited to one organisation record (owner scope) with staff's permissions.
inline Actor OwnerOf(const std::string& ledger, int64_t id) {
  Actor a = StaffIn("");
  a.name = "owner_" + std::to_string(id);
  a.owner_ledger = ledger;
  a.owner_id = id;
  return a;
}

// Counts audit rows with that action (all rows for "").
inline int64_t AuditRows(Database& db, const std::string& action = "") {
  auto rows = action.empty() ? db.Query("SELECT COUNT(*) FROM audit_log")
                             : db.Query("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  return rows.ok() ? AsInt(rows->rows.at(0).at(0)) : -1;
}

// A migrated database per test and backend, with a LedgerService over it.
class LedgerTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(IsOk(Migrate(db())));
    InstallAuditKey(FixedTestKey());  // as AppEnv::Open does from the data key
    vault_ = std::make_unique<PiiVault>(FixedTestKey());
    service_ = MakeService(db());
  }

  // Extra checks by ledger name, as the application injects them (none in the domain).
  virtual std::map<std::string, RecordCheck> ExtraChecks() const { return {}; }

  // A service over any connection (e.g. a FaultyDatabase wrapping db()), same vault and clock,
  // over a context of its own (kept by the fixture, so it outlives the service);
  // changes: the change feed its writes announce to (none by default).
  std::unique_ptr<LedgerService> MakeService(Database& database, ChangeFeed* changes = nullptr) {
    return std::make_unique<LedgerService>(MakeContext(database, changes));
  }
  // A context as AppConn builds one (this fixture's vault and extra checks; a fixed clock unless
  // given one), owned by the fixture.
  ServiceContext& MakeContext(Database& database, ChangeFeed* changes = nullptr,
                              Clock clock = Clock::Fixed(kFixedNowSeconds)) {
    contexts_.push_back(std::make_unique<ServiceContext>(database, vault_.get(), std::move(clock), changes));
    contexts_.back()->extra_checks = ExtraChecks();
    return *contexts_.back();
  }

  LedgerService& service() { return *service_; }
  // The context of service().
  ServiceContext& context() { return *contexts_.front(); }
  const PiiVault& vault() const { return *vault_; }

  Result<Record> TryCreate(const std::string& ledger, const std::string& pair, Fields fields,
                           const Actor& actor = Actor::System()) {
    const LedgerDef* def = FindLedger(ledger);
    if (!def) return Status::Internal("test: unknown ledger " + ledger);
    return service_->Create(actor, *def, RawRecord{pair, std::move(fields)}, InputSource::kApi);
  }

  // Creates a record that must be valid; returns its id (0 after a test failure).
  int64_t Add(const std::string& ledger, const std::string& pair, Fields fields) {
    Result<Record> r = TryCreate(ledger, pair, std::move(fields));
    EXPECT_TRUE(r.ok()) << ledger << ": " << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  void AddPair(const std::string& helper, const std::string& helped) {
    ASSERT_NE(Add("pairs", "", {{"helper_region", helper}, {"helped_region", helped}}), 0);
  }

 private:
  std::unique_ptr<PiiVault> vault_;
  std::vector<std::unique_ptr<ServiceContext>> contexts_;  // before the services, which refer to them
  std::unique_ptr<LedgerService> service_;
};

}  // namespace shanhai::domain_test
