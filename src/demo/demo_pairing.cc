// Units and pairings: 9 towns/streets + 19 enterprises/associations/social organisations +
// 1 village of Baiyun paired with 24 deep-poverty villages of Pingtang (aid 1,033.98万元);
// 77 Pingtang schools paired with 32 Guangzhou schools; 21 Pingtang medical institutions with
// 11 Baiyun ones. Towns and villages are real (region catalogue); which villages are deep-
// poverty ones, and the schools' and enterprises' names, are demonstration data.
#include "demo/demo_writer.h"
#include "regions/region_catalog.h"
#include "regions/region_names.h"

namespace shanhai::demo {

std::vector<const Region*> PingtangVillages(size_t count) {
  const RegionCatalog& regions = RegionCatalog::Embedded();
  std::vector<const Region*> out;
  if (const Region* jiaba = regions.Find("522727200205")) out.push_back(jiaba);
  for (size_t round = 0; out.size() < count && round < 10; ++round) {
    for (const Region* town : regions.Children("522727")) {
      std::vector<const Region*> villages = regions.Children(town->code);
      if (round < villages.size() && villages[round]->code != "522727200205" && out.size() < count)
        out.push_back(villages[round]);
    }
  }
  return out;
}

namespace {

struct Unit {
  std::string name, kind;
};

Result<int64_t> AddUnit(DemoWriter& w, const std::string& name, const std::string& side, const std::string& kind,
                        const std::string& region, bool deep_poverty = false) {
  return w.Add("units", kCountyPair,
               {{"name", name}, {"side", side}, {"kind", kind}, {"region_code", region},
                {"deep_poverty", deep_poverty ? "1" : "0"}});
}

Status Pair(DemoWriter& w, int64_t helper, int64_t helped, const char* level, const std::string& date) {
  return w.Add("pairings", kCountyPair,
               {{"helper_unit_id", std::to_string(helper)}, {"helped_unit_id", std::to_string(helped)},
                {"level", level}, {"established_date", date}})
      .status();
}

Status AddVillagePairings(DemoWriter& w) {
  const RegionCatalog& regions = RegionCatalog::Embedded();
  std::vector<int64_t> villages;
  for (const Region* v : PingtangVillages(24)) {
    SH_ASSIGN_OR_RETURN(int64_t id, AddUnit(w, RegionCommonName(v->name), "helped", "village", std::string(v->code), true));
    villages.push_back(id);
  }
  struct Helper {
    int64_t id;
    const char* level;
  };
  std::vector<Helper> helpers;
  const std::vector<const Region*> towns = regions.Children("440111");
  for (size_t i = 0; i < 9 && i < towns.size(); ++i) {
    const std::string name(towns[i]->name);
    SH_ASSIGN_OR_RETURN(int64_t id, AddUnit(w, name, "helper", name.ends_with("镇") ? "town" : "street",
                                            std::string(towns[i]->code)));
    helpers.push_back({id, "town_village"});
  }
  SH_ASSIGN_OR_RETURN(int64_t chamber, AddUnit(w, "广州石门街商会", "helper", "association", "440111"));
  helpers.push_back({chamber, "enterprise_village"});
  for (int i = 1; i <= 15; ++i) {
    SH_ASSIGN_OR_RETURN(int64_t id, AddUnit(w, "白云区结对企业" + TwoDigits(i), "helper", "enterprise", "440111"));
    helpers.push_back({id, "enterprise_village"});
  }
  for (int i = 1; i <= 3; ++i) {
    SH_ASSIGN_OR_RETURN(int64_t id, AddUnit(w, "白云区结对社会组织" + TwoDigits(i), "helper", "social_org", "440111"));
    helpers.push_back({id, "social_org_village"});
  }
  const std::vector<const Region*> baiyun_villages = regions.Children(towns.back()->code);
  SH_ASSIGN_OR_RETURN(int64_t village, AddUnit(w, RegionCommonName(baiyun_villages.front()->name), "helper", "village",
                                               std::string(baiyun_villages.front()->code)));
  helpers.push_back({village, "village_village"});

  // 29 helpers, 24 villages: the first 24 one-to-one, the other five join a village that
  // already has a helper (many-to-one). Aid: 28 × 35万元 + 53.98万元 = 1,033.98万元.
  for (size_t i = 0; i < helpers.size(); ++i) {
    const int64_t helped = villages[i % villages.size()];
    const std::string date = std::to_string(2016 + static_cast<int>(i % 4)) + "-0" + std::to_string(3 + i % 6) + "-15";
    SH_RETURN_IF_ERROR(Pair(w, helpers[i].id, helped, helpers[i].level, date));
    const std::string fen = i + 1 < helpers.size() ? "35000000" : "53980000";
    SH_RETURN_IF_ERROR(w.Add("funds", kCountyPair,
                             {{"title", "结对帮扶资金"}, {"kind", "social"}, {"direction", "to_helped"},
                              {"amount_fen", fen}, {"paid_fen", fen},
                              {"fund_date", std::to_string(2017 + static_cast<int>(i % 4)) + "-06-30"},
                              {"helper_unit_id", std::to_string(helpers[i].id)},
                              {"helped_unit_id", std::to_string(helped)}, {"note", kDemoNote}})
                           .status());
  }
  return Status::Ok();
}

Status AddInstitutionPairings(DemoWriter& w) {
  const RegionCatalog& regions = RegionCatalog::Embedded();
  // Schools: 77 in Pingtang (平塘县第四中学 among them) with 32 of Guangzhou's, those in 白云区 (a
  // unit of a pair lies within one of its sides).
  std::vector<int64_t> helper_schools;
  for (int i = 1; i <= 32; ++i) {
    SH_ASSIGN_OR_RETURN(int64_t id, AddUnit(w, "广州市结对学校" + TwoDigits(i), "helper", "school", "440111"));
    helper_schools.push_back(id);
  }
  for (int i = 0; i < 77; ++i) {
    const std::string name = i == 0 ? "平塘县第四中学" : "平塘县结对学校" + TwoDigits(i);
    SH_ASSIGN_OR_RETURN(int64_t id, AddUnit(w, name, "helped", "school", "522727"));
    SH_RETURN_IF_ERROR(Pair(w, helper_schools[i % 32], id, "school_school", "2018-09-01"));
  }
  // Medical: 21 Pingtang institutions (the county hospital, then one health centre per town)
  // with 11 Baiyun district hospitals.
  std::vector<int64_t> helper_hospitals;
  for (int i = 1; i <= 11; ++i) {
    SH_ASSIGN_OR_RETURN(int64_t id, AddUnit(w, "白云区属公立医疗机构" + TwoDigits(i), "helper", "hospital", "440111"));
    helper_hospitals.push_back(id);
  }
  std::vector<std::string> helped = {"平塘县人民医院", "平塘县中医院", "平塘县妇幼保健院"};
  for (const Region* town : regions.Children("522727")) helped.push_back(std::string(town->name) + "卫生院");
  for (int i = 0; helped.size() < 21; ++i) helped.push_back("平塘县结对医疗机构" + TwoDigits(i + 1));
  for (size_t i = 0; i < 21; ++i) {
    SH_ASSIGN_OR_RETURN(int64_t id, AddUnit(w, helped[i], "helped", "hospital", "522727"));
    SH_RETURN_IF_ERROR(Pair(w, helper_hospitals[i % 11], id, "hospital_hospital", "2018-03-01"));
  }
  return Status::Ok();
}

}  // namespace

Status AddPairing(DemoWriter& w) {
  SH_RETURN_IF_ERROR(AddVillagePairings(w));
  return AddInstitutionPairings(w);
}

}  // namespace shanhai::demo
