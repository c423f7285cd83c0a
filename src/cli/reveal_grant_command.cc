// shanhai user reveal-requests: the requests of the two-person rule for reveal across a county or
// wider (domain/accounts/reveal_grants.h), pending first. shanhai user reveal-approve ID and
// reveal-refuse ID decide one as the operator at the terminal ("system"), audited; a request the
// CLI filed itself (an account added here) must be approved by an administrator in the console.
#include <iostream>

#include "cli/connect.h"
#include "regions/region_display.h"

namespace shanhai::cli {

namespace {

struct RevealArgs {
  DbOptions db;
  int64_t id = 0;
};

std::string Line(const RevealGrant& g) {
  return "#" + std::to_string(g.id) + "  " + g.state + "  " + g.user_name + "  " +
         RegionDisplayName(RegionCatalog::Embedded(), g.region) + "（" + g.region + "）  " + g.reason + "  " +
         g.requested_by + " " + g.requested_at + (g.decided_by.empty() ? "" : "  → " + g.decided_by + " " + g.decided_at);
}

Status List(const RevealArgs& a) {
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  SH_ASSIGN_OR_RETURN(std::vector<RevealGrant> grants, c.conn->accounts().reveal_grants().List(Actor::System()));
  if (grants.empty()) std::cout << "没有查看全文申请 / no reveal requests\n";
  for (const RevealGrant& g : grants) std::cout << Line(g) << "\n";
  return Status::Ok();
}

Status Decide(const RevealArgs& a, bool approve) {
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  SH_ASSIGN_OR_RETURN(RevealGrant g, c.conn->accounts().reveal_grants().Decide(Actor::System(), a.id, approve));
  std::cout << (approve ? "已批准 approved " : "已拒绝 refused ") << Line(g) << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterRevealGrants(CLI::App& user) {
  auto a = std::make_shared<RevealArgs>();
  CLI::App* list = user.add_subcommand(
      "reveal-requests", "查看全文审批：县级及以上范围的查看全文须另一位管理员批准 / reveal requests awaiting a second administrator");
  AddDbOptions(*list, a->db);
  list->callback([a] { ExitCode() = PrintError(List(*a)); });
  for (const bool approve : {true, false}) {
    CLI::App* decide = user.add_subcommand(approve ? "reveal-approve" : "reveal-refuse",
                                           approve ? "批准查看全文申请 / approve a reveal request"
                                                   : "拒绝查看全文申请 / refuse a reveal request");
    AddDbOptions(*decide, a->db);
    decide->add_option("id", a->id, "申请编号（见 reveal-requests）/ request number")->required();
    decide->callback([a, approve] { ExitCode() = PrintError(Decide(*a, approve)); });
  }
}

}  // namespace shanhai::cli
