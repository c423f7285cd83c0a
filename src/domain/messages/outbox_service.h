// Staff's reading of the outbox (outbox_sender.h): a list with each number masked (138****5678)
// and every run of four or more digits in the text starred (the code), and the whole number and
// text of one message on request — the way a village cadre reads a code to a villager over the
// phone. Listing needs messages:outbox:read, the whole message messages:outbox:reveal (refused
// while the account's reveal awaits a second administrator, as every reveal is), counted against
// the daily reveal quota and audited "reveal" (ledger outbox_messages, the message id) before it
// is handed out. Accounts limited to an organisation (employers' HR) see nothing; a region-scoped
// account sees the messages of recipients living in its region only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/ledger/actor.h"
#include "domain/service_context.h"

namespace shanhai {

inline constexpr const char* kOutboxReadPermission = "messages:outbox:read";
inline constexpr const char* kOutboxRevealPermission = "messages:outbox:reveal";

struct OutboxEntry {
  int64_t id = 0;
  std::string mobile;  // masked in List, whole in Reveal
  std::string text;    // digits starred in List, whole in Reveal
  std::string purpose;
  std::string helped_region;
  std::string created_at;
  // "" = kept in the outbox only; "failed" = the gateway relay gave up on it. Messages queued
  // for the gateway (pending, sending) and those it delivered (deleted) are never listed.
  std::string delivery;
};

struct OutboxPage {
  int64_t total = 0;
  std::vector<OutboxEntry> entries;  // newest first
};

// "验证码 123456，5分钟" → "验证码 ******，5分钟": runs of at least four ASCII digits starred. Pure.
std::string StarDigitRuns(const std::string& text);

class OutboxService {
 public:
  // context (database, vault, clock, audit log, quota) must outlive the service.
  explicit OutboxService(ServiceContext& context) : context_(context) {}

  // Page page (from 1) of page_size (1..200) messages visible to actor, newest first; mobile
  // (the number to look for, any form ParseMobile takes; "" = all) filters by its look-up hash.
  // Errors: PermissionDenied (see above); InvalidArgument for a bad mobile or page size.
  Result<OutboxPage> List(const Actor& actor, const std::string& mobile, int64_t page, int64_t page_size);
  // Message id whole. NotFound for an id that does not exist or actor cannot see (one answer).
  Result<OutboxEntry> Reveal(const Actor& actor, int64_t id);

 private:
  Status CheckScope(const Actor& actor) const;
  ServiceContext& context_;
};

}  // namespace shanhai
