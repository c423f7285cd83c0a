#include "domain/messages/outbox_sender.h"

namespace shanhai {

namespace {

constexpr const char* kInsertMessage =
    "INSERT INTO outbox_messages (recipient_enc, recipient_hash, text_enc, purpose, helped_region, home_region, "
    "created_at, delivery) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace

Status OutboxSender::Send(const OutgoingMessage& message) {
  const auto or_null = [](const std::string& v) { return v.empty() ? Value{} : Value{v}; };
  return db_
      .Execute(kInsertMessage, {vault_.Encrypt(message.mobile, kOutboxRecipientContext),
                                vault_.LookupHash(message.mobile, kOutboxRecipientContext),
                                vault_.Encrypt(message.text, kOutboxTextContext), message.purpose, or_null(message.helped_region),
                                or_null(message.home_region), clock_.Iso(),
                                for_gateway_ ? Value{std::string("pending")} : Value{}})
      .status();
}

}  // namespace shanhai
