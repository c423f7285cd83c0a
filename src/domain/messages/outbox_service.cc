#include "domain/messages/outbox_service.h"

#include "common/mobile.h"
#include "domain/audit/disclosure_quota.h"
#include "domain/messages/outbox_sender.h"

namespace shanhai {

namespace {

constexpr const char* kSelectColumns =
    "SELECT id, recipient_enc, text_enc, purpose, helped_region, created_at, home_region, delivery FROM outbox_messages";
// The account's region prefix (?, '' = every region, including messages with none), matched
// against the recipient's home region, then the number's hash
// (?, '' = any number). LIKE on a fixed-length code prefix the account's scope gives, never user text.
// Messages queued for the gateway are not shown until the relay gave up on them: staff read a
// code only where the person cannot get it otherwise (no gateway, or the gateway failed).
constexpr const char* kVisibleWhere =
    " WHERE (? = '' OR home_region LIKE ?) AND (? = '' OR recipient_hash = ?)"
    " AND (delivery IS NULL OR delivery = 'failed')";
constexpr const char* kCountVisible = "SELECT COUNT(*) FROM outbox_messages";
constexpr const char* kPageSuffix = " ORDER BY id DESC LIMIT ? OFFSET ?";
constexpr const char* kById = " AND id = ?";
constexpr int64_t kMaxPageSize = 200;
constexpr size_t kMinStarredRun = 4;

}  // namespace

std::string StarDigitRuns(const std::string& text) {
  std::string out = text;
  size_t i = 0;
  while (i < out.size()) {
    size_t end = i;
    while (end < out.size() && out[end] >= '0' && out[end] <= '9') ++end;
    if (end - i >= kMinStarredRun) out.replace(i, end - i, end - i, '*');
    i = end == i ? i + 1 : end;
  }
  return out;
}

Status OutboxService::CheckScope(const Actor& actor) const {
  if (!actor.owner_scoped()) return Status::Ok();
  return Status::PermissionDenied("单位账号不能查看短信发件箱", "accounts of an organisation cannot read the outbox");
}

Result<OutboxPage> OutboxService::List(const Actor& actor, const std::string& mobile, int64_t page,
                                       int64_t page_size) {
  SH_RETURN_IF_ERROR(Authorize(actor, kOutboxReadPermission));
  SH_RETURN_IF_ERROR(CheckScope(actor));
  if (page < 1 || page_size < 1 || page_size > kMaxPageSize)
    return Status::InvalidArgument("分页参数无效：page ≥ 1，page_size 为 1–200",
                                   "bad paging: page ≥ 1, page_size 1–200");
  std::string hash;
  if (!mobile.empty()) {
    SH_ASSIGN_OR_RETURN(std::string digits, ParseMobile(mobile));
    hash = context_.vault->LookupHash(digits, kOutboxRecipientContext);
  }
  const std::string prefix = VisiblePrefix(actor);
  const std::vector<Value> where{prefix, prefix + "%", hash, hash};
  OutboxPage out;
  SH_ASSIGN_OR_RETURN(Rows count, context_.db->Query(std::string(kCountVisible) + kVisibleWhere, where));
  out.total = AsInt(count.rows.at(0).at(0));
  std::vector<Value> params = where;
  params.push_back(page_size);
  params.push_back((page - 1) * page_size);
  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(std::string(kSelectColumns) + kVisibleWhere + kPageSuffix, params));
  for (const auto& r : rows.rows) {
    SH_ASSIGN_OR_RETURN(std::string number, context_.vault->Decrypt(AsText(r[1]), kOutboxRecipientContext));
    SH_ASSIGN_OR_RETURN(std::string text, context_.vault->Decrypt(AsText(r[2]), kOutboxTextContext));
    out.entries.push_back(
        {AsInt(r[0]), MaskMobile(number), StarDigitRuns(text), AsText(r[3]), AsText(r[4]), AsText(r[5]), AsText(r[7])});
  }
  return out;
}

Result<OutboxEntry> OutboxService::Reveal(const Actor& actor, int64_t id) {
  SH_RETURN_IF_ERROR(Authorize(actor, kOutboxRevealPermission));
  SH_RETURN_IF_ERROR(CheckScope(actor));
  const std::string prefix = VisiblePrefix(actor);
  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(std::string(kSelectColumns) + kVisibleWhere + kById,
                                                    {prefix, prefix + "%", std::string(), std::string(), id}));
  if (rows.rows.empty())
    return Status::NotFound("发件箱中没有编号为 " + std::to_string(id) + " 的短信",
                            "no outbox message with id " + std::to_string(id));
  const auto& r = rows.rows[0];
  SH_ASSIGN_OR_RETURN(std::string number, context_.vault->Decrypt(AsText(r[1]), kOutboxRecipientContext));
  SH_ASSIGN_OR_RETURN(std::string text, context_.vault->Decrypt(AsText(r[2]), kOutboxTextContext));
  SH_RETURN_IF_ERROR(context_.quota.RecordReveal(actor, "outbox_messages", id, AsText(r[4]), "purpose=" + AsText(r[3])));
  return OutboxEntry{id, number, text, AsText(r[3]), AsText(r[4]), AsText(r[5]), AsText(r[7])};
}

}  // namespace shanhai
