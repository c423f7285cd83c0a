#include "domain/pairing/pairing_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

std::string PairCode(std::string_view helper_region, std::string_view helped_region) {
  return std::string(helper_region) + "-" + std::string(helped_region);
}

std::string RegionLevelOf(std::string_view code6) {
  if (code6.size() == 6 && code6.substr(2) == "0000") return "province";
  if (code6.size() == 6 && code6.substr(4) == "00") return "city";
  return "county";
}

const LedgerDef& PairsLedger() {
  static const LedgerDef def{
      .name = "pairs", .module = "pairing", .label_zh = "帮扶关系", .label_en = "Pairs",
      .fields = {
          Region("helper_region", "帮扶方", "Helper region").Required().PairSide().Hint("如 广州市白云区 或 440111"),
          Region("helped_region", "受帮扶方", "Helped region").Required().PairSide().Hint("如 黔南州平塘县 或 522727"),
          Text("name", "名称", "Name").MaxChars(kMaxNameChars).Searchable(),
          Date("established_date", "建立日期", "Established on"),
          Text("code", "帮扶关系代码", "Pair code").Computed().MadeOf({"helper_region", "helped_region"}),
          Enum("level", "层级", "Level",
               {{"province", "省级", "province"}, {"city", "市级", "city"}, {"county", "县级", "county"}}).Computed()},
      .natural_key = "code",
      .pair_scoped = false,
      .check = [](const Record*, const Record& r, std::vector<FieldError>& errors) {
        const Value* helper = r.Get("helper_region");
        const Value* helped = r.Get("helped_region");
        if (helper && helped && RegionLevelOf(AsText(*helper)) != RegionLevelOf(AsText(*helped)))
          errors.push_back({0, "helped_region", "帮扶双方应为同一层级（省对省、市对市、县对县）",
                            "both sides of a pair must be of the same level"});
        if (helper && helped && AsText(*helper).substr(0, 2) == AsText(*helped).substr(0, 2))
          errors.push_back({0, "helped_region", "东西部协作双方应位于不同省份",
                            "the two sides must be in different provinces"});
      },
      .derive = [](Record& r) {
        const std::string helper = r.Get("helper_region") ? AsText(*r.Get("helper_region")) : "";
        const std::string helped = r.Get("helped_region") ? AsText(*r.Get("helped_region")) : "";
        r.Set("code", PairCode(helper, helped));
        r.Set("level", RegionLevelOf(helper));
      },
      .shared_reference = true};
  return def;
}

const LedgerDef& UnitsLedger() {
  static const LedgerDef def{
      .name = "units", .module = "pairing", .label_zh = "结对单位", .label_en = "Units",
      .fields = {
          Text("name", "单位名称", "Name").MaxChars(kMaxNameChars).Required().Searchable().Hint("同一帮扶关系内唯一"),
          Enum("side", "所属方", "Side",
               {{"helper", "帮扶方", "helper side"}, {"helped", "受帮扶方", "helped side"}}).Required(),
          Enum("kind", "单位类型", "Kind",
               // With the words offices write for each (a town's 乡, a village's 村委会).
               {{"town", "镇（乡）", "town", {"乡", "乡镇", "民族乡", "township"}},
                {"street", "街道", "street", {"街道办", "街道办事处", "subdistrict"}},
                {"village", "村（社区）", "village",
                 {"村委会", "村民委员会", "居委会", "居民委员会", "社区", "行政村", "community"}},
                {"enterprise", "企业", "enterprise", {"公司", "company"}},
                {"association", "协会/商会", "association", {"协会", "商会"}},
                {"social_org", "社会组织", "social organisation", {"社会团体", "社团", "基金会"}},
                {"school", "学校", "school", {"小学", "中学", "幼儿园"}},
                {"hospital", "医疗机构", "medical institution", {"医院", "卫生院"}},
                {"government", "党政机关/部门", "government body", {"党政机关", "政府部门", "机关"}},
                {"other", "其他", "other"}}).Required(),
          Region("region_code", "所在地", "Region").Hint("县、乡镇或村"),
          CreditCode("credit_code", "统一社会信用代码", "Unified social credit code"),
          Bool("deep_poverty", "深度贫困村", "Deep-poverty village").Hint("仅村填写：是/否"),
          Text("note", "备注", "Note")},
      .natural_key = "name",
      .check = [](const Record*, const Record& r, std::vector<FieldError>& errors) {
        const Value* kind = r.Get("kind");
        const Value* deep = r.Get("deep_poverty");
        if (deep && AsInt(*deep) != 0 && kind && AsText(*kind) != "village")
          errors.push_back({0, "deep_poverty", "只有村可以标记为深度贫困村",
                            "only a village can be marked deep-poverty"});
      },
      // An organisation's own account sees its own record only.
      .owner_field = "id",
      // A pairing, a fund lies where its units are (record_placement.h).
      .places_referrers = true};
  return def;
}

const LedgerDef& PairingsLedger() {
  static const LedgerDef def{
      .name = "pairings", .module = "pairing", .label_zh = "结对帮扶", .label_en = "Pairings",
      .fields = {
          Ref("helper_unit_id", "帮扶单位", "Helper unit", "units").Required().Hint("填写结对单位名称"),
          Ref("helped_unit_id", "受帮扶单位", "Helped unit", "units").Required().Hint("填写结对单位名称"),
          Enum("level", "结对层级", "Pairing level",
               {{"county_county", "县–县", "county–county"},
                {"town_town", "镇–镇", "town–town"},
                {"town_village", "镇（街）–村", "town–village"},
                {"village_village", "村–村", "village–village"},
                {"school_school", "校–校", "school–school"},
                {"hospital_hospital", "院–院", "hospital–hospital"},
                {"enterprise_village", "企–村", "enterprise–village"},
                {"social_org_village", "社会组织–村", "social organisation–village"}}).Required(),
          Date("established_date", "结对日期", "Paired on").Required(),
          Text("note", "备注", "Note")},
      .date_field = "established_date",
      .check = [](const Record*, const Record& r, std::vector<FieldError>& errors) {
        const Value* a = r.Get("helper_unit_id");
        const Value* b = r.Get("helped_unit_id");
        if (a && b && AsInt(*a) != 0 && AsInt(*a) == AsInt(*b))
          errors.push_back({0, "helped_unit_id", "单位不能与自己结对", "a unit cannot be paired with itself"});
      }};
  return def;
}

}  // namespace shanhai
