#include "domain/accounts/reveal_grants.h"

#include <algorithm>

#include <boost/json.hpp>

#include "domain/accounts/permission_catalog.h"
#include "domain/accounts/reveal_scope_rule.h"
#include "domain/accounts/role_service.h"
#include "domain/accounts/session_cache.h"
#include "security/permissions.h"

namespace shanhai {

namespace {

constexpr const char* kSelectAccount = "SELECT name, region, owner_ledger, must_change_password FROM users WHERE id = ?";
constexpr const char* kSelectUserId = "SELECT id FROM users WHERE name = ?";
constexpr const char* kSelectOpen =
    "SELECT id, region FROM reveal_grants WHERE user_id = ? AND state IN ('pending', 'approved') ORDER BY id";
constexpr const char* kCountApproved =
    "SELECT COUNT(*) FROM reveal_grants WHERE user_id = ? AND region = ? AND state = 'approved'";
constexpr const char* kInsertGrant =
    "INSERT INTO reveal_grants (user_id, region, reason, state, requested_by, requested_at) "
    "VALUES (?, ?, ?, 'pending', ?, ?) RETURNING id";
constexpr const char* kSetState = "UPDATE reveal_grants SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?";
constexpr const char* kSelectGrants =
    "SELECT g.id, g.user_id, u.name, g.region, g.reason, g.state, g.requested_by, g.requested_at, g.decided_by, "
    "g.decided_at FROM reveal_grants g JOIN users u ON u.id = g.user_id";
constexpr int kDecidedShown = 100;
// Accounts scoped to a county or wider with no request for their region at all: from before the
// rule (migration 0019), which List files a request for, so that none is withheld unseen.
constexpr const char* kSelectUnrequested =
    "SELECT u.id FROM users u WHERE u.owner_ledger = '' AND u.region <> '' AND LENGTH(u.region) <= 6 AND u.disabled = 0 "
    "AND NOT EXISTS (SELECT 1 FROM reveal_grants g WHERE g.user_id = u.id AND g.region = u.region) ORDER BY u.id";

// A row of kSelectGrants.
RevealGrant GrantFromRow(const std::vector<Value>& r) {
  return {AsInt(r[0]),  AsInt(r[1]),  AsText(r[2]), AsText(r[3]), AsText(r[4]),
          AsText(r[5]), AsText(r[6]), AsText(r[7]), AsText(r[8]), AsText(r[9])};
}

struct Account {
  std::string name, region, owner_ledger;
  bool must_change_password = false;
  std::vector<std::string> grants;
};

Result<Account> LoadAccount(Database& db, int64_t user_id) {
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query(kSelectAccount, {user_id}));
  if (rows.rows.empty()) return Status::NotFound("用户不存在", "no such user");
  const auto& r = rows.rows[0];
  SH_ASSIGN_OR_RETURN(UserGrants grants, UserGrantsOf(db, user_id));
  return Account{AsText(r[0]), AsText(r[1]), AsText(r[2]), AsInt(r[3]) != 0, std::move(grants.grants)};
}

std::string StateZh(const std::string& state) {
  if (state == "approved") return "已批准";
  if (state == "refused") return "已拒绝";
  if (state == "withdrawn") return "已撤销";
  return "待审批";
}

}  // namespace

Status RevealGrants::Audit(const Actor& actor, const std::string& action, const RevealGrant& grant,
                           const std::string& why) {
  boost::json::object detail{{"request", grant.id}, {"user", grant.user_name}, {"region", grant.region},
                             {"reason", grant.reason}};
  if (!why.empty()) detail["why"] = why;
  return audit_.Write(actor, action, "users", grant.user_id, "", "", "", boost::json::serialize(detail));
}

Status RevealGrants::File(const Actor& actor, int64_t user_id, const std::string& name, const std::string& region,
                          const std::string& reason) {
  const std::string now = clock_.Iso();
  SH_ASSIGN_OR_RETURN(Rows id, db_.Query(kInsertGrant, {user_id, region, reason, actor.name, now}));
  const RevealGrant grant{AsInt(id.rows.at(0).at(0)), user_id, name, region, reason, "pending", actor.name, now, "", ""};
  return Audit(actor, "reveal_grant_request", grant);
}

Status RevealGrants::Withdraw(const Actor& actor, int64_t user_id, const std::string& keep_region,
                              const std::string& why) {
  SH_ASSIGN_OR_RETURN(Rows open, db_.Query(kSelectOpen, {user_id}));
  for (const auto& r : open.rows) {
    if (AsText(r[1]) == keep_region) continue;
    SH_ASSIGN_OR_RETURN(RevealGrant grant, Find(AsInt(r[0])));
    SH_RETURN_IF_ERROR(db_.Execute(kSetState, {"withdrawn", actor.name, clock_.Iso(), grant.id}).status());
    SH_RETURN_IF_ERROR(Audit(actor, "reveal_grant_withdraw", grant, why));
  }
  return Status::Ok();
}

Status RevealGrants::Reconcile(const Actor& actor, int64_t user_id) {
  SH_ASSIGN_OR_RETURN(Account account, LoadAccount(db_, user_id));
  if (!RevealNeedsSecondApproval(account.grants, account.region, account.owner_ledger))
    return Withdraw(actor, user_id, "", "the account no longer reveals across a county or wider");
  SH_RETURN_IF_ERROR(Withdraw(actor, user_id, account.region, "the account's scope changed"));
  SH_ASSIGN_OR_RETURN(Rows open, db_.Query(kSelectOpen, {user_id}));
  if (!open.rows.empty()) return Status::Ok();  // pending or approved for this region already
  return File(actor, user_id, account.name, account.region, "grant");
}

Status RevealGrants::RenewAfterReset(const Actor& actor, int64_t user_id) {
  SH_ASSIGN_OR_RETURN(Account account, LoadAccount(db_, user_id));
  if (!RevealNeedsSecondApproval(account.grants, account.region, account.owner_ledger)) return Status::Ok();
  SH_RETURN_IF_ERROR(Withdraw(actor, user_id, "", "password reset"));
  return File(actor, user_id, account.name, account.region, "password_reset");
}

Result<bool> RevealGrants::Withheld(int64_t user_id, const std::vector<std::string>& grants, const std::string& region,
                                    const std::string& owner_ledger) {
  if (!RevealNeedsSecondApproval(grants, region, owner_ledger)) return false;
  SH_ASSIGN_OR_RETURN(Rows approved, db_.Query(kCountApproved, {user_id, region}));
  return AsInt(approved.rows.at(0).at(0)) == 0;
}

Result<RevealGrant> RevealGrants::Find(int64_t id) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectGrants) + " WHERE g.id = ?", {id}));
  if (rows.rows.empty())
    return Status::NotFound("没有编号为 " + std::to_string(id) + " 的查看全文申请", "no reveal request " + std::to_string(id));
  return GrantFromRow(rows.rows[0]);
}

Result<std::vector<RevealGrant>> RevealGrants::List(const Actor& actor) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Rows unrequested, db_.Query(kSelectUnrequested));
    for (const auto& r : unrequested.rows) SH_RETURN_IF_ERROR(Reconcile(Actor::System(), AsInt(r[0])));
    return Status::Ok();
  }));
  SH_ASSIGN_OR_RETURN(Rows pending, db_.Query(std::string(kSelectGrants) + " WHERE g.state = 'pending' ORDER BY g.id"));
  SH_ASSIGN_OR_RETURN(Rows decided, db_.Query(std::string(kSelectGrants) + " WHERE g.state <> 'pending' ORDER BY g.id DESC LIMIT " +
                                              std::to_string(kDecidedShown)));
  std::vector<RevealGrant> out;
  for (const auto& r : pending.rows) out.push_back(GrantFromRow(r));
  for (const auto& r : decided.rows) out.push_back(GrantFromRow(r));
  return out;
}

Status RevealGrants::CheckMayDecide(const Actor& actor, const RevealGrant& grant,
                                    const std::vector<std::string>& target_grants) {
  if (actor.name == grant.user_name)
    return Status::PermissionDenied("不能审批自己账号的查看全文申请，请由另一位管理员处理",
                                    "you cannot decide the reveal request of your own account; ask another administrator");
  if (actor.name == grant.requested_by)
    return Status::PermissionDenied("账号 " + grant.user_name + " 的这项查看全文申请由您（" + actor.name +
                                        "）提出，须由另一位管理员批准（双人规则）",
                                    "you (" + actor.name + ") filed this reveal request for the account " +
                                        grant.user_name + ": another administrator must approve it (two-person rule)");
  const std::vector<std::string> beyond = DutiesBeyond(target_grants, actor.grants);
  if (!beyond.empty())
    return Status::PermissionDenied("该账号拥有您没有的管理职责（" + beyond.front() + "），您不能批准其申请",
                                    "that account holds an administrator duty you do not (" + beyond.front() +
                                        "): you cannot approve its request");
  // An approver whose password the requester could have set — by adding or resetting that
  // account, or one that added or reset it, and so on up — may be the requester in another
  // session: the second person must be an account that does not descend from the requester.
  // Every account descends from the operator at the server (init, the CLI): a request filed
  // there ("system") is approved by any other administrator.
  if (grant.requested_by == kSystemActorName) return Status::Ok();
  SH_ASSIGN_OR_RETURN(std::vector<std::string> makers, MakersOf(actor.name));
  if (std::find(makers.begin(), makers.end(), grant.requested_by) != makers.end())
    return Status::PermissionDenied("您的账号（或创建它的账号）由申请人 " + grant.requested_by +
                                        " 创建或重置过密码，不能批准其申请，请由另一位管理员批准（如在服务器上用命令行创建的管理员）",
                                    "your account, or one that made it, was added or had its password reset by the "
                                    "requester " + grant.requested_by + ": another administrator must approve (such as "
                                    "one added at the server with the command line)");
  return Status::Ok();
}

Result<std::vector<std::string>> RevealGrants::MakersOf(const std::string& name) {
  std::vector<std::string> makers, frontier = {name};
  while (!frontier.empty()) {
    const std::string account = frontier.back();
    frontier.pop_back();
    SH_ASSIGN_OR_RETURN(Rows id, db_.Query(kSelectUserId, {account}));
    if (id.rows.empty()) continue;  // the CLI's system actor: the operator of the server
    for (const char* action : {"user_add", "password_reset"}) {
      AuditFilter filter;
      filter.action = action;
      filter.ledger = "users";
      filter.record_id = AsInt(id.rows[0][0]);
      filter.page_size = 1000;
      SH_ASSIGN_OR_RETURN(auto found, audit_.Find(filter));
      for (const AuditEntry& e : found.second)
        if (e.actor != name && std::find(makers.begin(), makers.end(), e.actor) == makers.end()) {
          makers.push_back(e.actor);
          frontier.push_back(e.actor);
        }
    }
  }
  return makers;
}

Result<RevealGrant> RevealGrants::Decide(const Actor& actor, int64_t id, bool approve) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  Result<RevealGrant> out = Status::Internal("not decided");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(RevealGrant grant, Find(id));
    if (grant.state != "pending")
      return Status::Conflict("该申请已处理（" + StateZh(grant.state) + "）", "that request is no longer pending (" + grant.state + ")");
    SH_ASSIGN_OR_RETURN(Account account, LoadAccount(db_, grant.user_id));
    if (actor.name == account.name || approve) SH_RETURN_IF_ERROR(CheckMayDecide(actor, grant, account.grants));
    if (account.region != grant.region || !RevealNeedsSecondApproval(account.grants, account.region, account.owner_ledger))
      return Status::Conflict("账号 " + account.name + " 的数据范围或角色已改变，此申请不再适用",
                              "the scope or roles of " + account.name + " changed since: the request no longer applies");
    if (approve && grant.reason == "password_reset" && account.must_change_password)
      return Status::Conflict("账号 " + account.name + " 的本人尚未设置新密码：请其登录并修改重置后的密码，与其核实后再批准",
                              "the owner of " + account.name + " has not yet replaced the reset password: ask them to "
                                  "sign in and set their own, confirm it with them, then approve");
    grant.state = approve ? "approved" : "refused";
    grant.decided_by = actor.name;
    grant.decided_at = clock_.Iso();
    SH_RETURN_IF_ERROR(db_.Execute(kSetState, {grant.state, grant.decided_by, grant.decided_at, id}).status());
    SH_RETURN_IF_ERROR(Audit(actor, approve ? "reveal_grant_approve" : "reveal_grant_refuse", grant));
    out = std::move(grant);
    return Status::Ok();
  }));
  SessionCache::Invalidate();  // the account's sessions reveal (or not) at once
  return out;
}

}  // namespace shanhai
