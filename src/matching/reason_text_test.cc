#include "matching/reason_text.h"

#include <gtest/gtest.h>


namespace shanhai::matching {
namespace {

// The names a caller with the regions registry would give.
class RegistryNames final : public MatchNames {
 public:
  std::string CityName(uint32_t city) const override { return city == 4401 ? "广州市" : ""; }
  std::string ProvinceName(uint32_t province) const override { return province == 44 ? "广东省" : ""; }
  std::string OccupationName(OccupationCode code) const override { return code == 6310103 ? "车工" : ""; }
};

ReasonText Words(ReasonKind kind, int64_t value, PovertyVisibility poverty = PovertyVisibility::kHidden) {
  return DescribeReason({kind, 1, value}, RegistryNames(), poverty).value();
}

TEST(ReasonText, WageAgainstExpectationBothWays) {
  EXPECT_EQ(Words(ReasonKind::kWage, 12), (ReasonText{"月薪比期望高12%", "wage 12% above expectation"}));
  EXPECT_EQ(Words(ReasonKind::kWage, -5), (ReasonText{"月薪比期望低5%", "wage 5% below expectation"}));
  EXPECT_EQ(Words(ReasonKind::kWage, 0).zh, "月薪与期望持平");
}

TEST(ReasonText, MealsAndLodging) {
  EXPECT_EQ(Words(ReasonKind::kBoardAndLodging, 0), (ReasonText{"包吃住", "board and lodging"}));
  EXPECT_EQ(Words(ReasonKind::kBoard, 0).zh, "包吃");
  EXPECT_EQ(Words(ReasonKind::kLodging, 0).zh, "包住");
}

TEST(ReasonText, FellowVillagersCountedInWords) {
  EXPECT_EQ(Words(ReasonKind::kFellowVillagers, 3),
            (ReasonText{"同村3人在此就业", "3 people from the same village work here"}));
  EXPECT_EQ(Words(ReasonKind::kFellowVillagers, 1).en, "1 person from the same village works here");
}

TEST(ReasonText, NamesComeFromTheCallerAndCodesOnlyWhenUnknown) {
  EXPECT_EQ(Words(ReasonKind::kPreferredCity, 4401), (ReasonText{"在期望城市：广州市", "in a preferred city: 广州市"}));
  EXPECT_EQ(Words(ReasonKind::kPreferredProvince, 44).zh, "在期望省份：广东省");
  EXPECT_EQ(Words(ReasonKind::kExactSkill, 6310103), (ReasonText{"技能对口：车工", "skill matches: 车工"}));
  EXPECT_EQ(Words(ReasonKind::kPreferredCity, 3301).zh, "在期望城市：3301");
  EXPECT_EQ(Words(ReasonKind::kSkillGroup, 6).zh, "技能相近：同属生产制造及有关人员");
}

TEST(ReasonText, DistanceBand) {
  EXPECT_EQ(Words(ReasonKind::kDistanceBand, int64_t(Band::kInCounty)).zh, "县内就业，离家近");
  EXPECT_EQ(Words(ReasonKind::kDistanceBand, int64_t(Band::kInProvince)).en, "in the home province");
}

TEST(ReasonText, PovertyStatusOnlyForViewersWhoMaySeeIt) {
  const Reason priority{ReasonKind::kPriority, 10, int64_t(Household::kPovertyLifted)};
  EXPECT_FALSE(DescribeReason(priority, RegistryNames(), PovertyVisibility::kHidden).has_value());
  EXPECT_EQ(DescribeReason(priority, RegistryNames(), PovertyVisibility::kVisible)->zh, "脱贫户优先");
  EXPECT_EQ(Words(ReasonKind::kPriority, int64_t(Household::kMonitored), PovertyVisibility::kVisible).zh,
            "监测对象优先");
  const std::vector<Reason> reasons = {{ReasonKind::kWage, 12, 12}, priority, {ReasonKind::kBoardAndLodging, 10, 0}};
  const std::vector<ReasonText> employer = DescribeReasons(reasons, RegistryNames(), PovertyVisibility::kHidden);
  ASSERT_EQ(employer.size(), 2u);
  EXPECT_EQ(employer[0].zh, "月薪比期望高12%");
  EXPECT_EQ(employer[1].zh, "包吃住");
  EXPECT_EQ(DescribeReasons(reasons, RegistryNames(), PovertyVisibility::kVisible).size(), 3u);
}

}  // namespace
}  // namespace shanhai::matching
