#include "domain/pairing/pair_scope.h"

#include <gtest/gtest.h>

#include "domain/ledger/ledger_repository.h"

namespace shanhai {
namespace {

TEST(PairScope, ParsesACountyPairIntoItsRegionsAndPrefixes) {
  Result<PairScope> pair = PairScope::Parse("440111-522727");
  ASSERT_TRUE(pair.ok()) << pair.status().ToString();
  EXPECT_EQ(pair->code(), "440111-522727");
  EXPECT_EQ(pair->helper_region(), "440111");
  EXPECT_EQ(pair->helped_region(), "522727");
  Scope scope;
  scope.visible_prefix = "4401";
  pair->Narrow(scope);
  EXPECT_EQ(scope.pair_helper_prefix, "440111");
  EXPECT_EQ(scope.pair_helped_prefix, "522727");
  EXPECT_EQ(scope.visible_prefix, "4401") << "narrowing to a pair keeps the actor's own scope";
}

TEST(PairScope, AProvincePairSelectsEveryPairInsideIt) {
  Result<PairScope> pair = PairScope::Parse("440000-520000");
  ASSERT_TRUE(pair.ok()) << pair.status().ToString();
  Scope scope;
  pair->Narrow(scope);
  EXPECT_EQ(scope.pair_helper_prefix, "44");
  EXPECT_EQ(scope.pair_helped_prefix, "52");
}

// Each refusal names the text in Chinese and English.
void ExpectRefused(const std::string& text, const std::string& zh_part, const std::string& en_part) {
  Result<PairScope> pair = PairScope::Parse(text);
  ASSERT_FALSE(pair.ok()) << text;
  EXPECT_EQ(pair.status().code(), Code::kInvalidArgument) << text;
  EXPECT_NE(pair.status().message_zh().find(zh_part), std::string::npos) << pair.status().message_zh();
  EXPECT_NE(pair.status().message_en().find(en_part), std::string::npos) << pair.status().message_en();
}

TEST(PairScope, RefusesWhatIsNotTwoRegionsOfOneLevel) {
  ExpectRefused("440111", "帮扶方代码-受帮扶方代码", "HELPER-HELPED");
  ExpectRefused("440111-522727-1", "帮扶方代码-受帮扶方代码", "HELPER-HELPED");
  ExpectRefused("44-52", "格式错误", "malformed");          // a bare prefix is not a pair
  ExpectRefused("440111-529999", "不存在", "does not exist");
  ExpectRefused("440111-522700", "同一层级", "same level");  // a county and a city
  ExpectRefused("", "帮扶方代码-受帮扶方代码", "HELPER-HELPED");
}

TEST(PairScope, AnOptionalFilterIsNoneWhenNotGiven) {
  Result<std::optional<PairScope>> none = PairScope::ParseIfGiven("");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  Result<std::optional<PairScope>> given = PairScope::ParseIfGiven("440111-522727");
  ASSERT_TRUE(given.ok() && given->has_value());
  EXPECT_EQ((*given)->code(), "440111-522727");
  EXPECT_EQ(PairScope::ParseIfGiven("nonsense").status().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace shanhai
