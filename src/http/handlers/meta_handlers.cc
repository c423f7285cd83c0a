// /api/v1/meta: what the console needs to draw its menu, forms and pickers — ledger declarations
// (fields, labels, types, options as the dictionaries make them, required, workflows, lines),
// the menu of ledgers by business area, and the region tree.
#include "domain/ledger/ledger_menu.h"
#include "domain/ledger/record_names.h"
#include "domain/ledger/transition_service.h"
#include "http/handlers/handlers.h"
#include "http/handlers/ledger_request.h"
#include "http/json_io.h"
#include "regions/region_catalog.h"
#include "regions/region_display.h"
#include "regions/region_names.h"
#include "regions/region_suggestions.h"

namespace shanhai {

namespace {

const char* TypeName(FieldType t) {
  switch (t) {
    case FieldType::kText: return "text";
    case FieldType::kInteger: return "integer";
    case FieldType::kMoney: return "money_fen";
    case FieldType::kDate: return "date";
    case FieldType::kEnum: return "enum";
    case FieldType::kBool: return "bool";
    case FieldType::kRegion: return "region";
    case FieldType::kRef: return "ref";
    case FieldType::kIdNumber: return "id_number";
    case FieldType::kMobile: return "mobile";
    case FieldType::kSensitiveEnum: return "sensitive_enum";
    case FieldType::kCreditCode: return "credit_code";
  }
  return "text";
}

// The state machine as the console draws it: states, and for each transition its labels,
// from/to states, fields and permission, so no list of buttons is kept in the console.
boost::json::object WorkflowJson(const LedgerDef& def) {
  const Workflow& w = *def.workflow;
  boost::json::array states, transitions;
  for (const WorkflowState& s : w.states)
    states.push_back({{"code", s.code}, {"label_zh", s.label_zh}, {"label_en", s.label_en}, {"final", s.final},
                      {"required", JsonTextArray(s.required)}});
  for (const TransitionDef& t : w.transitions)
    transitions.push_back({{"name", t.name}, {"label_zh", t.label_zh}, {"label_en", t.label_en},
                           {"done_zh", t.done_zh}, {"done_en", t.done_en}, {"from", JsonTextArray(t.from)},
                           {"to", t.to}, {"required", JsonTextArray(t.required)},
                           {"optional", JsonTextArray(t.optional)}, {"clears", JsonTextArray(t.clears)},
                           {"permission", TransitionPermission(def, t)},
                           {"path", LedgerBasePath(def) + "/{id}/transitions/" + t.name}});
  return {{"state_field", w.state_field}, {"states", std::move(states)}, {"transitions", std::move(transitions)}};
}

// dictionaries: the enum options in force (administrators' dictionary changes merged in).
boost::json::object LedgerJson(const LedgerDef& def, const DictionarySnapshot& dictionaries) {
  boost::json::array fields;
  for (const FieldDef& f : def.fields) {
    if (f.internal) continue;  // codes for finding a record, not for a clerk to read
    boost::json::array options;
    for (const EnumOption& o : dictionaries.OptionsFor(def, f))
      options.push_back({{"code", o.code}, {"label_zh", o.label_zh}, {"label_en", o.label_en}, {"disabled", o.disabled}});
    fields.push_back({{"key", f.key}, {"label_zh", f.label_zh}, {"label_en", f.label_en}, {"type", TypeName(f.type)},
                      {"required", f.required}, {"computed", f.computed}, {"sensitive", f.IsSensitive()},
                      {"needs_reveal", f.NeedsReveal()},
                      // A region that may lie anywhere (a pair's side, where an enterprise comes from):
                      // the console offers the whole tree for it, not the user's scope or the pair's sides.
                      {"anywhere", f.anywhere},
                      // The unit the console's form types a money field in (FieldDef::typed_in_yuan).
                      {"money_unit", f.type == FieldType::kMoney ? (f.typed_in_yuan ? "yuan" : "wan") : ""},
                      {"searchable", f.searchable}, {"ref_ledger", f.ref_ledger}, {"hint_zh", f.hint_zh},
                      {"max_chars", f.MaxChars()}, {"options", std::move(options)}});
  }
  // Records with lines: the lists a record carries under their keys, and the parent of a line ledger.
  boost::json::array lines;
  for (const LineSet& set : def.lines)
    lines.push_back({{"key", set.key}, {"ledger", set.ledger->name}, {"min", set.min}, {"max", set.max}});
  return {{"name", def.name},           {"module", def.module},       {"label_zh", def.label_zh},
          {"label_en", def.label_en},   {"path", LedgerBasePath(def)}, {"date_field", def.date_field},
          {"natural_key", def.natural_key}, {"pair_scoped", def.pair_scoped}, {"fields", std::move(fields)},
          {"lines", std::move(lines)},  {"line_of", def.line_of},
          {"workflow", def.workflow ? boost::json::value(WorkflowJson(def)) : boost::json::value(nullptr)}};
}

// The console's side menu of ledgers (domain/ledger/ledger_menu.h), ledgers by name.
boost::json::array MenuJson() {
  boost::json::array groups;
  for (const LedgerMenuGroup& g : LedgerMenu()) {
    boost::json::array ledgers;
    for (const LedgerDef* def : g.ledgers) ledgers.push_back(boost::json::string(def->name));
    groups.push_back({{"key", g.key}, {"label_zh", g.label_zh}, {"label_en", g.label_en}, {"icon", g.icon},
                      {"flat", g.flat}, {"ledgers", std::move(ledgers)}});
  }
  return groups;
}

}  // namespace

namespace handlers {

Result<Reply> MetaLedgers(RequestContext& ctx) {
  LedgerService& service = ctx.conn.ledgers();
  SH_RETURN_IF_ERROR(service.RefreshDictionaries());
  boost::json::array items;
  for (const LedgerDef* def : AllLedgers()) items.push_back(LedgerJson(*def, service.dictionary_snapshot()));
  return Reply::Json(boost::json::object{{"items", std::move(items)}, {"menu", MenuJson()}});
}

// "common": the name without its committee suffix as tables and the import name the region
// (RegionCommonName: 甲坝村 for 甲坝村村民委员会), only where it differs from the official one.
void AddCommonName(const Region& r, boost::json::object& item) {
  if (std::string common = RegionCommonName(r.name); common != r.name) item["common"] = std::move(common);
}

// The children of code, and theirs down to depth levels (depth 1: the children alone, without a
// "children" member); an autonomous unit also under its everyday name ("everyday": 黔南州), which
// people type and search by.
boost::json::array RegionTree(const RegionCatalog& regions, std::string_view code, int64_t depth) {
  boost::json::array items;
  for (const Region* r : regions.Children(code)) {
    boost::json::object item{{"code", std::string(r->code)}, {"name", std::string(r->name)},
                             {"level", RegionLevelName(r->level)}};
    AddCommonName(*r, item);
    if (std::string everyday = RegionAutonomousAbbreviation(r->name); !everyday.empty()) item["everyday"] = everyday;
    if (depth > 1) item["children"] = RegionTree(regions, r->code, depth - 1);
    items.push_back(std::move(item));
  }
  return items;
}

Result<Reply> RegionChildren(RequestContext& ctx) {
  const std::string code(ctx.request.PathParam("code").value_or(""));
  const RegionCatalog& regions = RegionCatalog::Embedded();
  if (code != "0" && !regions.Find(code)) return Status::NotFound("行政区划代码不存在：" + code, "no region " + code);
  // ?depth=3 from the top gives every province, city and county at once: the console's region
  // picker searches those by name and pinyin and loads towns and villages as they are opened.
  SH_ASSIGN_OR_RETURN(int64_t depth, QueryInt(ctx.request, "depth", 1));
  if (depth < 1 || depth > 3)
    return Status::InvalidArgument("参数 depth 应在 1 到 3 之间", "parameter depth must be between 1 and 3");
  return Reply::Json(boost::json::object{{"items", RegionTree(regions, code == "0" ? "" : code, depth)},
                                         {"source", regions.SourceNote()}});
}

// The regions from the province down to r, placeholder levels (市辖区) left out, each by its
// common name (甲坝村), as the picker shows a result's place.
boost::json::array RegionPath(const RegionCatalog& regions, const Region& r) {
  boost::json::array path;
  for (const Region* a = &r; a; a = regions.Find(a->parent_code))
    if (!IsPlaceholderRegionName(a->name))
      path.insert(path.begin(), boost::json::value(boost::json::object{{"code", std::string(a->code)},
                                                                        {"name", RegionCommonName(a->name)}}));
  return path;
}

// ?q= typed into a region picker; ?root= the regions it offers (repeated, or joined by commas;
// none: the whole catalogue); ?limit= 1–50 (default 20). Regions are public reference data: a
// session is enough, as for their children.
Result<Reply> RegionSearch(RequestContext& ctx) {
  constexpr int64_t kMaxTypedBytes = 200;
  const std::string typed(ctx.request.Query("q").value_or(""));
  if (typed.find_first_not_of(" \t") == std::string::npos)
    return Status::InvalidArgument("参数 q（要查找的名称、代码或拼音首字母）不能为空",
                                   "parameter q (a name, code or pinyin initials to look for) is required");
  if (static_cast<int64_t>(typed.size()) > kMaxTypedBytes)
    return Status::InvalidArgument("参数 q 过长（最多 200 字节）", "parameter q is too long (at most 200 bytes)");
  SH_ASSIGN_OR_RETURN(int64_t limit, QueryInt(ctx.request, "limit", 20));
  if (limit < 1 || limit > 50)
    return Status::InvalidArgument("参数 limit 应在 1 到 50 之间", "parameter limit must be between 1 and 50");
  const RegionCatalog& regions = RegionCatalog::Embedded();
  std::vector<std::string> roots;
  for (const auto& [name, value] : ctx.request.query) {
    if (name != "root") continue;
    for (size_t start = 0; start <= value.size();) {
      const size_t comma = std::min(value.find(',', start), value.size());
      const std::string code = value.substr(start, comma - start);
      start = comma + 1;
      if (code.empty()) continue;
      if (!regions.Find(code))
        return Status::InvalidArgument("参数 root 不是行政区划代码：" + code, "parameter root is no region code: " + code);
      roots.push_back(code);
    }
  }
  const RegionSuggestions found = RegionSuggester::Embedded().Suggest(roots, typed, static_cast<size_t>(limit));
  boost::json::array items;
  for (const Region* r : found.regions) {
    boost::json::object item{{"code", std::string(r->code)}, {"name", std::string(r->name)},
                             {"level", RegionLevelName(r->level)}, {"label", RegionDisplayName(regions, r->code)},
                             {"path", RegionPath(regions, *r)}};
    AddCommonName(*r, item);
    if (std::string everyday = RegionAutonomousAbbreviation(r->name); !everyday.empty()) item["everyday"] = everyday;
    items.push_back(std::move(item));
  }
  return Reply::Json(boost::json::object{{"items", std::move(items)},
                                         {"total", found.total},
                                         {"truncated", found.total > found.regions.size()}});
}

Result<Reply> PairsInScope(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(RecordPage page, ctx.conn.ledgers().PairsInScope(ctx.actor));
  const LedgerDef& def = *FindLedger("pairs");
  return Reply::JsonText(PageJsonText(def, page, 1, static_cast<int64_t>(page.records.size()),
                                      [&](const Record& record) { return RegionLabelMembers(def, record); }));
}

}  // namespace handlers

}  // namespace shanhai
