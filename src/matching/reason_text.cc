#include "matching/reason_text.h"

#include <fmt/format.h>

#include <array>

namespace shanhai::matching {
namespace {

// The eight major groups of 《中华人民共和国职业分类大典》 (2015), by their number.
struct GroupName {
  const char* zh;
  const char* en;
};
constexpr std::array<GroupName, 8> kMajorGroups = {{
    {"单位负责人", "heads of organisations"},
    {"专业技术人员", "professional and technical staff"},
    {"办事人员和有关人员", "clerical and related staff"},
    {"社会生产服务和生活服务人员", "production and personal service workers"},
    {"农、林、牧、渔业生产及辅助人员", "farming, forestry, animal husbandry and fishery workers"},
    {"生产制造及有关人员", "production and manufacturing workers"},
    {"军人", "armed forces"},
    {"不便分类的其他从业人员", "other workers"},
}};

std::string OrCode(std::string name, int64_t code) { return name.empty() ? std::to_string(code) : name; }

ReasonText Wage(int64_t percent) {
  if (percent > 0) return {fmt::format("月薪比期望高{}%", percent), fmt::format("wage {}% above expectation", percent)};
  if (percent < 0)
    return {fmt::format("月薪比期望低{}%", -percent), fmt::format("wage {}% below expectation", -percent)};
  return {"月薪与期望持平", "wage as expected"};
}

ReasonText SkillGroup(int64_t group) {
  if (group < 1 || group > int64_t(kMajorGroups.size()))
    return {fmt::format("技能相近：同属第{}大类", group), fmt::format("related skills: same major group {}", group)};
  const GroupName& name = kMajorGroups[size_t(group - 1)];
  return {fmt::format("技能相近：同属{}", name.zh), fmt::format("related skills: both {}", name.en)};
}

ReasonText Fellows(int64_t people) {
  return {fmt::format("同村{}人在此就业", people),
          people == 1 ? std::string("1 person from the same village works here")
                      : fmt::format("{} people from the same village work here", people)};
}

ReasonText DistanceBand(int64_t band) {
  if (band == int64_t(Band::kInCounty)) return {"县内就业，离家近", "in the home county, close to home"};
  return {"省内就业", "in the home province"};
}

ReasonText Priority(int64_t household) {
  if (household == int64_t(Household::kMonitored)) return {"监测对象优先", "priority: household under monitoring"};
  return {"脱贫户优先", "priority: household lifted out of poverty"};
}

}  // namespace

std::optional<ReasonText> DescribeReason(const Reason& reason, const MatchNames& names, PovertyVisibility poverty) {
  switch (reason.kind) {
    case ReasonKind::kWage: return Wage(reason.value);
    case ReasonKind::kExactSkill: {
      const std::string name = OrCode(names.OccupationName(OccupationCode(reason.value)), reason.value);
      return ReasonText{"技能对口：" + name, "skill matches: " + name};
    }
    case ReasonKind::kSkillGroup: return SkillGroup(reason.value);
    case ReasonKind::kBoardAndLodging: return ReasonText{"包吃住", "board and lodging"};
    case ReasonKind::kBoard: return ReasonText{"包吃", "meals provided"};
    case ReasonKind::kLodging: return ReasonText{"包住", "lodging provided"};
    case ReasonKind::kPreferredCity: {
      const std::string name = OrCode(names.CityName(uint32_t(reason.value)), reason.value);
      return ReasonText{"在期望城市：" + name, "in a preferred city: " + name};
    }
    case ReasonKind::kPreferredProvince: {
      const std::string name = OrCode(names.ProvinceName(uint32_t(reason.value)), reason.value);
      return ReasonText{"在期望省份：" + name, "in a preferred province: " + name};
    }
    case ReasonKind::kDistanceBand: return DistanceBand(reason.value);
    case ReasonKind::kFellowVillagers: return Fellows(reason.value);
    case ReasonKind::kPriority:
      if (poverty != PovertyVisibility::kVisible) return std::nullopt;
      return Priority(reason.value);
  }
  return std::nullopt;
}

std::vector<ReasonText> DescribeReasons(const std::vector<Reason>& reasons, const MatchNames& names,
                                        PovertyVisibility poverty) {
  std::vector<ReasonText> out;
  for (const Reason& reason : reasons)
    if (std::optional<ReasonText> text = DescribeReason(reason, names, poverty)) out.push_back(std::move(*text));
  return out;
}

}  // namespace shanhai::matching
