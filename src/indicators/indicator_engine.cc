#include "indicators/indicator_engine.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "common/date.h"
#include "domain/ledger/ledger_export.h"
#include "domain/ledger/record_codec.h"
#include "domain/people/people_ledgers.h"
#include "domain/targets/targets_ledgers.h"

namespace shanhai {

namespace {

double Percent(double numerator, double denominator) {
  return std::round(10000.0 * numerator / denominator) / 100.0;
}

double AsNumber(const Value& v) {
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  return static_cast<double>(AsInt(v));
}

// Both conditions ("" is no condition).
std::string AllOf(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a.empty() ? b : a;
  return "(" + a + ") AND (" + b + ")";
}

constexpr std::string_view kPovertySuffix = ".poverty";

// How def's records lie in the period: the repository's own filter on the ledger's date_field
// (from, to), or, with IndicatorDef::period_field / period_end_field, a condition of the figure's
// own with its parameters (a span shares a day with the period: it starts by its end and ends,
// if at all, on or after its start).
struct PeriodFilter {
  std::string from, to, condition;
  std::vector<Value> params;
};

PeriodFilter PeriodOf(const IndicatorDef& def, const Period& period) {
  if (def.period_field.empty() && def.period_end_field.empty()) return {period.from, period.to, "", {}};
  const std::string start = "r." + (def.period_field.empty() ? FindLedger(def.ledger)->date_field : def.period_field);
  PeriodFilter out;
  if (!period.to.empty()) {
    out.condition = start + " <= ?";
    out.params.emplace_back(period.to);
  }
  if (!period.from.empty()) {
    const std::string end = "r." + def.period_end_field;
    out.condition = AllOf(out.condition, def.period_end_field.empty() ? start + " >= ?"
                                                                     : "(" + end + " IS NULL OR " + end + " >= ?)");
    out.params.emplace_back(period.from);
  }
  return out;
}

std::vector<Value> Concat(std::vector<Value> a, const std::vector<Value>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// 其中脱贫人口 (DOMAIN.md): the person's household is 脱贫户 or 监测对象 — the monitoring
// households are counted with the poverty-lifted ones in East–West reporting.
bool PoorHousehold(const std::string& poverty_status) {
  return poverty_status == "lifted" || poverty_status == "monitored";
}

}  // namespace

Result<Scope> IndicatorEngine::ScopeFor(const Actor& actor, const PairScope& pair) {
  SH_RETURN_IF_ERROR(Authorize(actor, kIndicatorsPermission));
  Scope scope = ScopeOf(actor);
  pair.Narrow(scope);
  return scope;
}

std::vector<const LedgerDef*> IndicatorEngine::LedgersRead() {
  std::vector<const LedgerDef*> out{&TargetsLedger()};
  for (const IndicatorDef& def : IndicatorCatalogue()) {
    if (def.IsRate()) continue;
    const LedgerDef* ledger = FindLedger(def.ledger);
    if (std::find(out.begin(), out.end(), ledger) == out.end()) out.push_back(ledger);
  }
  return out;
}

Result<std::map<std::string, IndicatorEngine::YearlyTargets>> IndicatorEngine::TargetsInScope(const Actor& actor,
                                                                                            const Scope& scope) {
  std::map<std::string, YearlyTargets> out;
  // Targets are records too: without the targets ledger's list permission none are shown.
  if (!Authorize(actor, LedgerPermission(TargetsLedger(), "list")).ok()) return out;
  LedgerRepository repo(service_.db(), TargetsLedger());
  ListQuery query;
  query.page_size = 0;
  SH_ASSIGN_OR_RETURN(StoredPage page, repo.List(query, scope));
  const int key = page.rows.Column("indicator_key"), value = page.rows.Column("target_value"),
            year = page.rows.Column("year"), pair = page.rows.Column("pair_id");
  for (const auto& row : page.rows.rows)
    out[AsText(row[key])][AsInt(row[pair])][AsInt(row[year])] += AsInt(row[value]);
  return out;
}

Result<std::set<int64_t>> IndicatorEngine::PairsCounted(const IndicatorDef& def, const Scope& scope,
                                                        const Period& period) {
  std::set<int64_t> out;
  if (def.IsRate()) {
    for (const std::string& part : {def.numerator, def.denominator}) {
      SH_ASSIGN_OR_RETURN(std::set<int64_t> pairs, PairsCounted(*FindIndicator(part), scope, period));
      out.insert(pairs.begin(), pairs.end());
    }
    return out;
  }
  LedgerRepository repo(service_.db(), *FindLedger(def.ledger));
  const PeriodFilter in_period = PeriodOf(def, period);
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> pairs, repo.PairsOf(AllOf(def.condition, in_period.condition), scope,
                                                               in_period.from, in_period.to, in_period.params));
  out.insert(pairs.begin(), pairs.end());
  return out;
}

Result<std::optional<int64_t>> IndicatorEngine::PeriodTarget(const IndicatorValue& v, const YearlyTargets& targets,
                                                             const Scope& scope, const Period& period) {
  // An open period (协作以来 without a start, or up to no end) has no years to add up.
  if (period.from.empty() || period.to.empty()) return std::optional<int64_t>();
  const int64_t first = YearOf(period.from), last = YearOf(period.to);
  // The pairs the comparison covers: each with a target in one of the period's years, and each
  // whose records the figure counts (a withheld figure's records are not the actor's to know).
  std::set<int64_t> pairs;
  for (const auto& [pair, years] : targets)
    if (years.lower_bound(first) != years.upper_bound(last)) pairs.insert(pair);
  if (!v.withheld) {
    SH_ASSIGN_OR_RETURN(std::set<int64_t> counted, PairsCounted(*v.def, scope, period));
    pairs.insert(counted.begin(), counted.end());
  }
  if (pairs.empty()) return std::optional<int64_t>();
  // A pair or a year without a target would compare the whole figure with part of its goal.
  int64_t sum = 0;
  for (int64_t pair : pairs) {
    auto years = targets.find(pair);
    if (years == targets.end()) return std::optional<int64_t>();
    for (int64_t year = first; year <= last; ++year) {
      auto target = years->second.find(year);
      if (target == years->second.end()) return std::optional<int64_t>();
      sum += target->second;
    }
  }
  return std::optional<int64_t>(sum);
}

Result<std::vector<IndicatorValue>> IndicatorEngine::ComputeAll(const Actor& actor, const PairScope& pair,
                                                               const Period& period) {
  SH_ASSIGN_OR_RETURN(Scope scope, ScopeFor(actor, pair));
  if ((!period.from.empty() && !IsIsoDate(period.from)) || (!period.to.empty() && !IsIsoDate(period.to)))
    return Status::InvalidArgument("日期应为 YYYY-MM-DD", "dates are YYYY-MM-DD");
  if (!period.from.empty() && !period.to.empty() && period.to < period.from)
    return Status::InvalidArgument("截止日期早于开始日期", "the period ends before it starts");

  std::vector<IndicatorValue> values;
  std::map<std::string, size_t> by_key;  // key → index in values
  for (const IndicatorDef& def : IndicatorCatalogue()) {
    IndicatorValue v;
    v.def = &def;
    if (def.IsRate()) {
      // Rates are filled in below, once their parts are known, wherever those are listed.
    } else if (!Authorize(actor, LedgerPermission(*FindLedger(def.ledger), "list")).ok()) {
      // The same permission a list of the ledger needs: a figure is a summary of that list.
      v.withheld = true;
    } else if ((v.not_in_scope = ExcludedByScope(*FindLedger(def.ledger), scope)) != ScopeExclusion::kNone) {
      // Left without a value: the scope cannot tell, which 0 would not say.
    } else {
      LedgerRepository repo(service_.db(), *FindLedger(def.ledger));
      if (def.fold) {
        // One read of the records gives the figure and its sub-count.
        const PeriodFilter in_period = PeriodOf(def, period);
        SH_ASSIGN_OR_RETURN(FoldedFigure f, Fold(repo, def, AllOf(def.condition, in_period.condition),
                                                 in_period.params, scope, period));
        v.actual = f.value;
        v.poverty = f.poverty;
      } else {
        SH_ASSIGN_OR_RETURN(v.actual, Figure(repo, IndicatorSelection{&def, def.aggregate, def.condition, {}}, scope,
                                             period));
        if (IsNull(v.actual)) v.actual = int64_t{0};
        if (!def.poverty_aggregate.empty()) {
          SH_ASSIGN_OR_RETURN(IndicatorSelection poor, Select(def.key + std::string(kPovertySuffix)));
          SH_ASSIGN_OR_RETURN(Value n, Figure(repo, poor, scope, period));
          v.poverty = IsNull(n) ? 0 : AsInt(n);
        }
      }
    }
    by_key[def.key] = values.size();
    values.push_back(std::move(v));
  }
  for (IndicatorValue& v : values) {
    if (!v.def->IsRate()) continue;
    const IndicatorValue& numerator = values[by_key.at(v.def->numerator)];
    const IndicatorValue& denominator = values[by_key.at(v.def->denominator)];
    v.withheld = numerator.withheld || denominator.withheld;
    if (!v.withheld)
      v.not_in_scope = numerator.not_in_scope != ScopeExclusion::kNone ? numerator.not_in_scope : denominator.not_in_scope;
    const double below = AsNumber(denominator.actual);
    if (!v.withheld && v.not_in_scope == ScopeExclusion::kNone && below != 0)
      v.actual = Percent(AsNumber(numerator.actual), below);
  }
  SH_ASSIGN_OR_RETURN(auto targets, TargetsInScope(actor, scope));
  for (IndicatorValue& v : values) {
    auto t = targets.find(v.def->key);
    if (t == targets.end() || v.not_in_scope != ScopeExclusion::kNone) continue;
    SH_ASSIGN_OR_RETURN(v.target, PeriodTarget(v, t->second, scope, period));
    v.target_partial = !v.target;
    if (v.target && *v.target > 0 && !IsNull(v.actual) && !v.withheld) v.completion = Percent(AsNumber(v.actual), static_cast<double>(*v.target));
  }
  return values;
}

Result<std::vector<int64_t>> IndicatorEngine::TargetMissingYears(const Actor& actor, const PairScope& pair,
                                                                 const Period& period) {
  SH_ASSIGN_OR_RETURN(Scope scope, ScopeFor(actor, pair));
  std::vector<int64_t> missing;
  if (!IsIsoDate(period.from) || !IsIsoDate(period.to) || period.to < period.from) return missing;
  if (!Authorize(actor, LedgerPermission(TargetsLedger(), "list")).ok()) return missing;
  if (ExcludedByScope(TargetsLedger(), scope) != ScopeExclusion::kNone) return missing;
  SH_ASSIGN_OR_RETURN(auto targets, TargetsInScope(actor, scope));
  std::set<int64_t> years_set;
  for (const auto& [key, pairs] : targets)
    for (const auto& [pair_id, years] : pairs)
      for (const auto& [year, value] : years) years_set.insert(year);
  for (int64_t year = YearOf(period.from); year <= YearOf(period.to); ++year)
    if (!years_set.contains(year)) missing.push_back(year);
  return missing;
}

Result<IndicatorSelection> IndicatorEngine::Select(const std::string& key) {
  const bool poverty = key.ends_with(kPovertySuffix);
  const IndicatorDef* def = FindIndicator(poverty ? key.substr(0, key.size() - kPovertySuffix.size()) : key);
  if (!def || (poverty && !def->HasPoverty()))
    return Status::NotFound("没有指标 " + key, "no indicator " + key);
  if (def->IsRate())
    return Status::InvalidArgument("比率指标请查看其分子、分母指标的记录",
                                   "a rate has no records of its own; list its numerator's and denominator's");
  if (!poverty) return IndicatorSelection{def, def->aggregate, def->condition, {}};
  if (def->fold) return IndicatorSelection{.def = def, .condition = def->condition, .fold_poverty = true};
  if (def->poverty_aggregate == kRegistryPoverty)
    return IndicatorSelection{def, "COUNT(*)", def->condition, {}, "poverty_status", "lifted"};
  return IndicatorSelection{def, def->poverty_aggregate, AllOf(def->condition, def->poverty_condition), {}};
}

Result<FoldedFigure> IndicatorEngine::Fold(LedgerRepository& repo, const IndicatorDef& def,
                                           const std::string& condition, const std::vector<Value>& params,
                                           const Scope& scope, const Period& period) {
  const PeriodFilter in_period = PeriodOf(def, period);
  SH_ASSIGN_OR_RETURN(Rows rows, repo.FigureColumns(def.columns, condition, scope, in_period.from, in_period.to, params));
  const RecordCodec people(PeopleLedger(), *service_.context().vault);
  std::vector<PersonRow> persons;
  persons.reserve(rows.rows.size());
  for (std::vector<Value>& row : rows.rows) {
    PersonRow p{.person = AsInt(row[0])};
    if (!IsNull(row[1])) {
      SH_ASSIGN_OR_RETURN(std::string status, people.Open("poverty_status", row[1]));
      p.poor = PoorHousehold(status);
    }
    p.values.assign(std::make_move_iterator(row.begin() + 2), std::make_move_iterator(row.end()));
    persons.push_back(std::move(p));
  }
  // An open period ends today (China Standard Time): an open spell runs to it.
  const std::string to = period.to.empty() ? service_.context().clock.Today() : period.to;
  return def.fold(persons, period.from, to);
}

Result<Value> IndicatorEngine::Figure(LedgerRepository& repo, const IndicatorSelection& selection,
                                      const Scope& scope, const Period& period) {
  const PeriodFilter in_period = PeriodOf(*selection.def, period);
  const std::string condition = AllOf(selection.condition, in_period.condition);
  const std::vector<Value> params = Concat(selection.params, in_period.params);
  const std::string &from = in_period.from, &to = in_period.to;
  if (selection.def->fold) {
    SH_ASSIGN_OR_RETURN(FoldedFigure f, Fold(repo, *selection.def, condition, params, scope, period));
    return Value{selection.fold_poverty ? f.poverty : f.value};
  }
  if (selection.sealed_field.empty()) return repo.Aggregate(selection.aggregate, condition, scope, from, to, params);
  SH_ASSIGN_OR_RETURN(Rows rows, repo.FigureColumns("r." + selection.sealed_field + "_enc", condition, scope, from, to,
                                                    params));
  const RecordCodec codec(repo.def(), *service_.context().vault);
  int64_t count = 0;
  for (const std::vector<Value>& row : rows.rows) {
    if (IsNull(row[0])) continue;
    SH_ASSIGN_OR_RETURN(std::string plain, codec.Open(selection.sealed_field, row[0]));
    count += plain == selection.sealed_value;
  }
  return Value{count};
}

Result<IndicatorEngine::Yearly> IndicatorEngine::ByYear(const Actor& actor, const std::string& key,
                                                        const PairScope& pair, int64_t first, int64_t last) {
  constexpr int64_t kMaxYears = 20;
  if (last < first || last - first >= kMaxYears || first < 1900 || last > 9999)
    return Status::InvalidArgument("年份范围应为 1900–9999 之间、不超过 20 年", "years must lie in 1900–9999, at most 20 of them");
  SH_ASSIGN_OR_RETURN(IndicatorSelection selection, Select(key));
  SH_ASSIGN_OR_RETURN(Scope scope, ScopeFor(actor, pair));
  const LedgerDef& ledger = *FindLedger(selection.def->ledger);
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(ledger, "list")));
  Yearly out;
  if ((out.not_in_scope = ExcludedByScope(ledger, scope)) != ScopeExclusion::kNone) return out;
  LedgerRepository repo(service_.db(), ledger);
  for (int64_t year = first; year <= last; ++year) {
    const std::string y = std::to_string(year);
    SH_ASSIGN_OR_RETURN(Value v, Figure(repo, selection, scope, Period{y + "-01-01", y + "-12-31"}));
    out.values.push_back(IsNull(v) ? 0 : AsInt(v));
  }
  return out;
}

Result<IndicatorEngine::Behind> IndicatorEngine::BehindRequest(const Actor& actor, const std::string& key,
                                                               const PairScope& pair, const Period& period) {
  SH_ASSIGN_OR_RETURN(IndicatorSelection selection, Select(key));
  SH_RETURN_IF_ERROR(Authorize(actor, kIndicatorsPermission));
  if (selection.fold_poverty)
    return Status::InvalidArgument("此其中脱贫人口按人员核算，请查看“" + FullLabelZh(*selection.def) + "”的记录",
                                   "this poverty sub-count is reckoned by person; list the records of \"" +
                                       FullLabelEn(*selection.def) + "\"");
  const PeriodFilter in_period = PeriodOf(*selection.def, period);
  // The figure itself is for everyone who may read the report; the records behind a condition
  // on a sensitive field say that field's value for each person, which the list guards and audits.
  Behind behind{FindLedger(selection.def->ledger), {}};
  behind.request.pair = pair;
  behind.request.date_from = in_period.from;
  behind.request.date_to = in_period.to;
  behind.request.condition = AllOf(selection.condition, in_period.condition);
  behind.request.condition_params = Concat(std::move(selection.params), in_period.params);
  if (!selection.sealed_field.empty()) behind.request.equals.emplace_back(selection.sealed_field, selection.sealed_value);
  behind.request.selected_by = "indicator=" + key;
  return behind;
}

Result<RecordPage> IndicatorEngine::RecordsBehind(const Actor& actor, const std::string& key, const PairScope& pair,
                                                  const Period& period, int64_t page, int64_t page_size) {
  SH_ASSIGN_OR_RETURN(Behind behind, BehindRequest(actor, key, pair, period));
  behind.request.page = page;
  behind.request.page_size = page_size;
  return service_.List(actor, *behind.ledger, behind.request);
}

Result<int64_t> IndicatorEngine::ExportBehind(const Actor& actor, const std::string& key, const PairScope& pair,
                                              const Period& period, const std::string& path) {
  SH_ASSIGN_OR_RETURN(Behind behind, BehindRequest(actor, key, pair, period));
  return ExportLedger(service_, actor, *behind.ledger, std::move(behind.request), path);
}

RecordCheck TargetKeyCheck() {
  return [](const Record*, const Record& r, std::vector<FieldError>& errors) {
    const Value* key = r.Get("indicator_key");
    if (!key) return;
    const std::string k = AsText(*key);
    // Only the catalogue's own keys: the report shows targets for those, not for ".poverty" sub-counts.
    if (FindIndicator(k)) return;
    const std::string whole = k.ends_with(kPovertySuffix) ? k.substr(0, k.size() - kPovertySuffix.size()) : "";
    if (const IndicatorDef* counted = whole.empty() ? nullptr : FindIndicator(whole)) {
      const std::string zh = FullLabelZh(*counted), en = FullLabelEn(*counted);
      errors.push_back({0, "indicator_key", "指标：“" + zh + "”的其中脱贫人口不能单独设目标（请为“" + zh + "”设目标）",
                        "Indicator: the poverty sub-count of \"" + en + "\" takes no target of its own (set one for \"" +
                            en + "\")"});
      return;
    }
    // A name where the key belongs (a sheet's old 指标代码 column): say which key it is.
    if (const IndicatorDef* named = FindIndicatorNamed(k)) {
      errors.push_back({0, "indicator_key", "指标：“" + FullLabelZh(*named) + "”此处须写作其代码 " + named->key +
                                                "（表格的“指标”列可直接写名称）",
                        "Indicator: write \"" + FullLabelEn(*named) + "\" as its key " + named->key +
                            " here (a sheet's \"Indicator\" column takes the name)"});
      return;
    }
    errors.push_back({0, "indicator_key", "指标：“" + k + "”不是指标目录中的指标",
                      "Indicator: \"" + k + "\" is no indicator of the catalogue"});
  };
}

}  // namespace shanhai
