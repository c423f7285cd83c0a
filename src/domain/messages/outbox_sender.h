// The sender every caller uses: each message becomes a row of outbox_messages (migration 0021)
// with the number and the text sealed (PiiVault contexts "outbox_messages.recipient" and
// "outbox_messages.text") and the number's keyed look-up hash, in the caller's transaction. Staff
// read them through OutboxService (outbox_service.h). With an SMS gateway configured the row is
// queued for the gateway relay (gateway_relay.h), which posts it once the caller has committed.
#pragma once

#include "common/clock.h"
#include "domain/messages/message_sender.h"
#include "security/pii_vault.h"
#include "storage/database.h"

namespace shanhai {

inline constexpr const char* kOutboxRecipientContext = "outbox_messages.recipient";
inline constexpr const char* kOutboxTextContext = "outbox_messages.text";

class OutboxSender : public MessageSender {
 public:
  // db, vault and clock must outlive the sender (the connection's ServiceContext holds them).
  // for_gateway: queue each message for the relay instead of keeping it in the outbox only.
  OutboxSender(Database& db, const PiiVault& vault, const Clock& clock, bool for_gateway = false)
      : db_(db), vault_(vault), clock_(clock), for_gateway_(for_gateway) {}
  // Inserts the row, inside the caller's transaction if one is open. Errors: the database's.
  Status Send(const OutgoingMessage& message) override;

 private:
  Database& db_;
  const PiiVault& vault_;
  const Clock& clock_;
  const bool for_gateway_;
};

}  // namespace shanhai
