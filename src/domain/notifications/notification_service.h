// An account's own notices in the console (the bell): a page of them, unread first, with the
// unread count; marking one or all read. And the account's own mobile for the same notices by
// text message: set (validated by ParseMobile, sealed, with its keyed hash), cleared, shown
// masked. Every call concerns the signed-in account only, so no permission beyond a staff session
// is needed; a job seeker's session is refused (its notices come by text message).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/ledger/actor.h"
#include "domain/notifications/notification_repository.h"
#include "domain/service_context.h"

namespace shanhai::notifications {

inline constexpr const char* kAccountMobileContext = "account_mobiles.mobile";

struct NoticePage {
  int64_t total = 0;
  int64_t unread = 0;
  std::vector<StoredNotice> items;
};

class NotificationService {
 public:
  // context (database, vault, clock, audit log) must outlive the service.
  explicit NotificationService(ServiceContext& context) : context_(context), repository_(*context.db) {}

  // Page page (from 1) of page_size (1..100). Errors: InvalidArgument for bad paging;
  // PermissionDenied for a job seeker or an actor without an account (the CLI's system).
  Result<NoticePage> List(const Actor& actor, int64_t page, int64_t page_size);
  // NotFound when the actor has no notice id (another account's is not found either).
  Status MarkRead(const Actor& actor, int64_t id);
  // The number of notices marked.
  Result<int64_t> MarkAllRead(const Actor& actor);

  // The account's mobile masked (138****5678), "" when none.
  Result<std::string> MaskedMobile(const Actor& actor);
  // raw "" clears it. InvalidArgument (ParseMobile's, naming the field "mobile") for a bad number.
  // Audited "account_mobile" (the number never in the audit row).
  Status SetMobile(const Actor& actor, const std::string& raw);

 private:
  Result<int64_t> AccountOf(const Actor& actor);
  ServiceContext& context_;
  NotificationRepository repository_;
};

}  // namespace shanhai::notifications
