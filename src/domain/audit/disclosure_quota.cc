#include "domain/audit/disclosure_quota.h"

#include <limits>

namespace shanhai {

namespace {

constexpr int64_t kChinaStandardTimeOffset = 8 * 3600;

constexpr const char* kSelectUsed = "SELECT used FROM disclosure_counts WHERE actor = ? AND day = ? AND kind = ?";
// One statement on both databases, so that concurrent requests of one account add up.
constexpr const char* kAddUsed =
    "INSERT INTO disclosure_counts (actor, day, kind, used) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (actor, day, kind) DO UPDATE SET used = disclosure_counts.used + excluded.used";

bool Unlimited(const Actor& actor) { return actor.name == kSystemActorName; }

}  // namespace

const char* DisclosureKindName(DisclosureKind kind) {
  return kind == DisclosureKind::kKeyMatch ? "key_match" : "reveal";
}

std::string DisclosureDay(int64_t unix_seconds) {
  return IsoUtcAt(unix_seconds + kChinaStandardTimeOffset).substr(0, 10);
}

int64_t DisclosureQuota::LimitOf(DisclosureKind kind) const {
  return kind == DisclosureKind::kKeyMatch ? limits_.key_matches_per_day : limits_.reveals_per_day;
}

Result<int64_t> DisclosureQuota::Left(const Actor& actor, DisclosureKind kind) const {
  const int64_t limit = LimitOf(kind);
  if (limit <= 0 || Unlimited(actor)) return std::numeric_limits<int64_t>::max();
  SH_ASSIGN_OR_RETURN(Rows rows,
                      db_.Query(kSelectUsed, {actor.name, DisclosureDay(clock_.Seconds()), DisclosureKindName(kind)}));
  const int64_t used = rows.rows.empty() ? 0 : AsInt(rows.rows[0][0]);
  return used >= limit ? 0 : limit - used;
}

Status DisclosureQuota::Count(const Actor& actor, DisclosureKind kind, int64_t n) {
  if (n <= 0) return Status::Ok();
  return db_.Execute(kAddUsed, {actor.name, DisclosureDay(clock_.Seconds()), DisclosureKindName(kind), n}).status();
}

Result<bool> DisclosureQuota::Spend(const Actor& actor, DisclosureKind kind, int64_t n) {
  if (n <= 0) return true;
  if (LimitOf(kind) <= 0 || Unlimited(actor)) {
    SH_RETURN_IF_ERROR(Count(actor, kind, n));  // counted all the same, for the auditor
    return true;
  }
  bool over = false;
  // A savepoint of the caller's transaction: taken back alone when the count passes the limit.
  const Status counted = InTransaction(db_, [&]() -> Status {
    // Added first, then read back: the row stays locked by this transaction until it ends, so
    // a concurrent request of the same account waits and sees this one's count.
    SH_RETURN_IF_ERROR(Count(actor, kind, n));
    SH_ASSIGN_OR_RETURN(Rows rows,
                        db_.Query(kSelectUsed, {actor.name, DisclosureDay(clock_.Seconds()), DisclosureKindName(kind)}));
    over = !rows.rows.empty() && AsInt(rows.rows[0][0]) > LimitOf(kind);
    return over ? Refusal(kind) : Status::Ok();
  });
  if (over) return false;
  SH_RETURN_IF_ERROR(counted);
  return true;
}

bool DisclosureQuota::IsRefusal(const Status& status) {
  return status.code() == Code::kPermissionDenied && status.message_en().starts_with("you have reached today's limit");
}

Status DisclosureQuota::Refusal(DisclosureKind kind) const {
  const std::string limit = std::to_string(LimitOf(kind));
  if (kind == DisclosureKind::kKeyMatch)
    return Status::PermissionDenied(
        "今天核对已登记身份证号码的次数已达上限（每个账号每天 " + limit +
            " 次），本次操作未执行；如需继续，请联系审计管理员或系统管理员（已通知审计管理员）",
        "you have reached today's limit of " + limit +
            " checks of numbers already registered (per account and day); nothing was done. To go on, ask "
            "the audit or system administrator (the audit administrator has been alerted)");
  return Status::PermissionDenied(
      "今天查看敏感信息全文的次数已达上限（每个账号每天 " + limit +
          " 次），本次未显示；如需继续，请联系审计管理员或系统管理员（已通知审计管理员）",
      "you have reached today's limit of " + limit +
          " reveals of sensitive values (per account and day); nothing was shown. To go on, ask the audit or "
          "system administrator (the audit administrator has been alerted)");
}

Status DisclosureQuota::Alert(const Actor& actor, DisclosureKind kind, const std::string& ledger) {
  return audit_.Write(actor, "disclosure_quota_exceeded", ledger, 0, "", "", "",
                      std::string("kind=") + DisclosureKindName(kind) + " limit=" + std::to_string(LimitOf(kind)) +
                          " day=" + DisclosureDay(clock_.Seconds()));
}

Status DisclosureQuota::RecordReveal(const Actor& actor, const std::string& ledger, int64_t record_id,
                                     const std::string& helped_region, const std::string& detail) {
  bool allowed = false;
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(allowed, Spend(actor, DisclosureKind::kReveal, 1));
    if (!allowed) return Status::Ok();
    return audit_.Write(actor, "reveal", ledger, record_id, helped_region, "", "", detail);
  }));
  if (allowed) return Status::Ok();
  SH_RETURN_IF_ERROR(Alert(actor, DisclosureKind::kReveal, ledger));
  return Refusal(DisclosureKind::kReveal);
}

}  // namespace shanhai
