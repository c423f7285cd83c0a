// The default sender: each message becomes a row of outbox_messages (migration 0021) with the
// number and the text sealed (PiiVault contexts "outbox_messages.recipient" and
// "outbox_messages.text") and the number's keyed look-up hash. Staff read them through
// OutboxService (outbox_service.h).
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
  OutboxSender(Database& db, const PiiVault& vault, const Clock& clock) : db_(db), vault_(vault), clock_(clock) {}
  // Inserts the row, inside the caller's transaction if one is open. Errors: the database's.
  Status Send(const OutgoingMessage& message) override;

 private:
  Database& db_;
  const PiiVault& vault_;
  const Clock& clock_;
};

}  // namespace shanhai
