// 结对帮扶 / 携手奔小康: units paired with villages, deep-poverty villages, aid through
// pairings, school and hospital pairings (组团式), and pairings by level.
//
// A unit counts on a side through its pairing (not its address), so these count distinct
// unit ids in pairings of the pair's records, whatever the unit's own region.
#include <cctype>

#include "domain/pairing/pairing_ledgers.h"
#include "indicators/indicator_def.h"

namespace shanhai {

namespace {

// Pairings whose helped unit is a village (镇–村, 村–村, 企–村, 社会组织–村 …).
constexpr const char* kToVillage = "r.helped_unit_id IN (SELECT u.id FROM units u WHERE u.kind = 'village')";

std::string HelperKindIn(const char* kinds) {
  return std::string(kToVillage) + " AND r.helper_unit_id IN (SELECT u.id FROM units u WHERE u.kind IN (" + kinds + "))";
}

constexpr const char* kHelperUnits = "pairing.helper_units";

// "town–village" → "Town–village": an option's English label heading a figure's.
std::string SentenceCase(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

IndicatorDef DistinctUnits(std::string key, std::string zh, std::string en, std::string unit, std::string definition,
                           const char* column, std::string condition, int headline = 0) {
  return {.key = std::move(key), .group = IndicatorGroup::kPairing, .label_zh = std::move(zh), .label_en = std::move(en),
          .unit_zh = std::move(unit), .definition_zh = std::move(definition), .ledger = "pairings",
          .aggregate = std::string("COUNT(DISTINCT r.") + column + ")", .condition = std::move(condition),
          .headline = headline};
}

// One kind of the helper units (其中镇街 …), named with them where it stands alone.
IndicatorDef HelperUnitsOfKind(std::string key, std::string zh, std::string en, std::string definition,
                               const char* kinds) {
  IndicatorDef def = DistinctUnits(std::move(key), std::move(zh), std::move(en), "个", std::move(definition),
                                   "helper_unit_id", HelperKindIn(kinds));
  def.part_of = kHelperUnits;
  return def;
}

}  // namespace

std::vector<IndicatorDef> PairingIndicators() {
  std::vector<IndicatorDef> out = {
      DistinctUnits(kHelperUnits, "与村结对的帮扶单位", "Helper units paired with villages", "个",
                    "期间内与受帮扶方村结成帮扶对子的帮扶方单位（镇街、企业、协会、社会组织、村等）个数，同一单位只计一次。",
                    "helper_unit_id", kToVillage, 7),
      HelperUnitsOfKind("pairing.helper_units.town", "其中镇街", "Of which towns/streets",
                        "上述帮扶单位中类型为镇或街道的个数。", "'town', 'street'"),
      HelperUnitsOfKind("pairing.helper_units.enterprise", "其中企业（含协会、社会组织）", "Of which enterprises",
                        "上述帮扶单位中类型为企业、协会/商会、社会组织的个数。", "'enterprise', 'association', 'social_org'"),
      HelperUnitsOfKind("pairing.helper_units.village", "其中村", "Of which villages", "上述帮扶单位中类型为村的个数。",
                        "'village'"),
      DistinctUnits("pairing.helped_deep_poverty_villages", "结对帮扶的深度贫困村", "Deep-poverty villages paired", "个",
                    "期间内与帮扶方单位结对的受帮扶方深度贫困村个数，同一村只计一次。", "helped_unit_id",
                    "r.helped_unit_id IN (SELECT u.id FROM units u WHERE u.kind = 'village' AND u.deep_poverty = 1)", 8),
      DistinctUnits("pairing.schools.helped", "结对学校（受帮扶方）", "Schools paired (helped side)", "所",
                    "期间内建立“校–校”结对的受帮扶方学校个数。", "helped_unit_id", "r.level = 'school_school'"),
      DistinctUnits("pairing.schools.helper", "结对学校（帮扶方）", "Schools paired (helper side)", "所",
                    "期间内建立“校–校”结对的帮扶方学校个数。", "helper_unit_id", "r.level = 'school_school'"),
      DistinctUnits("pairing.medical.helped", "结对医疗机构（受帮扶方）", "Medical institutions paired (helped side)", "家",
                    "期间内建立“院–院”结对的受帮扶方医疗机构个数。", "helped_unit_id", "r.level = 'hospital_hospital'"),
      DistinctUnits("pairing.medical.helper", "结对医疗机构（帮扶方）", "Medical institutions paired (helper side)", "家",
                    "期间内建立“院–院”结对的帮扶方医疗机构个数。", "helper_unit_id", "r.level = 'hospital_hospital'"),
      {.key = "pairing.aid_fen", .group = IndicatorGroup::kPairing, .label_zh = "结对帮扶援助资金",
       .label_en = "Aid given through pairings", .unit_zh = "元",
       .definition_zh = "期间内经结对关系由帮扶单位给予受帮扶单位的社会帮扶资金（资金台账中同时填写出资单位和受援单位的社会帮扶资金）。",
       .ledger = "funds", .aggregate = "COALESCE(SUM(r.amount_fen), 0)",
       .condition = "r.kind = 'social' AND r.helper_unit_id IS NOT NULL AND r.helped_unit_id IS NOT NULL", .money = true},
  };
  // One figure per level the pairings ledger declares, named by the option's label.
  for (const EnumOption& level : PairingsLedger().Field("level")->options) {
    out.push_back({.key = "pairing.by_level." + level.code, .group = IndicatorGroup::kPairing,
                   .label_zh = level.label_zh + "结对", .label_en = SentenceCase(level.label_en) + " pairings",
                   .unit_zh = "对", .definition_zh = "期间内建立的“" + level.label_zh + "”结对数。",
                   .ledger = "pairings", .aggregate = "COUNT(*)",
                   .condition = std::string("r.level = '") + level.code + "'"});
  }
  return out;
}

}  // namespace shanhai
