// Error sheets on both backends: only their owner reads them, they are stored encrypted, and
// they are gone a day later.
#include "domain/imports/error_sheet_store.h"

#include <gtest/gtest.h>

#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

class ErrorSheetStoreTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    store_ = std::make_unique<ErrorSheetStore>(MakeContext(db(), nullptr, Clock([this] { return now_; })));
  }

  int64_t now_ = 1'800'000'000;
  std::unique_ptr<ErrorSheetStore> store_;
};

const std::string kSheet = "PK\x03\x04 第3行 身份证号 522727199001011238";

TEST_P(ErrorSheetStoreTest, OnlyTheOwnerGetsTheSheet) {
  Result<std::string> token = store_->Save("alice", kSheet);
  ASSERT_TRUE(token.ok()) << token.status().ToString();
  Result<std::string> loaded = store_->Load("alice", *token);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(*loaded, kSheet);
  EXPECT_EQ(store_->Load("bob", *token).status().code(), Code::kNotFound);
  EXPECT_EQ(store_->Load("alice", "no-such-token").status().code(), Code::kNotFound);
}

TEST_P(ErrorSheetStoreTest, StoredEncrypted) {
  ASSERT_TRUE(store_->Save("alice", kSheet).ok());
  auto rows = db().Query("SELECT content FROM import_error_sheets");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(AsText(rows->rows[0][0]).find("522727199001011238"), std::string::npos);
}

TEST_P(ErrorSheetStoreTest, ExpiresAfterADayAndIsDeleted) {
  Result<std::string> token = store_->Save("alice", kSheet);
  ASSERT_TRUE(token.ok());
  now_ += ErrorSheetStore::kLifetimeSeconds - 1;
  EXPECT_TRUE(store_->Load("alice", *token).ok());
  now_ += 1;
  EXPECT_EQ(store_->Load("alice", *token).status().code(), Code::kNotFound);
  EXPECT_EQ(Count("import_error_sheets"), 0);  // purged, not just hidden
}

TEST_P(ErrorSheetStoreTest, PurgeRemovesOnlyExpiredSheets) {
  ASSERT_TRUE(store_->Save("alice", kSheet).ok());
  now_ += ErrorSheetStore::kLifetimeSeconds / 2;
  ASSERT_TRUE(store_->Save("bob", kSheet).ok());
  now_ += ErrorSheetStore::kLifetimeSeconds / 2;
  Result<int64_t> purged = store_->Purge();
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 1);
  EXPECT_EQ(Count("import_error_sheets"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ErrorSheetStoreTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
