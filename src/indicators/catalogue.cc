#include "indicators/indicator_def.h"

#include <cctype>
#include <unordered_map>

#include "common/text.h"

namespace shanhai {

const std::vector<IndicatorDef>& IndicatorCatalogue() {
  static const std::vector<IndicatorDef> all = [] {
    std::vector<IndicatorDef> out;
    for (auto part : {LeadershipIndicators, TalentIndicators, FundsIndicators, PairingIndicators, NeedsIndicators,
                      ProjectsIndicators, InvestmentIndicators, LaborIndicators, PeopleIndicators}) {
      for (IndicatorDef& d : part()) out.push_back(std::move(d));
    }
    return out;
  }();
  return all;
}

const IndicatorDef* FindIndicator(const std::string& key) {
  for (const IndicatorDef& d : IndicatorCatalogue())
    if (d.key == key) return &d;
  return nullptr;
}

std::vector<std::string> AllIndicatorKeys() {
  std::vector<std::string> keys;
  for (const IndicatorDef& d : IndicatorCatalogue()) {
    keys.push_back(d.key);
    if (d.HasPoverty()) keys.push_back(d.key + ".poverty");
  }
  return keys;
}

std::string FullLabelZh(const IndicatorDef& def) {
  const IndicatorDef* whole = def.part_of.empty() ? nullptr : FindIndicator(def.part_of);
  return whole ? whole->label_zh + "·" + def.label_zh : def.label_zh;
}

std::string FullLabelEn(const IndicatorDef& def) {
  const IndicatorDef* whole = def.part_of.empty() ? nullptr : FindIndicator(def.part_of);
  if (!whole) return def.label_en;
  // A label is in sentence case ("Of which towns/streets"); after its whole's it goes on the sentence.
  std::string part = def.label_en;
  if (!part.empty()) part[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(part[0])));
  return whole->label_en + ", " + part;
}

const IndicatorDef* FindIndicatorNamed(const std::string& name) {
  // Every name normalised once (a targets sheet asks for every row): the first indicator in
  // catalogue order that a name belongs to keeps it.
  static const std::unordered_map<std::string, const IndicatorDef*> by_name = [] {
    std::unordered_map<std::string, const IndicatorDef*> out;
    for (const IndicatorDef& def : IndicatorCatalogue())
      for (const std::string& label : {FullLabelZh(def), FullLabelEn(def), def.label_zh, def.label_en})
        out.emplace(NormalizeInputLossy(label), &def);
    return out;
  }();
  auto it = by_name.find(NormalizeInputLossy(name));
  return it == by_name.end() ? nullptr : it->second;
}

const char* GroupLabelZh(IndicatorGroup group) {
  switch (group) {
    case IndicatorGroup::kLeadership: return "两方力量·组织领导";
    case IndicatorGroup::kTalent: return "两方力量·人才交流";
    case IndicatorGroup::kFunds: return "资金支持";
    case IndicatorGroup::kPairing: return "两种模式·结对帮扶";
    case IndicatorGroup::kNeeds: return "两种模式·订单式帮扶";
    case IndicatorGroup::kProjects: return "两种模式·组团式项目";
    case IndicatorGroup::kInvestment: return "三个重点·招商引资";
    case IndicatorGroup::kLabor: return "三个重点·劳务协作";
    case IndicatorGroup::kPeople: return "人员库";
  }
  return "";
}

const char* GroupKey(IndicatorGroup group) {
  switch (group) {
    case IndicatorGroup::kLeadership: return "leadership";
    case IndicatorGroup::kTalent: return "talent";
    case IndicatorGroup::kFunds: return "funds";
    case IndicatorGroup::kPairing: return "pairing";
    case IndicatorGroup::kNeeds: return "needs";
    case IndicatorGroup::kProjects: return "projects";
    case IndicatorGroup::kInvestment: return "investment";
    case IndicatorGroup::kLabor: return "labor";
    case IndicatorGroup::kPeople: return "people";
  }
  return "";
}

}  // namespace shanhai
