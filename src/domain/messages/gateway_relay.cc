#include "domain/messages/gateway_relay.h"

#include <algorithm>

#include "domain/messages/outbox_sender.h"

namespace shanhai {

namespace {

// Fresh rows, rows whose last try is retry_after old, rows a dead relay left claimed.
constexpr const char* kDue =
    "SELECT id, recipient_enc, text_enc, purpose, helped_region, delivery, COALESCE(delivery_at, ''), delivery_attempts "
    "FROM outbox_messages WHERE (delivery = 'pending' AND (delivery_at IS NULL OR delivery_at <= ?)) "
    "OR (delivery = 'sending' AND delivery_at <= ?) ORDER BY id LIMIT ?";
// Wins the row only if no other relay changed it since it was read.
constexpr const char* kClaim =
    "UPDATE outbox_messages SET delivery = 'sending', delivery_at = ?, delivery_attempts = delivery_attempts + 1 "
    "WHERE id = ? AND delivery = ? AND COALESCE(delivery_at, '') = ?";
constexpr const char* kDelivered = "DELETE FROM outbox_messages WHERE id = ?";
constexpr const char* kRetry = "UPDATE outbox_messages SET delivery = 'pending', delivery_at = ?, delivery_error = ? WHERE id = ?";
constexpr const char* kGiveUp = "UPDATE outbox_messages SET delivery = 'failed', delivery_error = ? WHERE id = ?";

}  // namespace

RelayPolicy RelayPolicyFor(std::chrono::milliseconds gateway_timeout) {
  RelayPolicy policy;
  const int64_t in_flight_seconds = std::chrono::ceil<std::chrono::seconds>(gateway_timeout).count() + 2;
  policy.claim_timeout_seconds = std::max(policy.claim_timeout_seconds, in_flight_seconds);
  return policy;
}

Result<RelayOutcome> GatewayRelay::RelayDue() {
  const int64_t now = context_.clock.Seconds();
  SH_ASSIGN_OR_RETURN(Rows due, context_.db->Query(kDue, {IsoUtcAt(now - policy_.retry_after_seconds),
                                                          IsoUtcAt(now - policy_.claim_timeout_seconds),
                                                          policy_.rows_per_pass}));
  RelayOutcome outcome;
  for (const std::vector<Value>& row : due.rows) SH_RETURN_IF_ERROR(Deliver(row, outcome));
  return outcome;
}

Status GatewayRelay::Deliver(const std::vector<Value>& row, RelayOutcome& outcome) {
  Database& db = *context_.db;
  const int64_t id = AsInt(row[0]);
  SH_ASSIGN_OR_RETURN(int64_t claimed,
                      db.Execute(kClaim, {context_.clock.Iso(), id, AsText(row[5]), AsText(row[6])}));
  if (claimed != 1) return Status::Ok();  // another relay has it
  SH_ASSIGN_OR_RETURN(std::string mobile, context_.vault->Decrypt(AsText(row[1]), kOutboxRecipientContext));
  SH_ASSIGN_OR_RETURN(std::string text, context_.vault->Decrypt(AsText(row[2]), kOutboxTextContext));
  const Status sent = gateway_.Send({mobile, text, AsText(row[3]), AsText(row[4]), ""});
  if (sent.ok()) {
    ++outcome.sent;
    return db.Execute(kDelivered, {id}).status();
  }
  if (AsInt(row[7]) + 1 < policy_.max_attempts) {
    ++outcome.retried;
    return db.Execute(kRetry, {context_.clock.Iso(), sent.message_en(), id}).status();
  }
  ++outcome.failed;
  Actor relay = Actor::System();
  relay.remote = "sms_relay";
  return InTransaction(db, [&]() -> Status {
    SH_RETURN_IF_ERROR(db.Execute(kGiveUp, {sent.message_en(), id}).status());
    return context_.audit.Write(relay, "message_send_failed", "outbox_messages", id, AsText(row[4]), "", "",
                                AsText(row[3]) + ": " + sent.message_en());
  });
}

}  // namespace shanhai
