// Occupation codes of 《职业分类大典》: the forms taken, the major groups that exist, each refusal.
#include "domain/labor/occupation_code.h"

#include <gtest/gtest.h>

namespace shanhai::labor {
namespace {

std::string Why(std::string_view code) {
  Result<uint32_t> r = ParseOccupationCode(code);
  EXPECT_FALSE(r.ok()) << code;
  EXPECT_NE(r.status().message_zh().find(std::string(code)), std::string::npos) << "the error names the code";
  return r.ok() ? "" : r.status().message_en();
}

TEST(OccupationCode, TakesTheFullCodeOrTheMinorGroup) {
  EXPECT_EQ(ParseOccupationCode("6-31-01-03").value(), 6310103u);
  EXPECT_EQ(ParseOccupationCode("6-31-01").value(), 6310100u);
  EXPECT_EQ(ParseOccupationCode(" ６－３１－０１－０３ ").value(), 6310103u) << "full-width, as typed in Chinese input";
  EXPECT_EQ(ParseOccupationCode("8-00-00").value(), 8000000u) << "group 8 has nothing below it";
}

TEST(OccupationCode, MajorGroupsOneToEightExistWithTheirNames) {
  EXPECT_EQ(MajorGroupName(2), "专业技术人员");
  EXPECT_EQ(MajorGroupName(6), "生产制造及有关人员");
  EXPECT_EQ(MajorGroupName(8), "不便分类的其他从业人员");
  EXPECT_EQ(MajorGroupName(0), "");
  EXPECT_EQ(MajorGroupName(9), "");
  for (int major = 1; major <= 7; ++major)
    EXPECT_TRUE(ParseOccupationCode(std::to_string(major) + "-01-01").ok()) << major;
  EXPECT_NE(Why("9-01-01").find("major group 1–8"), std::string::npos);
  EXPECT_NE(Why("0-01-01").find("major group 1–8"), std::string::npos);
}

TEST(OccupationCode, RefusesMalformedCodes) {
  EXPECT_NE(Why("6-31").find("incomplete"), std::string::npos);
  EXPECT_NE(Why("6").find("incomplete"), std::string::npos);
  EXPECT_NE(Why("6-31-01-03-01").find("too many"), std::string::npos);
  EXPECT_NE(Why("6-3-01").find("two digits"), std::string::npos);
  EXPECT_NE(Why("6-31-0A").find("two digits"), std::string::npos);
  EXPECT_NE(Why("6-00-01").find("group 00"), std::string::npos);
  EXPECT_NE(Why("8-01-00").find("no subdivisions"), std::string::npos);
  EXPECT_NE(Why("63101").find("incomplete"), std::string::npos);
}

TEST(OccupationList, SplitsAtChineseAndAsciiSeparators) {
  EXPECT_EQ(ParseOccupationList("6-31-01-03；4-01-02, 2-02-07-01").value(),
            (std::vector<uint32_t>{6310103, 4010200, 2020701}));
  EXPECT_EQ(ParseOccupationList("6-31-01，；").value(), std::vector<uint32_t>{6310100}) << "blank items are ignored";
  Result<std::vector<uint32_t>> bad = ParseOccupationList("6-31-01-03；9-99-99");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message_zh().find("9-99-99"), std::string::npos) << "the bad code is named";
}

}  // namespace
}  // namespace shanhai::labor
