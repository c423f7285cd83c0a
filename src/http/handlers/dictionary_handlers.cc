// /api/v1/admin/dictionaries: the options of enum fields, relabelled and extended by
// administrators (see domain/dictionaries). The ledger forms see changes through /meta/ledgers.
#include "http/handlers/handlers.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

boost::json::object EntryJson(const DictionaryEntry& e) {
  return {{"code", e.code},       {"label_zh", e.label_zh}, {"label_en", e.label_en},
          {"sort_order", e.sort_order}, {"disabled", e.disabled}, {"builtin", e.builtin}};
}

}  // namespace

namespace handlers {

Result<Reply> ListDictionaries(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(std::vector<DictionaryInfo> all, ctx.conn.ledgers().dictionaries().List(ctx.actor));
  boost::json::array items;
  for (const DictionaryInfo& d : all) {
    boost::json::array entries;
    for (const DictionaryEntry& e : d.entries) entries.push_back(EntryJson(e));
    // A shared option set lists every ledger whose field uses it.
    boost::json::array used_by;
    for (const DictionaryUser& u : d.used_by)
      used_by.push_back({{"ledger", u.ledger->name}, {"ledger_label_zh", u.ledger->label_zh},
                         {"ledger_label_en", u.ledger->label_en}, {"field", u.field->key}});
    items.push_back({{"name", d.name},
                     {"shared", !d.field->option_set.empty()},
                     {"used_by", std::move(used_by)},
                     {"ledger", d.ledger->name},
                     {"ledger_label_zh", d.ledger->label_zh},
                     {"ledger_label_en", d.ledger->label_en},
                     {"field", d.field->key},
                     {"field_label_zh", d.field->label_zh},
                     {"field_label_en", d.field->label_en},
                     {"entries", std::move(entries)}});
  }
  return Reply::Json(boost::json::object{{"items", std::move(items)}});
}

Result<Reply> PutDictionaryEntry(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(boost::json::object body,
                      JsonBody(ctx.request, {{"label_zh", JsonKind::kText},
                                             {"label_en", JsonKind::kText},
                                             {"sort_order", JsonKind::kInteger, -1'000'000, 1'000'000},
                                             {"disabled", JsonKind::kBool}}));
  SH_ASSIGN_OR_RETURN(DictionaryEntry saved,
                      ctx.conn.ledgers().dictionaries().Upsert(
                          ctx.actor, std::string(ctx.request.PathParam("dictionary").value_or("")),
                          std::string(ctx.request.PathParam("code").value_or("")), JsonString(body, "label_zh"),
                          JsonString(body, "label_en"), JsonInt(body, "sort_order", 0),
                          JsonString(body, "disabled") == "1"));
  return Reply::Json(EntryJson(saved));
}

}  // namespace handlers

}  // namespace shanhai
