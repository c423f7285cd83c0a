// shanhai transition LEDGER ID NAME --set key=value … --version N: takes a workflow transition
// (e.g. claim a need) as the system actor, through the same TransitionService as the API; and
// shanhai history LEDGER ID: a record's history, transitions named as such.
#include <iostream>

#include "cli/connect.h"
#include "domain/ledger/transition_service.h"
#include "domain/ledger/workflow.h"

namespace shanhai::cli {

namespace {

Result<const LedgerDef*> WorkflowLedger(const std::string& name) {
  std::string names;
  for (const LedgerDef* l : AllLedgers())
    if (l->workflow) names += (names.empty() ? "" : ", ") + l->name;
  const LedgerDef* def = FindLedger(name);
  if (!def || !def->workflow)
    return Status::InvalidArgument("台账 " + name + " 没有流程（有流程的台账：" + names + "）",
                                   "ledger " + name + " has no workflow (ledgers with one: " + names + ")");
  return def;
}

// "key=value" pairs as a record's raw input; the value may be empty (to leave it out).
Result<RawRecord> ParseSets(const std::vector<std::string>& sets) {
  RawRecord raw;
  for (const std::string& s : sets) {
    const size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0)
      return Status::InvalidArgument("--set 应写成 字段=值，而不是 “" + s + "”", "--set takes field=value, not \"" + s + "\"");
    raw.fields.emplace_back(s.substr(0, eq), s.substr(eq + 1));
  }
  return raw;
}

struct TransitionArgs {
  DbOptions db;
  std::string ledger, name;
  int64_t id = 0, version = 0;
  std::vector<std::string> sets;
};

Status RunTransition(const TransitionArgs& a) {
  SH_ASSIGN_OR_RETURN(const LedgerDef* def, WorkflowLedger(a.ledger));
  SH_ASSIGN_OR_RETURN(RawRecord raw, ParseSets(a.sets));
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  const Actor actor = Actor::System();
  TransitionService transitions(c.conn->ledgers());
  SH_ASSIGN_OR_RETURN(Record taken, transitions.Take(actor, *def, a.id, a.name, raw, a.version));
  const TransitionDef& t = *def->workflow->Find(a.name);
  const WorkflowState* state = def->workflow->State(StateOf(*def, taken));
  std::cout << "已" << t.done_zh << " " << t.done_en << ": " << def->label_zh << " " << def->name << " " << a.id
            << "，状态 state " << state->label_zh << " " << state->code << "，版本 version "
            << AsInt(*taken.Get("version")) << "\n";
  std::string next_zh, next_en;
  for (const TransitionDef* n : AllowedTransitions(actor, *def, taken)) {
    next_zh += (next_zh.empty() ? "" : "、") + n->label_zh;
    next_en += (next_en.empty() ? "" : ", ") + n->name;
  }
  if (next_zh.empty()) std::cout << "此后无流程操作 no further transitions\n";
  else std::cout << "可继续 next: " << next_zh << " / " << next_en << "\n";
  return Status::Ok();
}

// The label of an audit action on def: a transition's, or the standard writes'.
std::string ActionLabel(const LedgerDef& def, const std::string& action) {
  if (def.workflow)
    if (const TransitionDef* t = def.workflow->Find(action)) return t->done_zh;
  if (action == "create") return "新增";
  if (action == "update") return "修改";
  if (action == "delete") return "删除";
  if (action == "import") return "导入";
  if (action == "reveal") return "查看敏感信息";
  return action;
}

Status RunHistory(const DbOptions& db, const std::string& ledger, int64_t id) {
  const LedgerDef* def = FindLedger(ledger);
  if (!def) return Status::InvalidArgument("没有名为 " + ledger + " 的台账", "no ledger named " + ledger);
  SH_ASSIGN_OR_RETURN(Connected c, Connect(db, false));
  SH_ASSIGN_OR_RETURN(std::vector<HistoryStep> entries, c.conn->ledgers().History(Actor::System(), *def, id));
  if (entries.empty())
    return Status::NotFound(def->label_zh + "中编号 " + std::to_string(id) + " 的记录没有历史",
                            "no history for " + def->name + " record " + std::to_string(id));
  // Oldest first, as one reads a record's course; who by masked display name (王*), else login.
  for (auto e = entries.rbegin(); e != entries.rend(); ++e)
    std::cout << e->at << "  " << ActionLabel(*def, e->action) << " " << e->action << "  " << e->by
              << (e->detail.empty() ? "" : "  " + e->detail) << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterTransition(CLI::App& app) {
  auto a = std::make_shared<TransitionArgs>();
  CLI::App* cmd = app.add_subcommand(
      "transition", "流程操作，如认领、交付需求（记入审计）/ take a workflow transition, e.g. claim a need (audited)");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("ledger", a->ledger, "有流程的台账 ledger with a workflow: needs, investments")->required();
  cmd->add_option("id", a->id, "记录编号 record id")->required();
  cmd->add_option("name", a->name, "流程操作 transition, e.g. claim, deliver, release, cancel")->required();
  cmd->add_option("--set", a->sets, "该操作的字段 字段=值，可多次；引用可写编号或名称，金额为分 / field=value (a ref by id or name; money in fen)");
  cmd->add_option("--version", a->version, "记录当前版本号 the record's current version")->required();
  cmd->callback([a] { ExitCode() = PrintError(RunTransition(*a)); });
}

void RegisterHistory(CLI::App& app) {
  struct Args {
    DbOptions db;
    std::string ledger;
    int64_t id = 0;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("history", "一条记录的历史（由早到晚）/ a record's history, oldest first");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("ledger", a->ledger, "台账 ledger")->required();
  cmd->add_option("id", a->id, "记录编号 record id")->required();
  cmd->callback([a] { ExitCode() = PrintError(RunHistory(a->db, a->ledger, a->id)); });
}

}  // namespace shanhai::cli
