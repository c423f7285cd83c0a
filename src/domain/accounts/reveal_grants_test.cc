// The two-person rule for reveal across a county or wider, on both backends: a request filed by
// the change that needs it (a user added or changed, a role given reveal, a password reset), the
// account's reveal withheld until another administrator approves, and the ways around it refused.
#include "domain/accounts/reveal_grants.h"

#include <gtest/gtest.h>

#include "domain/accounts/account_service.h"
#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;

constexpr const char* kPassword = "Pingtang2020!";
constexpr const char* kReveal = "people:people:reveal";
const std::vector<std::string> kSecurityDuties = {"admin:users:admin", "admin:roles:admin"};

class RevealGrantsTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    accounts_ = std::make_unique<AccountService>(MakeContext(db(), nullptr, Clock([this] { return now_; })));
    MustAdd(Actor::System(), {"sec_a", kPassword, {"secadmin"}, {}});
    MustAdd(Actor::System(), {"sec_b", kPassword, {"secadmin"}, {}});
  }

  static Actor Security(const std::string& name) { return Actor{name, {"secadmin"}, kSecurityDuties, "", "", 0, ""}; }

  UserInfo MustAdd(const Actor& by, const NewUser& user) {
    auto added = accounts_->AddUser(by, user);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : UserInfo{};
  }
  // The county labour bureau's clerk: staff and revealer over the whole of 平塘县.
  UserInfo AddBureau(const Actor& by) { return MustAdd(by, {"bureau", kPassword, {"staff", "revealer"}, {"522727"}}); }

  // The actor of a fresh login of name (its session read back, as every request does).
  Actor SessionActor(const std::string& name, const std::string& password = kPassword) {
    auto session = accounts_->Login(name, password, "127.0.0.1");
    EXPECT_TRUE(session.ok()) << session.status().ToString();
    if (!session.ok()) return {};
    auto actor = accounts_->Authenticate(session->token, nullptr);
    EXPECT_TRUE(actor.ok()) << actor.status().ToString();
    return actor.ok() ? *actor : Actor{};
  }
  bool MayReveal(const std::string& name, const std::string& password = kPassword) {
    return Authorize(SessionActor(name, password), kReveal).ok();
  }

  std::vector<RevealGrant> Grants() {
    auto grants = accounts_->reveal_grants().List(Security("sec_b"));
    EXPECT_TRUE(grants.ok()) << grants.status().ToString();
    return grants.ok() ? *grants : std::vector<RevealGrant>{};
  }
  std::vector<RevealGrant> Pending() {
    std::vector<RevealGrant> out;
    for (RevealGrant& g : Grants())
      if (g.state == "pending") out.push_back(std::move(g));
    return out;
  }
  Status Decide(const std::string& by, int64_t id, bool approve = true) {
    return accounts_->reveal_grants().Decide(Security(by), id, approve).status();
  }

  int64_t now_ = 1595404800;  // 2020-07-22T08:00:00Z
  std::unique_ptr<AccountService> accounts_;
};

TEST_P(RevealGrantsTest, CountyWideRevealWaitsForASecondAdministrator) {
  const UserInfo bureau = AddBureau(Security("sec_a"));
  EXPECT_TRUE(bureau.reveal_awaits_approval);
  const Actor waiting = SessionActor("bureau");
  EXPECT_TRUE(waiting.reveal_withheld);
  const Status refused = Authorize(waiting, kReveal);
  EXPECT_EQ(refused.code(), Code::kPermissionDenied);
  EXPECT_NE(refused.message_zh().find("须经另一位安全管理员批准"), std::string::npos) << refused.message_zh();
  EXPECT_NE(refused.message_en().find("a second security administrator"), std::string::npos) << refused.message_en();
  EXPECT_TRUE(Authorize(waiting, "people:people:read").ok());  // the rest of the account works

  const std::vector<RevealGrant> pending = Pending();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].user_name, "bureau");
  EXPECT_EQ(pending[0].region, "522727");
  EXPECT_EQ(pending[0].reason, "grant");
  EXPECT_EQ(pending[0].requested_by, "sec_a");

  // The requester, in any session, is no second person; nor is the account itself.
  const Status own = Decide("sec_a", pending[0].id);
  EXPECT_EQ(own.code(), Code::kPermissionDenied);
  EXPECT_NE(own.message_en().find("another administrator must approve it"), std::string::npos) << own.message_en();
  EXPECT_EQ(accounts_->reveal_grants().Decide(waiting, pending[0].id, true).status().code(), Code::kPermissionDenied);
  EXPECT_FALSE(MayReveal("bureau"));

  ASSERT_TRUE(Decide("sec_b", pending[0].id).ok());
  EXPECT_TRUE(MayReveal("bureau"));
  EXPECT_EQ(Decide("sec_b", pending[0].id).code(), Code::kConflict);  // decided once
  EXPECT_EQ(AuditRows(db(), "reveal_grant_request"), 1);
  EXPECT_EQ(AuditRows(db(), "reveal_grant_approve"), 1);
}

TEST_P(RevealGrantsTest, ARefusedRequestLeavesRevealWithheld) {
  AddBureau(Security("sec_a"));
  ASSERT_TRUE(Decide("sec_b", Pending().at(0).id, false).ok());
  EXPECT_FALSE(MayReveal("bureau"));
  EXPECT_TRUE(Pending().empty());
  EXPECT_EQ(AuditRows(db(), "reveal_grant_refuse"), 1);
}

TEST_P(RevealGrantsTest, AnApprovalHoldsOnlyForTheScopeItWasGivenFor) {
  const UserInfo bureau = AddBureau(Security("sec_a"));
  ASSERT_TRUE(Decide("sec_b", Pending().at(0).id).ok());
  const auto change = [&](const std::string& region) {
    auto changed = accounts_->UpdateUser(Security("sec_a"), bureau.id, {{"staff", "revealer"}, {region}, false});
    EXPECT_TRUE(changed.ok()) << changed.status().ToString();
    return changed.ok() && changed->reveal_awaits_approval;
  };
  // Widened to the province after approval: withheld again, a new request for the province.
  EXPECT_TRUE(change("520000"));
  EXPECT_FALSE(MayReveal("bureau"));
  ASSERT_EQ(Pending().size(), 1u);
  EXPECT_EQ(Pending()[0].region, "520000");
  // A town needs no approval; back to the county, the old approval is gone.
  EXPECT_FALSE(change("522727200"));
  EXPECT_TRUE(MayReveal("bureau"));
  EXPECT_TRUE(Pending().empty());
  EXPECT_TRUE(change("522727"));
  EXPECT_FALSE(MayReveal("bureau"));
  // A request whose account changed under it cannot be approved.
  const int64_t stale = Pending().at(0).id;
  ASSERT_TRUE(change("522727200") == false);
  EXPECT_EQ(Decide("sec_b", stale).code(), Code::kConflict);
}

TEST_P(RevealGrantsTest, GivingARoleRevealFilesARequestForItsCountyWideHolders) {
  RoleService& roles = accounts_->roles();
  auto role = roles.Create(Security("sec_a"), {"people_clerk", "人员台账", {"people:people:list", "people:people:read"}});
  ASSERT_TRUE(role.ok()) << role.status().ToString();
  MustAdd(Security("sec_a"), {"clerk", kPassword, {"people_clerk"}, {"522727"}});
  MustAdd(Security("sec_a"), {"townclerk", kPassword, {"people_clerk"}, {"522727200"}});
  EXPECT_TRUE(Pending().empty());
  ASSERT_TRUE(roles.Update(Security("sec_a"), role->id, {"", "人员台账", {"people:people:list", kReveal}}).ok());
  EXPECT_FALSE(MayReveal("clerk"));
  EXPECT_TRUE(MayReveal("townclerk"));
  const std::vector<RevealGrant> pending = Pending();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].user_name, "clerk");
  EXPECT_EQ(pending[0].requested_by, "sec_a");
  EXPECT_EQ(Decide("sec_a", pending[0].id).code(), Code::kPermissionDenied);
}

TEST_P(RevealGrantsTest, APasswordResetOfARevealerNeedsTheSecondAdministratorAgain) {
  const UserInfo bureau = AddBureau(Actor::System());
  ASSERT_TRUE(Decide("sec_b", Pending().at(0).id).ok());
  ASSERT_TRUE(MayReveal("bureau"));
  // sec_a sets a password it knows: signed in with it, it would be the revealer.
  ASSERT_TRUE(accounts_->ResetPassword(Security("sec_a"), bureau.id, "Reset-by-sec-a-2026").ok());
  EXPECT_FALSE(MayReveal("bureau", "Reset-by-sec-a-2026"));
  const std::vector<RevealGrant> pending = Pending();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].reason, "password_reset");
  EXPECT_EQ(Decide("sec_a", pending[0].id).code(), Code::kPermissionDenied);
  // Not while the password sec_a set is still the account's.
  const Status early = Decide("sec_b", pending[0].id);
  EXPECT_EQ(early.code(), Code::kConflict);
  EXPECT_NE(early.message_en().find("has not yet replaced the reset password"), std::string::npos) << early.message_en();
  ASSERT_TRUE(accounts_->ChangePassword(SessionActor("bureau", "Reset-by-sec-a-2026"), "Reset-by-sec-a-2026",
                                        "Owner-chosen-pass-2026")
                  .ok());
  ASSERT_TRUE(Decide("sec_b", pending[0].id).ok());
  EXPECT_TRUE(MayReveal("bureau", "Owner-chosen-pass-2026"));
}

TEST_P(RevealGrantsTest, AnAdministratorTheRequesterMadeIsNoSecondPerson) {
  MustAdd(Security("sec_a"), {"sec_c", kPassword, {"secadmin"}, {}});
  AddBureau(Security("sec_a"));
  const Status puppet = Decide("sec_c", Pending().at(0).id);
  EXPECT_EQ(puppet.code(), Code::kPermissionDenied);
  EXPECT_NE(puppet.message_en().find("added or had its password reset by the requester sec_a"), std::string::npos)
      << puppet.message_en();
  // Nor one that an account the requester made has made in turn.
  MustAdd(Security("sec_c"), {"sec_d", kPassword, {"secadmin"}, {}});
  EXPECT_EQ(Decide("sec_d", Pending().at(0).id).code(), Code::kPermissionDenied);
  // Nor one whose password the requester reset.
  auto users = accounts_->ListUsers(Security("sec_a"));
  ASSERT_TRUE(users.ok());
  for (const UserInfo& u : *users) {
    if (u.name == "sec_b") {
      ASSERT_TRUE(accounts_->ResetPassword(Security("sec_a"), u.id, "Reset-sec-b-2026").ok());
    }
  }
  EXPECT_EQ(Decide("sec_b", Pending().at(0).id).code(), Code::kPermissionDenied);
}

// An account given county-wide reveal before the rule existed is withheld, and listed for approval.
TEST_P(RevealGrantsTest, AccountsFromBeforeTheRuleAreListedForApproval) {
  AddBureau(Security("sec_a"));
  ASSERT_TRUE(db().Execute("DELETE FROM reveal_grants").ok());
  EXPECT_FALSE(MayReveal("bureau"));
  const std::vector<RevealGrant> pending = Pending();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].user_name, "bureau");
  EXPECT_EQ(pending[0].requested_by, "system");
  ASSERT_TRUE(Decide("sec_a", pending[0].id).ok());
  EXPECT_TRUE(MayReveal("bureau"));
  EXPECT_EQ(Grants().size(), 1u);  // listing again files nothing more
}

TEST_P(RevealGrantsTest, TownsVillagesAndOrganisationsNeedNoApproval) {
  EXPECT_FALSE(MustAdd(Security("sec_a"), {"town", kPassword, {"staff", "revealer"}, {"522727200"}}).reveal_awaits_approval);
  EXPECT_FALSE(MustAdd(Security("sec_a"), {"plain", kPassword, {"staff"}, {"522727"}}).reveal_awaits_approval);
  EXPECT_TRUE(MayReveal("town"));
  EXPECT_TRUE(Pending().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, RevealGrantsTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
