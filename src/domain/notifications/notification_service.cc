#include "domain/notifications/notification_service.h"

#include "common/mobile.h"

namespace shanhai::notifications {

namespace {

constexpr int64_t kMaxPageSize = 100;
constexpr const char* kUsersLedger = "users";

}  // namespace

Result<int64_t> NotificationService::AccountOf(const Actor& actor) {
  if (actor.job_seeker() || actor.name == kSystemActorName)
    return Status::PermissionDenied("通知只发给工作人员和企业账号", "notifications are for staff and employer accounts");
  SH_ASSIGN_OR_RETURN(int64_t id, repository_.AccountNamed(actor.name));
  if (id == 0) return Status::PermissionDenied("账号不存在或已停用：" + actor.name, "no such enabled account: " + actor.name);
  return id;
}

Result<NoticePage> NotificationService::List(const Actor& actor, int64_t page, int64_t page_size) {
  if (page < 1 || page_size < 1 || page_size > kMaxPageSize)
    return Status::InvalidArgument("分页参数无效：page ≥ 1，page_size 为 1–100", "bad paging: page ≥ 1, page_size 1–100");
  SH_ASSIGN_OR_RETURN(int64_t account, AccountOf(actor));
  NoticePage out;
  SH_ASSIGN_OR_RETURN(out.total, repository_.Count(account));
  SH_ASSIGN_OR_RETURN(out.unread, repository_.CountUnread(account));
  SH_ASSIGN_OR_RETURN(out.items, repository_.Page(account, page_size, (page - 1) * page_size));
  return out;
}

Status NotificationService::MarkRead(const Actor& actor, int64_t id) {
  SH_ASSIGN_OR_RETURN(int64_t account, AccountOf(actor));
  SH_ASSIGN_OR_RETURN(int64_t found, repository_.MarkRead(account, id, context_.clock.Iso()));
  if (found == 0)
    return Status::NotFound("没有编号为 " + std::to_string(id) + " 的通知", "no notification with id " + std::to_string(id));
  return Status::Ok();
}

Result<int64_t> NotificationService::MarkAllRead(const Actor& actor) {
  SH_ASSIGN_OR_RETURN(int64_t account, AccountOf(actor));
  return repository_.MarkAllRead(account, context_.clock.Iso());
}

Result<std::string> NotificationService::MaskedMobile(const Actor& actor) {
  SH_ASSIGN_OR_RETURN(int64_t account, AccountOf(actor));
  SH_ASSIGN_OR_RETURN(Value sealed, repository_.AccountMobile(account));
  if (IsNull(sealed)) return std::string();
  SH_ASSIGN_OR_RETURN(std::string mobile, context_.vault->Decrypt(AsText(sealed), kAccountMobileContext));
  return MaskMobile(mobile);
}

Status NotificationService::SetMobile(const Actor& actor, const std::string& raw) {
  SH_ASSIGN_OR_RETURN(int64_t account, AccountOf(actor));
  if (raw.empty()) {
    return InTransaction(*context_.db, [&] {
      SH_RETURN_IF_ERROR(repository_.ClearAccountMobile(account));
      return context_.audit.Write(actor, "account_mobile", kUsersLedger, account, "", "", "", "cleared");
    });
  }
  Result<std::string> mobile = ParseMobile(raw);
  if (!mobile.ok())
    return Status::InvalidArgument("手机号 mobile：" + mobile.status().message_zh(),
                                   "mobile: " + mobile.status().message_en());
  return InTransaction(*context_.db, [&] {
    SH_RETURN_IF_ERROR(repository_.SetAccountMobile(account, context_.vault->Encrypt(*mobile, kAccountMobileContext),
                                                    context_.vault->LookupHash(*mobile, kAccountMobileContext),
                                                    context_.clock.Iso()));
    return context_.audit.Write(actor, "account_mobile", kUsersLedger, account, "", "", "", "set");
  });
}

}  // namespace shanhai::notifications
