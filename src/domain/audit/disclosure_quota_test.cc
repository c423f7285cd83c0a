// The daily allowance on both backends: counts add up per account, day and kind, a spend past
// the limit counts nothing, the day is China Standard Time's, and 0 means no limit.
#include "domain/audit/disclosure_quota.h"

#include <gtest/gtest.h>

#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

class DisclosureQuotaTest : public domain_test::LedgerTest {
 protected:
  Actor Clerk(const std::string& name) {
    Actor a = domain_test::StaffIn("440106");
    a.name = name;
    return a;
  }
  int64_t Used(const std::string& actor, const char* kind) {
    auto rows = db().Query("SELECT used FROM disclosure_counts WHERE actor = ? AND kind = ?", {actor, kind});
    EXPECT_TRUE(rows.ok());
    return rows.ok() && !rows->rows.empty() ? AsInt(rows->rows[0][0]) : 0;
  }
};

TEST(DisclosureDay, IsTheDateInChinaStandardTime) {
  EXPECT_EQ(DisclosureDay(1'764'633'599), "2025-12-02");  // 2025-12-01T23:59:59Z is 07:59:59 in Beijing
  EXPECT_EQ(DisclosureDay(1'764'604'799), "2025-12-01");  // 2025-12-01T15:59:59Z is 23:59:59 in Beijing
}

TEST_P(DisclosureQuotaTest, SpendsUpToTheLimitPerAccountAndKindThenRefusesCountingNothing) {
  DisclosureLimits limits{.key_matches_per_day = 3, .reveals_per_day = 1};
  Clock clock = Clock::Fixed(domain_test::kFixedNowSeconds);
  AuditLog audit(db(), clock);
  DisclosureQuota quota(db(), audit, clock, limits);
  const Actor a = Clerk("clerk_a"), b = Clerk("clerk_b");
  auto spent = quota.Spend(a, DisclosureKind::kKeyMatch, 2);
  ASSERT_TRUE(spent.ok() && *spent);
  spent = quota.Spend(a, DisclosureKind::kKeyMatch, 2);  // 4 > 3: refused, nothing added
  ASSERT_TRUE(spent.ok());
  EXPECT_FALSE(*spent);
  EXPECT_EQ(Used("clerk_a", "key_match"), 2);
  auto left = quota.Left(a, DisclosureKind::kKeyMatch);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, 1);
  // Another account and another kind have their own counts.
  left = quota.Left(b, DisclosureKind::kKeyMatch);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, 3);
  spent = quota.Spend(a, DisclosureKind::kReveal, 1);
  ASSERT_TRUE(spent.ok() && *spent);
  // Count adds without a check (matches already made), and Left never goes below 0.
  ASSERT_TRUE(IsOk(quota.Count(a, DisclosureKind::kKeyMatch, 5)));
  left = quota.Left(a, DisclosureKind::kKeyMatch);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, 0);
  // Inside a transaction that is then rolled back, a spend vanishes with it.
  {
    Transaction tx(db());
    ASSERT_TRUE(IsOk(tx.begin_status()));
    spent = quota.Spend(b, DisclosureKind::kReveal, 1);
    ASSERT_TRUE(spent.ok() && *spent);
  }
  EXPECT_EQ(Used("clerk_b", "reveal"), 0);
  // No limit: everything passes and is still counted.
  limits.reveals_per_day = 0;
  spent = quota.Spend(a, DisclosureKind::kReveal, 1000);
  ASSERT_TRUE(spent.ok() && *spent);
  EXPECT_EQ(Used("clerk_a", "reveal"), 1001);
  EXPECT_TRUE(DisclosureQuota::IsRefusal(quota.Refusal(DisclosureKind::kKeyMatch)));
  EXPECT_FALSE(DisclosureQuota::IsRefusal(Status::PermissionDenied("不行", "no")));
}

INSTANTIATE_TEST_SUITE_P(Backends, DisclosureQuotaTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
