#include <boost/json.hpp>

#include "domain/ledger/record_json.h"
#include "indicators/report.h"

namespace shanhai {

std::string RenderReportJson(const Report& report) {
  boost::json::object indicators, details;
  for (const IndicatorValue& v : report.values) {
    indicators[v.def->key] = ValueToJson(v.actual);
    if (v.poverty) indicators[v.def->key + ".poverty"] = *v.poverty;
    boost::json::object d;
    d["label_zh"] = v.def->label_zh;
    d["label_en"] = v.def->label_en;
    d["unit"] = v.def->money ? "fen" : v.def->unit_zh;
    d["group"] = GroupKey(v.def->group);
    d["definition_zh"] = v.def->definition_zh;
    d["target"] = v.target ? boost::json::value(*v.target) : nullptr;
    d["target_partial"] = v.target_partial;
    d["completion_percent"] = v.completion ? boost::json::value(*v.completion) : nullptr;
    d["text"] = FigureText(v);
    d["target_text"] = v.target ? boost::json::value(TargetText(*v.def, *v.target)) : nullptr;
    d["completion_text"] = v.completion ? boost::json::value(CompletionText(v)) : nullptr;
    if (v.poverty) d["poverty"] = *v.poverty;
    AddScopeExclusionJson(v.not_in_scope, d);
    details[v.def->key] = std::move(d);
  }
  boost::json::object out;
  out["pair"] = report.pair;
  out["from"] = report.from.empty() ? boost::json::value(nullptr) : boost::json::value(report.from);
  out["to"] = report.to.empty() ? boost::json::value(nullptr) : boost::json::value(report.to);
  AddFigureScopeJson(report.scope, out);
  out["indicators"] = std::move(indicators);
  out["details"] = std::move(details);
  out["target_missing_years"] = boost::json::value_from(report.target_missing_years);
  return boost::json::serialize(out);
}

}  // namespace shanhai
