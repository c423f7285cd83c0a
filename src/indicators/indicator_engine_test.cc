// The indicator engine on small hand-made data, on both backends. Every expected figure is
// computed here from the test's own data tables, independently of the engine.
#include "indicators/indicator_engine.h"
#include "indicators/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cmath>
#include <functional>
#include <set>
#include <tuple>

#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::Fields;
using domain_test::HasFieldError;
using domain_test::kCountyPair;

constexpr const char* kCityPair = "440100-522700";
constexpr const char* kProvincePair = "440000-520000";
const Period kPeriod{"2020-01-01", "2020-06-30"};

bool InPeriod(const std::string& date, const Period& p = kPeriod) { return date >= p.from && date <= p.to; }

struct VisitRow {
  std::string pair, direction, date;
  int persons;
};
const std::vector<VisitRow> kVisits = {
    {kCountyPair, "to_helped", "2019-12-31", 10}, {kCountyPair, "to_helped", "2020-01-01", 12},
    {kCountyPair, "to_helper", "2020-03-15", 7},  {kCountyPair, "to_helper", "2020-06-30", 9},
    {kCountyPair, "to_helped", "2020-07-01", 30}, {kCityPair, "to_helped", "2020-04-16", 20},
};

struct TrainingRow {
  std::string category, date;
  int sessions, persons, poverty;  // poverty < 0: left empty
};
const std::vector<TrainingRow> kTrainings = {
    {"professional", "2020-02-01", 2, 100, 30}, {"professional", "2020-05-01", 1, 50, -1},
    {"cadre", "2020-03-01", 1, 131, 0},         {"professional", "2019-11-01", 5, 400, 100},
};

struct UnitRow {
  std::string name, side, kind;
  bool deep;
};
const std::vector<UnitRow> kUnits = {
    {"石门街道", "helper", "street", false}, {"白云区结对企业01", "helper", "enterprise", false},
    {"广州市结对学校01", "helper", "school", false}, {"甲坝村", "helped", "village", true},
    {"新场村", "helped", "village", true},  {"卡蒲村", "helped", "village", false},
    {"平塘县第四中学", "helped", "school", false},
};
struct PairingRow {
  std::string helper, helped, level, date;
};
const std::vector<PairingRow> kPairings = {
    {"石门街道", "甲坝村", "town_village", "2020-02-15"},
    {"石门街道", "新场村", "town_village", "2020-02-16"},  // the same helper twice: counted once
    {"白云区结对企业01", "甲坝村", "enterprise_village", "2020-03-01"},  // many-to-one
    {"白云区结对企业01", "卡蒲村", "enterprise_village", "2020-03-02"},
    {"广州市结对学校01", "平塘县第四中学", "school_school", "2020-04-01"},
};

struct FundRow {
  std::string kind, direction, date, helper, helped;
  int64_t amount, paid;  // paid < 0: left empty
};
const std::vector<FundRow> kFunds = {
    {"social", "to_helped", "2020-06-30", "石门街道", "甲坝村", 35000000, 35000000},
    {"social", "to_helped", "2020-05-01", "", "", 1000, -1},  // a donation, not through a pairing
    {"social", "to_helped", "2020-07-01", "白云区结对企业01", "卡蒲村", 9900, 9900},  // after the period
    {"fiscal", "to_helped", "2020-03-01", "", "", 100000000, 25000000},
    {"fiscal", "to_helper", "2020-03-02", "", "", 5000000, -1},
};

// The county pair's annual targets: year, indicator, value.
const std::vector<std::tuple<std::string, std::string, int64_t>> kTargets = {
    {"2019", "leadership.visit_batches", 2}, {"2020", "leadership.visit_batches", 4},
    {"2020", "pairing.aid_fen", 100000000}};

const UnitRow& UnitNamed(const std::string& name) {
  return *std::find_if(kUnits.begin(), kUnits.end(), [&](const UnitRow& u) { return u.name == name; });
}

class IndicatorEngineTest : public domain_test::LedgerTest {
 protected:
  std::map<std::string, RecordCheck> ExtraChecks() const override { return {{"targets", TargetKeyCheck()}}; }

  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440000", "520000");
    AddPair("440100", "522700");
    AddPair("440111", "522727");
    for (const VisitRow& v : kVisits) {
      const int64_t id = Add("visits", v.pair,
                             {{"title", "考察"}, {"direction", v.direction}, {"person_times", std::to_string(v.persons)},
                              {"start_date", v.date}});
      visit_ids_.push_back(id);
    }
    Add("meetings", kCountyPair, {{"title", "党政联席会议"}, {"kind", "joint"}, {"meeting_date", "2020-06-09"}});
    Add("meetings", kCountyPair, {{"title", "工作推进会"}, {"kind", "working"}, {"meeting_date", "2020-03-05"}});
    Add("meetings", kCountyPair, {{"title", "党政联席会议"}, {"kind", "joint"}, {"meeting_date", "2019-07-23"}});
    for (const TrainingRow& t : kTrainings) {
      Fields f = {{"title", "培训"}, {"category", t.category}, {"direction", "to_helped"},
                  {"sessions", std::to_string(t.sessions)}, {"person_times", std::to_string(t.persons)},
                  {"start_date", t.date}};
      if (t.poverty >= 0) f.emplace_back("poverty_person_times", std::to_string(t.poverty));
      Add("trainings", kCountyPair, f);
    }
    for (const UnitRow& u : kUnits)
      Add("units", kCountyPair,
          {{"name", u.name}, {"side", u.side}, {"kind", u.kind}, {"deep_poverty", u.deep ? "1" : "0"}});
    for (const PairingRow& p : kPairings)
      Add("pairings", kCountyPair,
          {{"helper_unit_id", p.helper}, {"helped_unit_id", p.helped}, {"level", p.level}, {"established_date", p.date}});
    for (const FundRow& f : kFunds) {
      Fields fields = {{"title", "资金"}, {"kind", f.kind}, {"direction", f.direction},
                       {"amount_fen", std::to_string(f.amount)}, {"fund_date", f.date}};
      if (f.paid >= 0) fields.emplace_back("paid_fen", std::to_string(f.paid));
      if (!f.helper.empty()) fields.emplace_back("helper_unit_id", f.helper);
      if (!f.helped.empty()) fields.emplace_back("helped_unit_id", f.helped);
      Add("funds", kCountyPair, fields);
    }
    for (const auto& [year, key, value] : kTargets)
      Add("targets", kCountyPair, {{"year", year}, {"indicator_key", key}, {"target_value", std::to_string(value)}});
  }

  std::map<std::string, IndicatorValue> Compute(const Actor& actor, const std::string& pair,
                                                const Period& period = kPeriod) {
    IndicatorEngine engine(service());
    auto values = engine.ComputeAll(actor, domain_test::Pair(pair), period);
    EXPECT_TRUE(values.ok()) << values.status().ToString();
    std::map<std::string, IndicatorValue> out;
    if (values.ok())
      for (const IndicatorValue& v : *values) out[v.def->key] = v;
    return out;
  }
  static int64_t Int(const std::map<std::string, IndicatorValue>& m, const std::string& key) {
    auto it = m.find(key);
    EXPECT_NE(it, m.end()) << key;
    return it == m.end() ? -1 : AsInt(it->second.actual);
  }

  std::vector<int64_t> visit_ids_;  // parallel to kVisits
};

int64_t CountVisits(const std::function<bool(const VisitRow&)>& pred) {
  return std::count_if(kVisits.begin(), kVisits.end(), pred);
}

TEST_P(IndicatorEngineTest, VisitsMeetingsAndTrainingsMatchIndependentCounts) {
  const auto m = Compute(Actor::System(), kCountyPair);
  auto county_in_period = [](const VisitRow& v) { return v.pair == kCountyPair && InPeriod(v.date); };
  int64_t persons = 0;
  for (const VisitRow& v : kVisits)
    if (county_in_period(v)) persons += v.persons;
  EXPECT_EQ(Int(m, "leadership.visit_batches"), CountVisits(county_in_period));
  EXPECT_EQ(Int(m, "leadership.visit_person_times"), persons);
  EXPECT_EQ(Int(m, "leadership.visit_batches.to_helper"),
            CountVisits([&](const VisitRow& v) { return county_in_period(v) && v.direction == "to_helper"; }));
  EXPECT_EQ(Int(m, "leadership.visit_batches.to_helped"),
            CountVisits([&](const VisitRow& v) { return county_in_period(v) && v.direction == "to_helped"; }));
  EXPECT_EQ(Int(m, "leadership.joint_meetings"), 1);  // one joint meeting in the period, one before it

  int64_t sessions = 0, trained = 0, poverty = 0;
  for (const TrainingRow& t : kTrainings) {
    if (t.category != "professional" || !InPeriod(t.date)) continue;
    sessions += t.sessions;
    trained += t.persons;
    poverty += std::max(t.poverty, 0);
  }
  EXPECT_EQ(Int(m, "talent.training.professional.sessions"), sessions);
  EXPECT_EQ(Int(m, "talent.training.professional.person_times"), trained);
  ASSERT_TRUE(m.at("talent.training.professional.person_times").poverty.has_value());
  EXPECT_EQ(*m.at("talent.training.professional.person_times").poverty, poverty);
  EXPECT_EQ(Int(m, "talent.training.cadre.person_times"), 131);
  EXPECT_EQ(Int(m, "talent.training.leader.person_times"), 0);
}

TEST_P(IndicatorEngineTest, PairingCountsDistinctUnitsAndAidThroughPairings) {
  const auto m = Compute(Actor::System(), kCountyPair);
  std::set<std::string> helpers, deep_villages, towns, enterprises, helped_schools, helper_schools;
  for (const PairingRow& p : kPairings) {
    if (!InPeriod(p.date)) continue;
    const UnitRow& helped = UnitNamed(p.helped);
    const UnitRow& helper = UnitNamed(p.helper);
    if (helped.kind == "village") {
      helpers.insert(p.helper);
      if (helper.kind == "town" || helper.kind == "street") towns.insert(p.helper);
      if (helper.kind == "enterprise" || helper.kind == "association" || helper.kind == "social_org")
        enterprises.insert(p.helper);
      if (helped.deep) deep_villages.insert(p.helped);
    }
    if (p.level == "school_school") {
      helped_schools.insert(p.helped);
      helper_schools.insert(p.helper);
    }
  }
  EXPECT_EQ(Int(m, "pairing.helper_units"), static_cast<int64_t>(helpers.size()));
  EXPECT_EQ(Int(m, "pairing.helper_units.town"), static_cast<int64_t>(towns.size()));
  EXPECT_EQ(Int(m, "pairing.helper_units.enterprise"), static_cast<int64_t>(enterprises.size()));
  EXPECT_EQ(Int(m, "pairing.helped_deep_poverty_villages"), static_cast<int64_t>(deep_villages.size()));
  EXPECT_EQ(Int(m, "pairing.schools.helped"), static_cast<int64_t>(helped_schools.size()));
  EXPECT_EQ(Int(m, "pairing.schools.helper"), static_cast<int64_t>(helper_schools.size()));
  EXPECT_EQ(Int(m, "pairing.by_level.town_village"),
            std::count_if(kPairings.begin(), kPairings.end(), [](const PairingRow& p) { return p.level == "town_village"; }));

  int64_t aid = 0, fiscal = 0, fiscal_paid = 0, social = 0, to_helper = 0;
  for (const FundRow& f : kFunds) {
    if (!InPeriod(f.date)) continue;
    if (f.kind == "social" && !f.helper.empty() && !f.helped.empty()) aid += f.amount;
    if (f.kind == "social" && f.direction == "to_helped") social += f.amount;
    if (f.kind == "fiscal" && f.direction == "to_helped") {
      fiscal += f.amount;
      fiscal_paid += std::max<int64_t>(f.paid, 0);
    }
    if (f.direction == "to_helper") to_helper += f.amount;
  }
  EXPECT_EQ(Int(m, "pairing.aid_fen"), aid);
  EXPECT_EQ(Int(m, "funds.fiscal_fen"), fiscal);
  EXPECT_EQ(Int(m, "funds.fiscal_paid_fen"), fiscal_paid);
  EXPECT_EQ(Int(m, "funds.social_fen"), social);
  EXPECT_EQ(Int(m, "funds.to_helper_fen"), to_helper);
  const Value& rate = m.at("funds.fiscal_utilisation_rate").actual;
  ASSERT_TRUE(std::holds_alternative<double>(rate));
  EXPECT_DOUBLE_EQ(std::get<double>(rate), std::round(10000.0 * fiscal_paid / fiscal) / 100.0);
}

TEST_P(IndicatorEngineTest, TargetsAreSummedOverTheYearsOfThePeriodWithCompletionRates) {
  auto m = Compute(Actor::System(), kCountyPair);
  const IndicatorValue& batches = m.at("leadership.visit_batches");
  ASSERT_TRUE(batches.target.has_value());
  EXPECT_EQ(*batches.target, 4);  // only the 2020 target
  ASSERT_TRUE(batches.completion.has_value());
  EXPECT_DOUBLE_EQ(*batches.completion, std::round(10000.0 * Int(m, "leadership.visit_batches") / 4) / 100.0);
  const IndicatorValue& aid = m.at("pairing.aid_fen");
  ASSERT_TRUE(aid.target.has_value());
  EXPECT_EQ(*aid.target, 100000000);
  ASSERT_TRUE(aid.completion.has_value());
  EXPECT_DOUBLE_EQ(*aid.completion, std::round(10000.0 * Int(m, "pairing.aid_fen") / 100000000) / 100.0);
  EXPECT_FALSE(m.at("leadership.joint_meetings").target.has_value());

  const Period two_years{"2019-01-01", "2020-06-30"};
  m = Compute(Actor::System(), kCountyPair, two_years);
  ASSERT_TRUE(m.at("leadership.visit_batches").target.has_value());
  EXPECT_EQ(*m.at("leadership.visit_batches").target, 2 + 4);
  EXPECT_EQ(Int(m, "leadership.visit_batches"), CountVisits([&](const VisitRow& v) {
              return v.pair == kCountyPair && InPeriod(v.date, two_years);
            }));
}

// A period's target is the whole of its years' targets or none: a year without one, or a period
// open at either end (协作以来 without bounds), shows no target and no completion — never the
// all-time figure against one year's goal.
TEST_P(IndicatorEngineTest, APeriodWithAYearWithoutTargetOrAnOpenEndHasNoTarget) {
  for (const Period& period : {Period{"2018-06-01", "2020-06-30"}, Period{"", ""}, Period{"2019-01-01", ""},
                               Period{"", "2020-06-30"}}) {
    SCOPED_TRACE(period.from + ".." + period.to);
    const auto m = Compute(Actor::System(), kCountyPair, period);
    for (const char* key : {"leadership.visit_batches", "pairing.aid_fen"}) {
      EXPECT_FALSE(m.at(key).target.has_value()) << key;
      EXPECT_FALSE(m.at(key).completion.has_value()) << key;
      EXPECT_TRUE(m.at(key).target_partial) << key << ": it has yearly targets, the card says \"—\"";
    }
    EXPECT_FALSE(m.at("leadership.joint_meetings").target_partial);  // no target in any year
    EXPECT_GT(Int(m, "leadership.visit_batches"), 0);  // a figure there is, only no target for it
  }
  // 2019–2020 has visit targets in both years, the aid a target in 2020 only.
  const auto both = Compute(Actor::System(), kCountyPair, {"2019-03-01", "2020-06-30"});
  EXPECT_EQ(both.at("leadership.visit_batches").target, 2 + 4);
  EXPECT_FALSE(both.at("leadership.visit_batches").target_partial);
  EXPECT_FALSE(both.at("pairing.aid_fen").target.has_value());
  EXPECT_TRUE(both.at("pairing.aid_fen").target_partial);
  // A period of years none of which has a target has none; the indicator's targets elsewhere make
  // it "partial" (the card says "—" and the rule), as an open period's do.
  const auto before = Compute(Actor::System(), kCountyPair, {"2017-01-01", "2018-12-31"});
  EXPECT_FALSE(before.at("leadership.visit_batches").target.has_value());
  EXPECT_TRUE(before.at("leadership.visit_batches").target_partial);
  EXPECT_FALSE(before.at("leadership.joint_meetings").target_partial);
}

// The years of a period without any annual target are named (the card and the report say
// "2017–2018年、2021年未设目标"), from the test's own targets (2019 and 2020 only); none where
// the years or the targets cannot be seen.
TEST_P(IndicatorEngineTest, TheYearsOfAPeriodWithoutAnyTargetAreNamed) {
  std::set<int64_t> target_years;
  for (const auto& [year, key, value] : kTargets) target_years.insert(std::stoll(year));
  IndicatorEngine engine(service());
  const Period period{"2017-03-01", "2021-02-28"};
  std::vector<int64_t> expected;
  for (int64_t year = 2017; year <= 2021; ++year)
    if (!target_years.contains(year)) expected.push_back(year);
  ASSERT_FALSE(expected.empty());
  auto missing = engine.TargetMissingYears(Actor::System(), domain_test::Pair(kCountyPair), period);
  ASSERT_TRUE(missing.ok()) << missing.status().ToString();
  EXPECT_EQ(*missing, expected);
  EXPECT_EQ(TargetMissingText(*missing), "2017–2018年、2021年未设目标");
  EXPECT_EQ(TargetMissingText({2016, 2018, 2019, 2020, 2026}), "2016年、2018–2020年、2026年未设目标");
  EXPECT_EQ(TargetMissingText({}), "");
  // The report says so under its targets, in Markdown and in JSON.
  Result<Report> report = BuildReport(service(), Actor::System(), domain_test::Pair(kCountyPair), period);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->target_missing_years, expected);
  const std::string md = RenderReportMarkdown(*report);
  EXPECT_NE(md.find("2017–2018年、2021年未设目标。"), std::string::npos) << md;
  const boost::json::value json = boost::json::parse(RenderReportJson(*report));
  const boost::json::array& years = json.at("target_missing_years").as_array();
  ASSERT_EQ(years.size(), expected.size());
  for (size_t i = 0; i < years.size(); ++i) EXPECT_EQ(years[i].as_int64(), expected[i]);
  // A city pair sees its county's targets: the same years are missing.
  EXPECT_EQ(*engine.TargetMissingYears(Actor::System(), domain_test::Pair(kCityPair), period), expected);
  // Every year with a target: nothing to say.
  EXPECT_TRUE(engine.TargetMissingYears(Actor::System(), domain_test::Pair(kCountyPair), kPeriod)->empty());
  // An open period has no years to name; an actor who may not list targets sees none of them.
  EXPECT_TRUE(engine.TargetMissingYears(Actor::System(), domain_test::Pair(kCountyPair), {"2017-01-01", ""})->empty());
  const Actor visits_only{"visits_only", {"custom"}, {kIndicatorsPermission, "exchange:visits:list"}, "", "", 0, "test"};
  EXPECT_TRUE(engine.TargetMissingYears(visits_only, domain_test::Pair(kCountyPair), period)->empty());
  // A town's clerk: targets are the whole pair's, not the town's to miss.
  EXPECT_TRUE(engine.TargetMissingYears(domain_test::StaffIn("522727200"), domain_test::Pair(kCountyPair), period)->empty());
}

// A city or province pair's figure rolls up the pairs inside it: it has a target only when every
// pair it draws on (records counted, or a target in the period) has one for every year, never
// one county's goals against both counties' work.
TEST_P(IndicatorEngineTest, ARolledUpPairHasATargetOnlyWhenEachPairItDrawsOnHasOneEveryYear) {
  constexpr const char* kSecondCounty = "440112-522728";
  AddPair("440112", "522728");
  Add("visits", kSecondCounty,
      {{"title", "考察"}, {"direction", "to_helped"}, {"person_times", "3"}, {"start_date", "2020-05-01"}});
  auto target = [&](const char* pair, const char* year, int64_t value) {
    Add("targets", pair, {{"year", year}, {"indicator_key", "leadership.visit_batches"},
                          {"target_value", std::to_string(value)}});
  };
  target(kSecondCounty, "2020", 5);
  const Period two_years{"2019-01-01", "2020-12-31"}, one_year{"2020-01-01", "2020-12-31"};
  // 2019–2020: the first county has both years' targets, the second only 2020's.
  // 2020: both counties have one, but the city pair's own visit (2020-04-16) has none.
  for (const Period& period : {two_years, one_year}) {
    SCOPED_TRACE(period.from + ".." + period.to);
    const IndicatorValue v = Compute(Actor::System(), kCityPair, period).at("leadership.visit_batches");
    EXPECT_FALSE(v.target.has_value());
    EXPECT_FALSE(v.completion.has_value());
    EXPECT_TRUE(v.target_partial);
  }
  // Each pair with each year's target: their sum, against the figure of all of them.
  target(kSecondCounty, "2019", 1);
  target(kCityPair, "2019", 1);
  target(kCityPair, "2020", 2);
  const int64_t all = 2 + 4 + 1 + 5 + 1 + 2;
  const auto city = Compute(Actor::System(), kCityPair, two_years);
  EXPECT_EQ(city.at("leadership.visit_batches").target, all);
  EXPECT_FALSE(city.at("leadership.visit_batches").target_partial);
  ASSERT_TRUE(city.at("leadership.visit_batches").completion.has_value());
  EXPECT_DOUBLE_EQ(*city.at("leadership.visit_batches").completion,
                   std::round(10000.0 * Int(city, "leadership.visit_batches") / all) / 100.0);
  // The province pair draws on the same pairs (itself with no records and no target): the same.
  EXPECT_EQ(Compute(Actor::System(), kProvincePair, two_years).at("leadership.visit_batches").target, all);
  // A county pair compares with its own targets only.
  EXPECT_EQ(Compute(Actor::System(), kCountyPair, two_years).at("leadership.visit_batches").target, 2 + 4);
  // Pairs with neither records counted nor a target do not matter: the aid comes from the first
  // county's funds alone, so its 2020 target is the city pair's 2020 aid target too.
  EXPECT_EQ(Compute(Actor::System(), kCityPair, one_year).at("pairing.aid_fen").target, 100000000);
}

TEST_P(IndicatorEngineTest, CityAndProvincePairsRollUpTheirCountyPairs) {
  for (const char* pair : {kCountyPair, kCityPair, kProvincePair}) {
    SCOPED_TRACE(pair);
    const std::string helper_prefix = pair == std::string(kCountyPair) ? "440111" : (pair == std::string(kCityPair) ? "4401" : "44");
    const std::string helped_prefix = pair == std::string(kCountyPair) ? "522727" : (pair == std::string(kCityPair) ? "5227" : "52");
    auto inside = [&](const VisitRow& v) {
      return v.pair.starts_with(helper_prefix) && v.pair.substr(7).starts_with(helped_prefix) && InPeriod(v.date);
    };
    const auto m = Compute(Actor::System(), pair);
    EXPECT_EQ(Int(m, "leadership.visit_batches"), CountVisits(inside));
  }
  // The city visit specifically: in the city and province figures, not in the county's.
  const auto county = Compute(Actor::System(), kCountyPair);
  const auto city = Compute(Actor::System(), kCityPair);
  const auto province = Compute(Actor::System(), kProvincePair);
  EXPECT_EQ(Int(city, "leadership.visit_batches"), Int(county, "leadership.visit_batches") + 1);
  EXPECT_EQ(Int(province, "leadership.visit_batches"), Int(city, "leadership.visit_batches"));
  EXPECT_EQ(Int(city, "leadership.visit_person_times"), Int(county, "leadership.visit_person_times") + 20);
}

TEST_P(IndicatorEngineTest, AnActorSeesOnlyItsRegionsFigures) {
  const auto all = Compute(Actor::System(), kCountyPair);
  const auto pingtang = Compute(domain_test::StaffIn("522727"), kCountyPair);
  const auto tianhe = Compute(domain_test::StaffIn("440106"), kCountyPair);
  ASSERT_EQ(pingtang.size(), all.size());
  ASSERT_EQ(tianhe.size(), all.size());
  int64_t nonzero = 0;
  for (const auto& [key, v] : all) {
    if (v.def->IsRate()) continue;
    EXPECT_EQ(AsInt(pingtang.at(key).actual), AsInt(v.actual)) << key;
    EXPECT_EQ(pingtang.at(key).target, v.target) << key;
    EXPECT_EQ(AsInt(tianhe.at(key).actual), 0) << key;
    EXPECT_FALSE(tianhe.at(key).target.has_value()) << key;
    EXPECT_EQ(tianhe.at(key).poverty.value_or(0), 0) << key;
    nonzero += AsInt(v.actual) != 0;
  }
  EXPECT_GT(nonzero, 10);  // the comparison above was not between zeros
  EXPECT_TRUE(IsNull(tianhe.at("funds.fiscal_utilisation_rate").actual));
  // A viewer may read indicators; an unknown role may not.
  EXPECT_TRUE(IndicatorEngine(service()).ComputeAll(domain_test::Viewer(), domain_test::Pair(kCountyPair), kPeriod).ok());
  EXPECT_EQ(IndicatorEngine(service()).ComputeAll(Actor{"x", {"guest"}, {}, "", "", 0, ""}, domain_test::Pair(kCountyPair), kPeriod).status().code(),
            Code::kPermissionDenied);
}

// A figure reads its ledger as a list would: an actor who may read indicators but list only the
// visits sees the visit figures whole and every other figure withheld (rates of withheld parts
// too, and no targets without the targets ledger); the records behind them and the report are refused.
TEST_P(IndicatorEngineTest, FiguresOverLedgersTheActorMayNotListAreWithheld) {
  const Actor visits_only{"visits_only", {"custom"}, {kIndicatorsPermission, "exchange:visits:list"}, "", "", 0, "test"};
  const auto all = Compute(Actor::System(), kCountyPair);
  const auto some = Compute(visits_only, kCountyPair);
  ASSERT_EQ(some.size(), all.size());
  int shown = 0, withheld = 0;
  for (const auto& [key, v] : some) {
    const IndicatorDef& def = *v.def;
    const bool over_visits = !def.IsRate() && def.ledger == "visits";
    EXPECT_EQ(v.withheld, !over_visits) << key;
    EXPECT_FALSE(v.target.has_value()) << key << ": a target shown without the targets ledger's list permission";
    if (over_visits) {
      EXPECT_EQ(AsInt(v.actual), AsInt(all.at(key).actual)) << key;
      ++shown;
    } else {
      EXPECT_TRUE(IsNull(v.actual)) << key;
      EXPECT_FALSE(v.poverty.has_value()) << key;
      ++withheld;
    }
  }
  EXPECT_GT(shown, 1);
  EXPECT_GT(withheld, 10);
  EXPECT_GT(AsInt(some.at("leadership.visit_batches").actual), 0);  // not a comparison of zeros
  EXPECT_TRUE(some.at("funds.fiscal_utilisation_rate").withheld);
  EXPECT_TRUE(all.at("pairing.aid_fen").target.has_value());  // the system actor does see targets

  IndicatorEngine engine(service());
  EXPECT_TRUE(engine.RecordsBehind(visits_only, "leadership.visit_batches", domain_test::Pair(kCountyPair), kPeriod, 1, 10).ok());
  EXPECT_EQ(engine.RecordsBehind(visits_only, "pairing.aid_fen", domain_test::Pair(kCountyPair), kPeriod, 1, 10).status().code(),
            Code::kPermissionDenied);
  Result<Report> report = BuildReport(service(), visits_only, domain_test::Pair(kCountyPair), kPeriod);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Code::kPermissionDenied);
  EXPECT_NE(report.status().message_en().find("funds:funds:list"), std::string::npos) << report.status().message_en();
}

TEST_P(IndicatorEngineTest, RecordsBehindAreExactlyTheRecordsCounted) {
  IndicatorEngine engine(service());
  const auto m = Compute(Actor::System(), kCountyPair);
  for (const std::string key : {"leadership.visit_batches", "leadership.visit_batches.to_helper",
                                "leadership.joint_meetings", "pairing.by_level.enterprise_village"}) {
    auto behind = engine.RecordsBehind(Actor::System(), key, domain_test::Pair(kCountyPair), kPeriod, 1, 100);
    ASSERT_TRUE(behind.ok()) << key << ": " << behind.status().ToString();
    EXPECT_EQ(behind->total, Int(m, key)) << key;
    EXPECT_EQ(static_cast<int64_t>(behind->records.size()), Int(m, key)) << key;
  }
  auto behind = engine.RecordsBehind(Actor::System(), "leadership.visit_batches", domain_test::Pair(kCountyPair), kPeriod, 1, 100);
  ASSERT_TRUE(behind.ok());
  std::set<int64_t> got, expected;
  for (const Record& r : behind->records) got.insert(r.id);
  for (size_t i = 0; i < kVisits.size(); ++i)
    if (kVisits[i].pair == kCountyPair && InPeriod(kVisits[i].date)) expected.insert(visit_ids_[i]);
  EXPECT_EQ(got, expected);

  // A sub-figure lists only the records that add to it: the trainings with poverty participants.
  for (const std::string category : {"professional", "cadre"}) {
    const std::string key = "talent.training." + category + ".person_times.poverty";
    auto poor = engine.RecordsBehind(Actor::System(), key, domain_test::Pair(kCountyPair), kPeriod, 1, 100);
    ASSERT_TRUE(poor.ok()) << key << ": " << poor.status().ToString();
    const int64_t contributing = std::count_if(kTrainings.begin(), kTrainings.end(), [&](const TrainingRow& t) {
      return t.category == category && InPeriod(t.date) && t.poverty > 0;
    });
    EXPECT_EQ(poor->total, contributing) << key;
    int64_t sum = 0;
    for (const Record& r : poor->records) sum += AsInt(*r.Get("poverty_person_times"));
    EXPECT_EQ(sum, *m.at("talent.training." + category + ".person_times").poverty) << key;
  }

  auto city = engine.RecordsBehind(Actor::System(), "leadership.visit_batches", domain_test::Pair(kCityPair), kPeriod, 1, 100);
  ASSERT_TRUE(city.ok());
  EXPECT_EQ(city->total, static_cast<int64_t>(expected.size()) + 1);
  auto hidden = engine.RecordsBehind(domain_test::StaffIn("440106"), "leadership.visit_batches", domain_test::Pair(kCountyPair), kPeriod, 1, 100);
  ASSERT_TRUE(hidden.ok());
  EXPECT_EQ(hidden->total, 0);

  EXPECT_EQ(engine.RecordsBehind(Actor::System(), "no.such.key", domain_test::Pair(kCountyPair), kPeriod, 1, 10).status().code(),
            Code::kNotFound);
  EXPECT_EQ(engine.RecordsBehind(Actor::System(), "funds.fiscal_utilisation_rate", domain_test::Pair(kCountyPair), kPeriod, 1, 10)
                .status()
                .code(),
            Code::kInvalidArgument);
}

TEST_P(IndicatorEngineTest, AFigureYearByYearCountsEachCalendarYear) {
  IndicatorEngine engine(service());
  auto years = engine.ByYear(Actor::System(), "leadership.visit_batches", domain_test::Pair(kCountyPair), 2019, 2021);
  ASSERT_TRUE(years.ok()) << years.status().ToString();
  std::vector<int64_t> expected;
  for (const std::string year : {"2019", "2020", "2021"})
    expected.push_back(CountVisits([&](const VisitRow& v) { return v.pair == kCountyPair && v.date.starts_with(year); }));
  EXPECT_EQ(years->values, expected);
  EXPECT_EQ(years->not_in_scope, ScopeExclusion::kNone);
  EXPECT_EQ(engine.ByYear(Actor::System(), "funds.fiscal_utilisation_rate", domain_test::Pair(kCountyPair), 2019, 2020)
                .status().code(), Code::kInvalidArgument);
  EXPECT_EQ(engine.ByYear(Actor::System(), "leadership.visit_batches", domain_test::Pair(kCountyPair), 2000, 2020)
                .status().code(), Code::kInvalidArgument);
  const Actor visits_only{"visits_only", {"custom"}, {kIndicatorsPermission, "exchange:visits:list"}, "", "", 0, "test"};
  EXPECT_TRUE(engine.ByYear(visits_only, "leadership.visit_batches", domain_test::Pair(kCountyPair), 2019, 2020).ok());
  EXPECT_EQ(engine.ByYear(visits_only, "pairing.aid_fen", domain_test::Pair(kCountyPair), 2019, 2020).status().code(),
            Code::kPermissionDenied);
}

// True if def's figure can be placed in a town: its ledger (a rate: both parts') has a region field,
// or is the pairings or funds ledger, whose records are placed by their units' 所在地, or a labour
// ledger placed by its seeker's person's home.
bool PlacedByRegion(const IndicatorDef& def) {
  if (def.IsRate()) return PlacedByRegion(*FindIndicator(def.numerator)) && PlacedByRegion(*FindIndicator(def.denominator));
  for (const char* by_reference : {"pairings", "funds", "seekers", "applications", "spells"})
    if (def.ledger == by_reference) return true;
  const std::vector<FieldDef>& fields = FindLedger(def.ledger)->fields;
  // A region field that does not place the record (a spell's place of work) places nothing.
  return std::any_of(fields.begin(), fields.end(), [](const FieldDef& f) { return f.type == FieldType::kRegion && f.places; });
}

// A town's clerk (卡蒲毛南族乡) counts the records placed in the town; a figure over a ledger that
// places no record in a region is not counted — no value, sub-count or target — instead of a 0
// that would read as "nothing happened". The same for an organisation's account and the ledgers
// it owns nothing of. The SQL agrees: exactly those ledgers' figures select "1 = 0".
TEST_P(IndicatorEngineTest, AFigureTheScopeCannotPlaceIsNotCountedRatherThanZero) {
  Add("meetings", kCountyPair, {{"title", "卡蒲乡联席会议"}, {"kind", "joint"}, {"meeting_date", "2020-05-01"},
                                {"location_region", "522727200"}});
  const Actor town = domain_test::StaffIn("522727200");
  const auto m = Compute(town, kCountyPair);
  int not_counted = 0;
  for (const auto& [key, v] : m) {
    if (PlacedByRegion(*v.def)) {
      EXPECT_EQ(v.not_in_scope, ScopeExclusion::kNone) << key;
      continue;
    }
    EXPECT_EQ(v.not_in_scope, ScopeExclusion::kNoRegionField) << key;
    EXPECT_TRUE(IsNull(v.actual)) << key;
    EXPECT_FALSE(v.poverty.has_value()) << key;
    EXPECT_FALSE(v.target.has_value() || v.target_partial) << key;
    ++not_counted;
  }
  EXPECT_GT(not_counted, 10);
  EXPECT_EQ(Int(m, "leadership.joint_meetings"), 1) << "only the meeting held in the town";
  EXPECT_EQ(m.at("leadership.visit_batches").not_in_scope, ScopeExclusion::kNoRegionField);
  EXPECT_EQ(m.at("funds.fiscal_utilisation_rate").not_in_scope, ScopeExclusion::kNone) << "placed by its units";

  IndicatorEngine engine(service());
  auto visits = engine.ByYear(town, "leadership.visit_batches", domain_test::Pair(kCountyPair), 2019, 2020);
  ASSERT_TRUE(visits.ok()) << visits.status().ToString();
  EXPECT_TRUE(visits->values.empty());
  EXPECT_EQ(visits->not_in_scope, ScopeExclusion::kNoRegionField);
  auto meetings = engine.ByYear(town, "leadership.joint_meetings", domain_test::Pair(kCountyPair), 2020, 2020);
  ASSERT_TRUE(meetings.ok()) << meetings.status().ToString();
  EXPECT_EQ(meetings->values, std::vector<int64_t>{1});

  // An organisation's account: its own funds counted, the visits (no owner) not.
  const int64_t unit = Add("units", kCountyPair, {{"name", "归属测试企业"}, {"side", "helper"}, {"kind", "enterprise"}});
  Add("funds", kCountyPair, {{"title", "企业捐赠"}, {"kind", "social"}, {"direction", "to_helped"},
                             {"amount_fen", "123400"}, {"fund_date", "2020-05-05"}, {"helper_unit_id", "归属测试企业"}});
  const Actor owner = domain_test::OwnerOf("units", unit);
  const auto own = Compute(owner, kCountyPair);
  EXPECT_EQ(Int(own, "funds.social_fen"), 123400);
  EXPECT_EQ(own.at("funds.social_fen").not_in_scope, ScopeExclusion::kNone);
  EXPECT_EQ(own.at("leadership.visit_batches").not_in_scope, ScopeExclusion::kNoOwnerField);
  EXPECT_TRUE(IsNull(own.at("leadership.visit_batches").actual));

  // Whoever sees the whole pair (or a region containing a side of it) has every figure counted.
  for (const Actor& whole : {Actor::System(), domain_test::StaffIn("522727")})
    for (const auto& [key, v] : Compute(whole, kCountyPair)) EXPECT_EQ(v.not_in_scope, ScopeExclusion::kNone) << key;

  for (const Actor& actor : {town, owner}) {
    Scope scope = ScopeOf(actor);
    domain_test::Pair(kCountyPair).Narrow(scope);
    for (const LedgerDef* def : IndicatorEngine::LedgersRead()) {
      std::vector<Value> params;
      const std::string where = LedgerRepository(service().db(), *def).FigureWhere("", scope, "", "", {}, params);
      EXPECT_EQ(where.find("1 = 0") != std::string::npos, ExcludedByScope(*def, scope) != ScopeExclusion::kNone)
          << actor.name << " " << def->name << ": " << where;
    }
  }
}

// The report of part of a pair says whose records it counts, and leaves out (and names) what it
// cannot count; the whole pair's report says nothing of a scope.
TEST_P(IndicatorEngineTest, AReportOfPartOfThePairStatesItsScope) {
  Result<Report> town = BuildReport(service(), domain_test::StaffIn("522727200"), domain_test::Pair(kCountyPair), kPeriod);
  ASSERT_TRUE(town.ok()) << town.status().ToString();
  EXPECT_EQ(town->scope.kind, FigureScopeKind::kRegion);
  EXPECT_EQ(town->scope.code, "522727200");
  EXPECT_EQ(town->scope.name, "黔南州平塘县卡蒲毛南族乡");
  const std::string md = RenderReportMarkdown(*town);
  EXPECT_NE(md.find("统计范围：黔南州平塘县卡蒲毛南族乡（交流互访"), std::string::npos) << md;
  EXPECT_NE(md.find("无所在地，其指标本范围不统计"), std::string::npos) << md;
  EXPECT_EQ(md.find("批0人次"), std::string::npos) << "no visits counted as 0: " << md;
  EXPECT_NE(md.find("| 交流互访、实地考察批次 | —（本范围不统计） |"), std::string::npos) << md;
  EXPECT_EQ(md.find("`leadership.visit_batches`"), std::string::npos) << "no key column: " << md;
  const boost::json::object json = boost::json::parse(RenderReportJson(*town)).as_object();
  EXPECT_EQ(json.at("scope"), "522727200");
  EXPECT_EQ(json.at("scope_kind"), "region");
  EXPECT_EQ(json.at("scope_name"), "黔南州平塘县卡蒲毛南族乡");
  EXPECT_TRUE(json.at("indicators").at("leadership.visit_batches").is_null());
  const boost::json::object& visits = json.at("details").at("leadership.visit_batches").as_object();
  EXPECT_EQ(visits.at("not_in_scope"), true);
  EXPECT_EQ(visits.at("not_in_scope_reason"), "no_region_field");
  EXPECT_EQ(json.at("details").at("leadership.joint_meetings").at("not_in_scope"), false);

  // A county's clerk reading its city's pair counts its county's pairs only; reading its own pair, everything.
  Result<Report> city = BuildReport(service(), domain_test::StaffIn("522727"), domain_test::Pair(kCityPair), kPeriod);
  ASSERT_TRUE(city.ok()) << city.status().ToString();
  EXPECT_EQ(city->scope.kind, FigureScopeKind::kRegion);
  EXPECT_EQ(city->scope.name, "黔南州平塘县");
  for (const Actor& whole : {Actor::System(), domain_test::StaffIn("522727")}) {
    Result<Report> report = BuildReport(service(), whole, domain_test::Pair(kCountyPair), kPeriod);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->scope.kind, FigureScopeKind::kWholePair) << whole.name;
    EXPECT_EQ(RenderReportMarkdown(*report).find("统计范围"), std::string::npos) << whole.name;
    EXPECT_TRUE(boost::json::parse(RenderReportJson(*report)).as_object().at("scope").is_null()) << whole.name;
  }

  const int64_t unit = Add("units", kCountyPair, {{"name", "报告归属企业"}, {"side", "helper"}, {"kind", "enterprise"}});
  Result<Report> own = BuildReport(service(), domain_test::OwnerOf("units", unit), domain_test::Pair(kCountyPair), kPeriod);
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  EXPECT_EQ(own->scope.kind, FigureScopeKind::kOwner);
  EXPECT_EQ(own->scope.code, "units:" + std::to_string(unit));
  EXPECT_EQ(own->scope.name, "报告归属企业");
  const std::string own_md = RenderReportMarkdown(*own);
  EXPECT_NE(own_md.find("统计范围：仅报告归属企业的记录（"), std::string::npos) << own_md;
  // Investments are not counted for it: the scope note names them, the narrative leaves them out.
  EXPECT_NE(own_md.find("招商引资"), std::string::npos) << own_md;
  EXPECT_EQ(own_md.find("聚力三个重点"), std::string::npos) << own_md;
}

TEST_P(IndicatorEngineTest, PeopleRegistryCountsPovertyByHash) {
  const std::vector<std::pair<std::string, std::string>> people = {
      {"52272719850312123", "lifted"}, {"52272719900101052", "lifted"}, {"52272719700505071", "monitored"}};
  for (const auto& [body, status] : people)
    Add("people", kCountyPair, {{"name", "合成人员"}, {"id_number", domain_test::Id18(body)}, {"poverty_status", status}});
  const auto m = Compute(Actor::System(), kCountyPair);
  EXPECT_EQ(Int(m, "people.registered"), static_cast<int64_t>(people.size()));
  ASSERT_TRUE(m.at("people.registered").poverty.has_value());
  EXPECT_EQ(*m.at("people.registered").poverty,
            std::count_if(people.begin(), people.end(), [](const auto& p) { return p.second == "lifted"; }));
  auto behind = IndicatorEngine(service()).RecordsBehind(Actor::System(), "people.registered.poverty", domain_test::Pair(kCountyPair), kPeriod, 1, 10);
  ASSERT_TRUE(behind.ok()) << behind.status().ToString();
  EXPECT_EQ(behind->total, *m.at("people.registered").poverty);
}

// Issue #6 point 2: the figure is for every reader of the report; the people behind a
// condition on poverty status are for those who may reveal it, and each look is audited.
TEST_P(IndicatorEngineTest, DrillingDownByASensitiveFieldNeedsRevealAndIsAudited) {
  for (const char* body : {"52272719850312123", "52272719900101052"})
    Add("people", kCountyPair, {{"name", "合成人员"}, {"id_number", domain_test::Id18(body)}, {"poverty_status", "lifted"}});
  const Actor viewer = domain_test::Viewer();
  EXPECT_EQ(*Compute(viewer, kCountyPair).at("people.registered").poverty, 2);
  IndicatorEngine engine(service());
  auto denied = engine.RecordsBehind(viewer, "people.registered.poverty", domain_test::Pair(kCountyPair), kPeriod, 1, 10);
  EXPECT_EQ(denied.status().code(), Code::kPermissionDenied);
  // The whole registry says nothing per person about poverty: open to the viewer, not logged.
  auto all = engine.RecordsBehind(viewer, "people.registered", domain_test::Pair(kCountyPair), kPeriod, 1, 10);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->total, 2);
  EXPECT_EQ(domain_test::AuditRows(db(), "sensitive_query"), 0);

  const Actor staff = domain_test::StaffIn("");
  auto behind = engine.RecordsBehind(staff, "people.registered.poverty", domain_test::Pair(kCountyPair), kPeriod, 1, 1);
  ASSERT_TRUE(behind.ok()) << behind.status().ToString();
  auto audit = db().Query("SELECT actor, detail FROM audit_log WHERE action = 'sensitive_query'");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->rows.size(), 1u);
  EXPECT_EQ(AsText(audit->rows[0][0]), staff.name);
  EXPECT_EQ(AsText(audit->rows[0][1]),
            "by=poverty_status indicator=people.registered.poverty poverty_status=lifted ids=" +
                std::to_string(behind->records.at(0).id) +
                " rows=1 total=2");
}

TEST(RevealGuardedFieldsIn, FindsTheSensitiveColumnsACatalogueConditionReads) {
  const LedgerDef& people = *FindLedger("people");
  EXPECT_EQ(RevealGuardedFieldsIn(people, "r.poverty_status_enc IS NOT NULL"), std::vector<std::string>{"poverty_status"});
  EXPECT_EQ(RevealGuardedFieldsIn(people, "r.mobile_hash IS NULL"), std::vector<std::string>{"mobile"});
  // A sensitive enum has no look-up hash column (FieldDef::HasLookupHash): the name reads nothing.
  EXPECT_TRUE(RevealGuardedFieldsIn(people, "r.poverty_status_hash = ?").empty());
  EXPECT_EQ(RevealGuardedFieldsIn(people, "r.birth_date < '1960-01-01' AND r.name <> ''"),
            std::vector<std::string>{"birth_date"});
  EXPECT_TRUE(RevealGuardedFieldsIn(people, "").empty());
  EXPECT_TRUE(RevealGuardedFieldsIn(people, "r.sexes = 1 AND r.region_code LIKE '52%'").empty());
}

TEST_P(IndicatorEngineTest, BadPairsAndPeriodsAreRefused) {
  IndicatorEngine engine(service());
  for (const std::string pair : {"440111", "440111-52272", "440111-999999", "440111-522700"})
    EXPECT_EQ(PairScope::Parse(pair).status().code(), Code::kInvalidArgument) << pair;
  EXPECT_EQ(engine.ComputeAll(Actor::System(), domain_test::Pair(kCountyPair), {"2020-06-30", "2020-01-01"}).status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(engine.ComputeAll(Actor::System(), domain_test::Pair(kCountyPair), {"2020-1-1", ""}).status().code(), Code::kInvalidArgument);
}

TEST_P(IndicatorEngineTest, TargetKeysMustNameAPublishedIndicator) {
  auto unknown = TryCreate("targets", kCountyPair,
                           {{"year", "2020"}, {"indicator_key", "leadership.banquets"}, {"target_value", "3"}});
  EXPECT_EQ(unknown.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(unknown.status(), "indicator_key")) << unknown.status().ToString();
  EXPECT_TRUE(TryCreate("targets", kCountyPair,
                        {{"year", "2020"}, {"indicator_key", "talent.training.professional.person_times"},
                         {"target_value", "10"}})
                  .ok());

  // The check on its own, for every indicator of the catalogue and a few near misses.
  const RecordCheck check = TargetKeyCheck();
  for (const IndicatorDef& d : IndicatorCatalogue()) {
    Record r;
    r.Set("indicator_key", d.key);
    std::vector<FieldError> errors;
    check(nullptr, r, errors);
    EXPECT_TRUE(errors.empty()) << d.key;
  }
  for (const std::string key : {"", "leadership", "leadership.visit_batches ", "LEADERSHIP.VISIT_BATCHES",
                                "leadership.visit_batches.poverty"}) {
    Record r;
    r.Set("indicator_key", key);
    std::vector<FieldError> errors;
    check(nullptr, r, errors);
    ASSERT_EQ(errors.size(), 1u) << "\"" << key << "\"";
    EXPECT_EQ(errors[0].field, "indicator_key");
    EXPECT_FALSE(errors[0].message_zh.empty());
    EXPECT_FALSE(errors[0].message_en.empty());
  }
}

// A target that is accepted must show in the report: no key may be accepted and then ignored.
TEST_P(IndicatorEngineTest, EveryAcceptedTargetKeyShowsItsTarget) {
  const RecordCheck check = TargetKeyCheck();
  std::set<std::string> accepted;
  for (const std::string& key : AllIndicatorKeys()) {
    Record r;
    r.Set("indicator_key", key);
    std::vector<FieldError> errors;
    check(nullptr, r, errors);
    if (errors.empty()) accepted.insert(key);
  }
  ASSERT_FALSE(accepted.empty());
  // Year 2021 has no targets yet; give every accepted key one.
  for (const std::string& key : accepted)
    ASSERT_NE(Add("targets", kCountyPair, {{"year", "2021"}, {"indicator_key", key}, {"target_value", "7"}}), 0) << key;
  std::set<std::string> shown;
  for (const auto& [key, v] : Compute(Actor::System(), kCountyPair, {"2021-01-01", "2021-12-31"}))
    if (v.target && *v.target == 7) shown.insert(key);
  for (const std::string& key : accepted) EXPECT_TRUE(shown.count(key)) << key << ": target accepted but never shown";
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorEngineTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

TEST(IndicatorCatalogue, KeysAreUniqueAndEveryIndicatorIsComputable) {
  std::set<std::string> keys;
  for (const std::string& key : AllIndicatorKeys()) EXPECT_TRUE(keys.insert(key).second) << key;
  for (const IndicatorDef& d : IndicatorCatalogue()) {
    EXPECT_FALSE(d.label_zh.empty()) << d.key;
    EXPECT_FALSE(d.definition_zh.empty()) << d.key;
    if (d.IsRate()) {
      EXPECT_NE(FindIndicator(d.numerator), nullptr) << d.key;
      EXPECT_NE(FindIndicator(d.denominator), nullptr) << d.key;
    } else {
      EXPECT_NE(FindLedger(d.ledger), nullptr) << d.key;
      EXPECT_EQ(d.aggregate.empty(), d.fold != nullptr) << d.key << ": an SQL aggregate or a fold, not both";
      EXPECT_EQ(d.columns.empty(), d.fold == nullptr) << d.key;
    }
    EXPECT_EQ(d.money, d.key.ends_with("_fen")) << d.key;
    // A sub-count says which records make it up, or its drill-down would list records adding nothing.
    if (!d.poverty_aggregate.empty() && d.poverty_aggregate != kRegistryPoverty) {
      EXPECT_FALSE(d.poverty_condition.empty()) << d.key;
    }
  }
}

// A sub-figure names the figure it is part of, in its group; standing alone every indicator's
// name (its labels with that figure's) is unique in both languages, as sheets look names up.
TEST(IndicatorCatalogue, SubFiguresNameTheirWholeAndFullNamesAreUnique) {
  std::set<std::string> zh, en;
  int parts = 0;
  for (const IndicatorDef& d : IndicatorCatalogue()) {
    if (!d.part_of.empty()) {
      const IndicatorDef* whole = FindIndicator(d.part_of);
      ASSERT_NE(whole, nullptr) << d.key;
      EXPECT_EQ(whole->group, d.group) << d.key;
      EXPECT_TRUE(whole->part_of.empty()) << d.key;
      EXPECT_EQ(FullLabelZh(d), whole->label_zh + "·" + d.label_zh);
      ++parts;
    } else {
      EXPECT_EQ(FullLabelZh(d), d.label_zh);
      // A label that reads only beside its whole must say which one it is part of.
      EXPECT_FALSE(d.label_zh.starts_with("其中")) << d.key;
      EXPECT_FALSE(d.label_en.starts_with("Of which")) << d.key;
    }
    // Sentence case, as a table row or a card is headed by it ("Of which towns/streets").
    ASSERT_FALSE(d.label_en.empty()) << d.key;
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(d.label_en[0]))) << d.key << ": " << d.label_en;
    EXPECT_TRUE(zh.insert(FullLabelZh(d)).second) << d.key;
    EXPECT_TRUE(en.insert(FullLabelEn(d)).second) << d.key;
  }
  EXPECT_GE(parts, 3);
  EXPECT_EQ(FindIndicator("pairing.helper_units.town")->label_en, "Of which towns/streets");
  EXPECT_EQ(FullLabelEn(*FindIndicator("pairing.helper_units.town")),
            "Helper units paired with villages, of which towns/streets");
}

TEST(IndicatorCatalogue, HeadlineFiguresAreNumberedOneByOne) {
  std::vector<int> places;
  for (const IndicatorDef& d : IndicatorCatalogue())
    if (d.headline > 0) places.push_back(d.headline);
  std::sort(places.begin(), places.end());
  ASSERT_FALSE(places.empty());
  for (size_t i = 0; i < places.size(); ++i) EXPECT_EQ(places[i], static_cast<int>(i) + 1);
}

}  // namespace
}  // namespace shanhai
