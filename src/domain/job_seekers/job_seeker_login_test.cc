// The one-time-code login on both backends with an injected clock and code source: codes stored
// as keyed hashes only, expiry, single use, the attempts per code, the rate limits per number
// and per address (and their end), the same answer for an unknown number, sessions (idle,
// lifetime, logout), the own profile masked, a failing sender (nothing kept), and no code in the audit log.
#include "domain/job_seekers/job_seeker_login.h"

#include <gtest/gtest.h>

#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

constexpr const char* kMobile = "13812345678";
constexpr const char* kVillage = "522727200205";
constexpr const char* kRemote = "10.0.0.7";

// Keeps what it was asked to send; fails while failing is set.
class RecordingSender : public MessageSender {
 public:
  Status Send(const OutgoingMessage& message) override {
    if (failing) return Status::Unavailable("网关不可用", "gateway down");
    sent.push_back(message);
    return Status::Ok();
  }
  std::vector<OutgoingMessage> sent;
  bool failing = false;
};

class JobSeekerLoginTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
    person_ = Add("people", domain_test::kCountyPair,
                  {{"name", "韦小芳"}, {"id_number", domain_test::Id18("52272719900101002")}, {"mobile", kMobile},
                   {"region_code", kVillage}, {"poverty_status", "lifted"}});
    ASSERT_NE(person_, 0);
    login_ = std::make_unique<JobSeekerLogin>(MakeContext(db(), nullptr, Clock([this] { return now_; })), sender_,
                                              OtpPolicy{}, [this] { return next_code_; });
  }

  // The code the last message carried (the sender saw it; the database must not).
  std::string LastCode() {
    if (sender_.sent.empty()) return "";
    const std::string& text = sender_.sent.back().text;
    const size_t at = text.find_first_of("0123456789");
    return at == std::string::npos ? "" : text.substr(at, 6);
  }
  int64_t Count(const std::string& sql) {
    auto rows = db().Query(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? AsInt(rows->rows.at(0).at(0)) : -1;
  }

  int64_t now_ = domain_test::kFixedNowSeconds;
  uint32_t next_code_ = 123456;
  int64_t person_ = 0;
  RecordingSender sender_;
  std::unique_ptr<JobSeekerLogin> login_;
};

TEST_P(JobSeekerLoginTest, ACodeIsSentStoredHashedAndLogsInOnce) {
  ASSERT_TRUE(IsOk(login_->Request("+86 138-1234-5678", kRemote)));
  ASSERT_EQ(sender_.sent.size(), 1u);
  EXPECT_EQ(sender_.sent[0].mobile, kMobile);
  EXPECT_EQ(sender_.sent[0].purpose, kOtpPurpose);
  EXPECT_EQ(sender_.sent[0].home_region, kVillage);
  EXPECT_EQ(sender_.sent[0].helped_region, "522727");
  EXPECT_EQ(LastCode(), "123456");
  // Neither the code nor its unkeyed forms are stored; the audit log names the person only.
  auto stored = db().Query("SELECT code_hash FROM otp_codes");
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->rows.size(), 1u);
  EXPECT_EQ(AsText(stored->rows[0][0]).find("123456"), std::string::npos);
  EXPECT_EQ(AsText(stored->rows[0][0]).size(), 64u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%123456%' OR after_json LIKE '%123456%'"), 0);
  EXPECT_EQ(domain_test::AuditRows(db(), "otp_requested"), 1);

  Result<SeekerSession> session = login_->Verify(kMobile, "123456", kRemote);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_EQ(session->actor.person_id, person_);
  EXPECT_TRUE(session->actor.job_seeker());
  EXPECT_EQ(session->actor.grants, std::vector<std::string>{kJobSeekerPermission});
  EXPECT_EQ(domain_test::AuditRows(db(), "otp_login"), 1);
  // Single use: the same code again is refused, as any wrong code is.
  EXPECT_EQ(login_->Verify(kMobile, "123456", kRemote).status().code(), Code::kUnauthenticated);

  Result<Actor> actor = login_->Authenticate(session->token, nullptr);
  ASSERT_TRUE(actor.ok()) << actor.status().ToString();
  EXPECT_EQ(actor->person_id, person_);
  Result<SeekerProfile> profile = login_->Profile(*actor);
  ASSERT_TRUE(profile.ok()) << profile.status().ToString();
  EXPECT_EQ(profile->name, "韦小芳");
  EXPECT_EQ(profile->mobile_masked, "138****5678");
  EXPECT_EQ(profile->id_number_masked.find("19900101"), std::string::npos) << profile->id_number_masked;
  EXPECT_NE(profile->region_name.find("平塘县"), std::string::npos) << profile->region_name;
  EXPECT_EQ(login_->Profile(domain_test::StaffIn("522727")).status().code(), Code::kPermissionDenied);
}

TEST_P(JobSeekerLoginTest, AnUnknownNumberGetsTheSameAnswerAndNoMessage) {
  EXPECT_TRUE(IsOk(login_->Request("13900000000", kRemote)));
  EXPECT_TRUE(sender_.sent.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM otp_codes"), 0);
  EXPECT_EQ(login_->Verify("13900000000", "123456", kRemote).status().code(), Code::kUnauthenticated);
  EXPECT_EQ(login_->Request("1234", kRemote).code(), Code::kInvalidArgument);
}

TEST_P(JobSeekerLoginTest, ACodeExpiresAfterFiveMinutes) {
  ASSERT_TRUE(IsOk(login_->Request(kMobile, kRemote)));
  now_ += 5 * 60 + 1;
  EXPECT_EQ(login_->Verify(kMobile, "123456", kRemote).status().code(), Code::kUnauthenticated);
  // Within the five minutes it works (a fresh code, past the per-number interval).
  ASSERT_TRUE(IsOk(login_->Request(kMobile, kRemote)));
  now_ += 5 * 60 - 1;
  EXPECT_TRUE(login_->Verify(kMobile, "123456", kRemote).ok());
}

TEST_P(JobSeekerLoginTest, TheFifthWrongCodeDropsTheCode) {
  ASSERT_TRUE(IsOk(login_->Request(kMobile, kRemote)));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login_->Verify(kMobile, "000000", kRemote).status().code(), Code::kUnauthenticated);
  EXPECT_EQ(Count("SELECT attempts FROM otp_codes"), 4);
  EXPECT_EQ(login_->Verify(kMobile, "000000", kRemote).status().code(), Code::kUnauthenticated);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM otp_codes"), 0);
  // The right code no longer helps.
  EXPECT_EQ(login_->Verify(kMobile, "123456", kRemote).status().code(), Code::kUnauthenticated);
  EXPECT_EQ(login_->Verify(kMobile, "12345", kRemote).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(domain_test::AuditRows(db(), "otp_failed"), 5) << "each wrong code against the live code";
}

TEST_P(JobSeekerLoginTest, ACodeSpentByWrongTriesInFlightIsNotUsed) {
  ASSERT_TRUE(IsOk(login_->Request(kMobile, kRemote)));
  // As if wrong codes sent at once counted the last tries while this verify had read the code.
  ASSERT_TRUE(db().Execute("UPDATE otp_codes SET attempts = 5").ok());
  EXPECT_EQ(login_->Verify(kMobile, "123456", kRemote).status().code(), Code::kUnauthenticated);
}

TEST_P(JobSeekerLoginTest, RequestsPerNumberWaitAMinuteAndFiveAnHour) {
  int64_t wait = 0;
  ASSERT_TRUE(IsOk(login_->Request(kMobile, kRemote, &wait)));
  EXPECT_EQ(login_->Request(kMobile, "10.0.0.8", &wait).code(), Code::kPermissionDenied);
  EXPECT_EQ(wait, 60);
  for (int i = 1; i < 5; ++i) {
    now_ += 61;
    ASSERT_TRUE(IsOk(login_->Request(kMobile, kRemote))) << i;
  }
  now_ += 61;
  wait = 0;
  EXPECT_EQ(login_->Request(kMobile, kRemote, &wait).code(), Code::kPermissionDenied);
  EXPECT_EQ(wait, 3600 - 5 * 61);  // until the first request leaves the hour
  EXPECT_EQ(sender_.sent.size(), 5u);
  // An unknown number is limited the same way (the limits say nothing of who is registered).
  ASSERT_TRUE(IsOk(login_->Request("13900000000", "10.0.0.9")));
  EXPECT_EQ(login_->Request("13900000000", "10.0.0.9").code(), Code::kPermissionDenied);
  now_ += wait;
  EXPECT_TRUE(IsOk(login_->Request(kMobile, kRemote)));
}

TEST(AddressSubject, AnIpv6AddressCountsAsItsSlash64) {
  EXPECT_EQ(AddressSubject("10.0.0.7"), "10.0.0.7");
  EXPECT_EQ(AddressSubject("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
  EXPECT_EQ(AddressSubject("2001:db8:1:2::1"), AddressSubject("2001:db8:1:2:ffff::9"));
  EXPECT_NE(AddressSubject("2001:db8:1:2::1"), AddressSubject("2001:db8:1:3::1"));
  EXPECT_EQ(AddressSubject("::ffff:10.0.0.7"), "10.0.0.7");
  EXPECT_EQ(AddressSubject("cli"), "cli");
}

TEST_P(JobSeekerLoginTest, OneIpv6Slash64SharesTheAddressLimit) {
  OtpPolicy tight;
  tight.per_address = {2, 3600, 0};
  login_ = std::make_unique<JobSeekerLogin>(MakeContext(db(), nullptr, Clock([this] { return now_; })), sender_, tight,
                                            [this] { return next_code_; });
  ASSERT_TRUE(IsOk(login_->Request("13900000001", "2001:db8:1:2::1")));
  ASSERT_TRUE(IsOk(login_->Request("13900000002", "2001:db8:1:2::2")));
  EXPECT_EQ(login_->Request("13900000003", "2001:db8:1:2:ffff::3").code(), Code::kPermissionDenied);
  EXPECT_TRUE(IsOk(login_->Request("13900000003", "2001:db8:1:3::1")));  // the next /64 is another line
}

TEST_P(JobSeekerLoginTest, RequestsAndWrongCodesPerAddressAreLimited) {
  OtpPolicy tight;
  tight.per_address = {3, 3600, 0};
  tight.failures_per_address = {2, 3600, 0};
  login_ = std::make_unique<JobSeekerLogin>(MakeContext(db(), nullptr, Clock([this] { return now_; })), sender_, tight,
                                            [this] { return next_code_; });
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(IsOk(login_->Request("1390000000" + std::to_string(i), kRemote)));
  int64_t wait = 0;
  EXPECT_EQ(login_->Request("13900000009", kRemote, &wait).code(), Code::kPermissionDenied);
  EXPECT_GT(wait, 0);
  EXPECT_TRUE(IsOk(login_->Request(kMobile, "10.0.0.8")));  // another address is not affected

  EXPECT_EQ(login_->Verify(kMobile, "000000", kRemote).status().code(), Code::kUnauthenticated);
  EXPECT_EQ(login_->Verify(kMobile, "000001", kRemote).status().code(), Code::kUnauthenticated);
  wait = 0;
  EXPECT_EQ(login_->Verify(kMobile, "123456", kRemote, &wait).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(wait, 3600);
  EXPECT_TRUE(login_->Verify(kMobile, "123456", "10.0.0.8").ok());  // the code itself is still good elsewhere
}

TEST_P(JobSeekerLoginTest, SessionsEndWhenIdleAtTheirLifetimeAndAtLogout) {
  ASSERT_TRUE(IsOk(login_->Request(kMobile, kRemote)));
  Result<SeekerSession> session = login_->Verify(kMobile, "123456", kRemote);
  ASSERT_TRUE(session.ok());
  std::string csrf;
  ASSERT_TRUE(login_->Authenticate(session->token, &csrf).ok());
  EXPECT_EQ(csrf, session->csrf_token);
  now_ += 14 * 60;
  ASSERT_TRUE(login_->Authenticate(session->token, nullptr).ok());  // refreshes the idle timer
  now_ += 14 * 60;
  ASSERT_TRUE(login_->Authenticate(session->token, nullptr).ok());
  now_ += 16 * 60;
  EXPECT_EQ(login_->Authenticate(session->token, nullptr).status().code(), Code::kUnauthenticated);

  now_ += 120;
  ASSERT_TRUE(IsOk(login_->Request(kMobile, kRemote)));
  Result<SeekerSession> second = login_->Verify(kMobile, "123456", kRemote);
  ASSERT_TRUE(second.ok());
  for (int i = 0; i < 8; ++i) {  // 112 minutes, touched each time
    now_ += 14 * 60;
    ASSERT_TRUE(login_->Authenticate(second->token, nullptr).ok()) << i;
  }
  now_ += 14 * 60;  // 126 minutes: past the lifetime, though not idle
  EXPECT_EQ(login_->Authenticate(second->token, nullptr).status().code(), Code::kUnauthenticated);

  now_ += 120;
  ASSERT_TRUE(IsOk(login_->Request(kMobile, kRemote)));
  Result<SeekerSession> third = login_->Verify(kMobile, "123456", kRemote);
  ASSERT_TRUE(third.ok());
  ASSERT_TRUE(IsOk(login_->Logout(third->token, third->actor)));
  EXPECT_EQ(login_->Authenticate(third->token, nullptr).status().code(), Code::kUnauthenticated);
  EXPECT_EQ(login_->Authenticate("", nullptr).status().code(), Code::kUnauthenticated);
}

TEST_P(JobSeekerLoginTest, ASenderThatFailsKeepsNothing) {
  sender_.failing = true;
  EXPECT_EQ(login_->Request(kMobile, kRemote).code(), Code::kUnavailable);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM otp_codes"), 0);
  EXPECT_EQ(domain_test::AuditRows(db(), "otp_requested"), 0);
  EXPECT_EQ(login_->Verify(kMobile, "123456", kRemote).status().code(), Code::kUnauthenticated);
  sender_.failing = false;
  EXPECT_TRUE(IsOk(login_->Request(kMobile, kRemote)));  // the failed request was not counted either
  EXPECT_EQ(sender_.sent.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, JobSeekerLoginTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
