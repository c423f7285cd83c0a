// /api/v1/admin/dictionaries: the options of enum fields, relabelled and extended by
// administrators (see domain/dictionaries). The ledger forms see changes through /meta/ledgers.
#include "common/money.h"
#include "http/api_app.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

boost::json::object EntryJson(const DictionaryEntry& e) {
  return {{"code", e.code},       {"label_zh", e.label_zh}, {"label_en", e.label_en},
          {"sort_order", e.sort_order}, {"disabled", e.disabled}, {"builtin", e.builtin}};
}

HttpResponse ListDictionaries(RequestContext& ctx) {
  Result<std::vector<DictionaryInfo>> all = ctx.conn.ledgers().dictionaries().List(ctx.actor);
  if (!all.ok()) return HttpResponse::FromStatus(all.status());
  boost::json::array items;
  for (const DictionaryInfo& d : *all) {
    boost::json::array entries;
    for (const DictionaryEntry& e : d.entries) entries.push_back(EntryJson(e));
    items.push_back({{"name", d.name},
                     {"ledger", d.ledger->name},
                     {"ledger_label_zh", d.ledger->label_zh},
                     {"ledger_label_en", d.ledger->label_en},
                     {"field", d.field->key},
                     {"field_label_zh", d.field->label_zh},
                     {"field_label_en", d.field->label_en},
                     {"entries", std::move(entries)}});
  }
  return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

HttpResponse PutEntry(RequestContext& ctx) {
  Result<boost::json::object> body =
      JsonBody(ctx.request, {{"label_zh", JsonKind::kText},
                             {"label_en", JsonKind::kText},
                             {"sort_order", JsonKind::kInteger, -1'000'000, 1'000'000},
                             {"disabled", JsonKind::kBool}});
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  Result<DictionaryEntry> saved = ctx.conn.ledgers().dictionaries().Upsert(
      ctx.actor, std::string(ctx.request.PathParam("dictionary").value_or("")),
      std::string(ctx.request.PathParam("code").value_or("")), JsonString(*body, "label_zh"),
      JsonString(*body, "label_en"), JsonInt(*body, "sort_order", 0), JsonString(*body, "disabled") == "1");
  if (!saved.ok()) return HttpResponse::FromStatus(saved.status());
  return JsonResponse(EntryJson(*saved));
}

}  // namespace

void AddDictionaryRoutes(std::vector<ApiRoute>& routes) {
  routes.push_back({"GET", "/api/v1/admin/dictionaries", kDictionaryPermission, ListDictionaries,
                    "数据字典（枚举字段的可选值）/ dictionaries (options of enum fields)"});
  routes.push_back({"PUT", "/api/v1/admin/dictionaries/{dictionary}/{code}", kDictionaryPermission, PutEntry,
                    "新增或修改字典项 / add or change a dictionary entry"});
}

}  // namespace shanhai
