// The gateway relay on both backends, with an injected clock and a gateway that records or
// refuses: a queued message is posted once and gone; outbox-only rows are never posted; a refused
// one is retried after its wait and given up after its tries (audited without number or text,
// left in the outbox marked failed; staff see a queued one only then); a row another relay holds is left alone until its claim is stale.
#include "domain/messages/gateway_relay.h"

#include <gtest/gtest.h>

#include "domain/ledger/ledger_test_util.h"
#include "domain/messages/outbox_sender.h"
#include "domain/messages/outbox_service.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

class FakeGateway : public MessageSender {
 public:
  Status Send(const OutgoingMessage& message) override {
    ++calls;
    if (refusing) return Status::Unavailable("短信网关 gw:80 发送失败：HTTP 503", "the SMS gateway gw:80 failed: HTTP 503");
    posted.push_back(message);
    return Status::Ok();
  }
  std::vector<OutgoingMessage> posted;
  int calls = 0;
  bool refusing = false;
};

class GatewayRelayTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    ServiceContext& context = MakeContext(db(), nullptr, Clock([this] { return now_; }));
    queue_ = std::make_unique<OutboxSender>(db(), vault(), context.clock, true);
    relay_ = std::make_unique<GatewayRelay>(context, gateway_);
  }
  RelayOutcome Pass() {
    Result<RelayOutcome> outcome = relay_->RelayDue();
    EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
    return outcome.ok() ? *outcome : RelayOutcome{};
  }
  std::string Delivery() {
    auto rows = db().Query("SELECT COALESCE(delivery, 'none') FROM outbox_messages");
    EXPECT_TRUE(rows.ok());
    return rows.ok() && !rows->rows.empty() ? AsText(rows->rows[0][0]) : "gone";
  }

  int64_t now_ = domain_test::kFixedNowSeconds;
  FakeGateway gateway_;
  std::unique_ptr<OutboxSender> queue_;
  std::unique_ptr<GatewayRelay> relay_;
};

TEST_P(GatewayRelayTest, AQueuedMessageIsPostedOnceAndGone) {
  ASSERT_TRUE(IsOk(queue_->Send({"13812345678", "验证码为 123456", "otp_login", "522727", "522727200205"})));
  EXPECT_EQ(Delivery(), "pending");
  EXPECT_EQ(Pass().sent, 1);
  ASSERT_EQ(gateway_.posted.size(), 1u);
  EXPECT_EQ(gateway_.posted[0].mobile, "13812345678");
  EXPECT_EQ(gateway_.posted[0].text, "验证码为 123456");
  EXPECT_EQ(gateway_.posted[0].purpose, "otp_login");
  EXPECT_EQ(Delivery(), "gone");
  EXPECT_EQ(Pass().sent, 0);
  EXPECT_EQ(gateway_.calls, 1);
}

TEST_P(GatewayRelayTest, OutboxOnlyMessagesAreNeverPosted) {
  OutboxSender outbox(db(), vault(), context().clock);
  ASSERT_TRUE(IsOk(outbox.Send({"13812345678", "验证码为 123456", "otp_login", "522727", ""})));
  EXPECT_EQ(Pass().sent, 0);
  EXPECT_EQ(gateway_.calls, 0);
  EXPECT_EQ(Delivery(), "none");
}

TEST_P(GatewayRelayTest, ARefusedMessageIsRetriedThenGivenUpAuditedAndLeftForStaff) {
  ASSERT_TRUE(IsOk(queue_->Send({"13812345678", "验证码为 123456", "otp_login", "522727", "522727200205"})));
  OutboxService outbox(context());
  // Queued for the gateway, the code is the person's alone: staff neither list nor reveal it.
  EXPECT_EQ(outbox.List(domain_test::StaffIn(""), "", 1, 20).value().total, 0);
  auto queued = db().Query("SELECT id FROM outbox_messages");
  ASSERT_TRUE(queued.ok());
  const int64_t id = AsInt(queued->rows.at(0).at(0));
  EXPECT_EQ(outbox.Reveal(domain_test::StaffIn(""), id).status().code(), Code::kNotFound);
  gateway_.refusing = true;
  EXPECT_EQ(Pass().retried, 1);
  EXPECT_EQ(Delivery(), "pending");
  EXPECT_EQ(Pass().retried, 0);  // not before its wait
  EXPECT_EQ(gateway_.calls, 1);
  now_ += RelayPolicy{}.retry_after_seconds;
  EXPECT_EQ(Pass().retried, 1);
  now_ += RelayPolicy{}.retry_after_seconds;
  EXPECT_EQ(Pass().failed, 1);
  EXPECT_EQ(gateway_.calls, RelayPolicy{}.max_attempts);
  EXPECT_EQ(Delivery(), "failed");
  now_ += 3600;
  EXPECT_EQ(Pass().failed, 0);
  EXPECT_EQ(gateway_.calls, RelayPolicy{}.max_attempts);

  EXPECT_EQ(domain_test::AuditRows(db(), "message_send_failed"), 1);
  auto audit = db().Query("SELECT * FROM audit_log WHERE action = 'message_send_failed'");
  ASSERT_TRUE(audit.ok());
  for (const Value& v : audit->rows.at(0)) {
    EXPECT_EQ(AsText(v).find("13812345678"), std::string::npos);
    EXPECT_EQ(AsText(v).find("123456"), std::string::npos);
  }
  Result<OutboxPage> listed = outbox.List(domain_test::StaffIn(""), "", 1, 20);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->entries.size(), 1u);
  EXPECT_EQ(listed->entries[0].delivery, "failed");
  EXPECT_TRUE(outbox.Reveal(domain_test::StaffIn(""), id).ok()) << "given up, a cadre may read it to the person";
}

TEST_P(GatewayRelayTest, ARowAnotherRelayHoldsIsLeftUntilItsClaimIsStale) {
  ASSERT_TRUE(IsOk(queue_->Send({"13812345678", "验证码为 123456", "otp_login", "522727", ""})));
  ASSERT_TRUE(db().Execute("UPDATE outbox_messages SET delivery = 'sending', delivery_at = ?, delivery_attempts = 1",
                           {IsoUtcAt(now_)})
                  .ok());
  EXPECT_EQ(Pass().sent, 0);
  now_ += RelayPolicy{}.claim_timeout_seconds;
  EXPECT_EQ(Pass().sent, 1);
  EXPECT_EQ(Delivery(), "gone");
}

TEST(RelayPolicyFor, AClaimOutlastsTheLongestPost) {
  EXPECT_EQ(RelayPolicyFor(std::chrono::milliseconds(5000)).claim_timeout_seconds, 60);
  EXPECT_EQ(RelayPolicyFor(std::chrono::milliseconds(60000)).claim_timeout_seconds, 62);
  EXPECT_EQ(RelayPolicyFor(std::chrono::milliseconds(59001)).claim_timeout_seconds, 62);
}

INSTANTIATE_TEST_SUITE_P(Backends, GatewayRelayTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
