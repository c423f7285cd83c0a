#include "domain/pairing/pair_name.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

// 广州市白云区—黔南州平塘县, 广州市白云区—黔南州三都县 and 广州市天河区—黔南州平塘县.
const std::vector<std::string> kPairs = {"440111-522727", "440111-522732", "440106-522727"};

std::string CodeNamed(std::string_view typed, const std::vector<std::string>& pairs = kPairs) {
  Result<std::string> code = PairCodeNamed(RegionCatalog::Embedded(), pairs, typed);
  return code.ok() ? *code : code.status().ToString();
}

TEST(PairCodeNamed, ACodeIsTakenAsTyped) {
  EXPECT_EQ(CodeNamed("440111-522727"), "440111-522727");
  EXPECT_EQ(CodeNamed("440000-520000"), "440000-520000") << "a roll-up code is the caller's to check";
  EXPECT_EQ(CodeNamed(" 440111－522727 "), "440111-522727");
}

TEST(PairCodeNamed, TheNameAsTheConsoleShowsItWithAnyDash) {
  for (const char* typed : {"广州市白云区—黔南州平塘县", "广州市白云区-黔南州平塘县", "广州市白云区 – 黔南州平塘县",
                            "广州市白云区——黔南州平塘县", "广州市白云区->黔南州平塘县", "广州市白云区→黔南州平塘县",
                            "广州市白云区到黔南州平塘县", "广州市白云区－黔南州平塘县", "白云区-平塘县", "白云—平塘"})
    EXPECT_EQ(CodeNamed(typed), "440111-522727") << typed;
  EXPECT_EQ(CodeNamed("广州市白云区—黔南州三都县"), "440111-522732");
}

TEST(PairCodeNamed, OneSideWhenOnePairHasIt) {
  EXPECT_EQ(CodeNamed("三都县"), "440111-522732");
  EXPECT_EQ(CodeNamed("天河区"), "440106-522727");
  EXPECT_EQ(CodeNamed("平塘县", {"440111-522727"}), "440111-522727");
}

TEST(PairCodeNamed, SeveralPairsSoNamedAreListedWithTheirCodes) {
  Result<std::string> code = PairCodeNamed(RegionCatalog::Embedded(), kPairs, "平塘县");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(code.status().message_zh(),
            "“平塘县”对应多个帮扶关系：广州市白云区—黔南州平塘县（440111-522727）、广州市天河区—黔南州平塘县"
            "（440106-522727）；请写出双方的名称或帮扶关系代码");
  EXPECT_NE(code.status().message_en().find("\"平塘县\" names several pairs"), std::string::npos);
}

TEST(PairCodeNamed, NoPairSoNamedIsNotFoundInBothLanguages) {
  for (const char* typed : {"荔波县", "广州市白云区—黔南州荔波县", "广州市白云区—", "—平塘县", "白云区-平塘县-三都县", "", "——"}) {
    Result<std::string> code = PairCodeNamed(RegionCatalog::Embedded(), kPairs, typed);
    ASSERT_FALSE(code.ok()) << typed;
    EXPECT_EQ(code.status().code(), Code::kNotFound) << typed;
    EXPECT_NE(code.status().message_zh().find("帮扶关系“" + std::string(typed) + "”不存在"), std::string::npos);
    EXPECT_NE(code.status().message_en().find("does not exist"), std::string::npos);
  }
}

}  // namespace
}  // namespace shanhai
