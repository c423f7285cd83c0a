// The no-charge rule: what counts as asking the seeker for money, and what rules a charge out.
#include "domain/labor/seeker_fee_rule.h"

#include <gtest/gtest.h>

namespace shanhai::labor {
namespace {

TEST(SeekerFeeRule, ChargesTakenFromTheSeekerAreFound) {
  EXPECT_EQ(SeekerChargeIn("入职需交押金300元"), "押金");
  EXPECT_EQ(SeekerChargeIn("报名费50元，面试通过后安排"), "报名费");
  EXPECT_EQ(SeekerChargeIn("收取服装保证金"), "保证金");
  EXPECT_EQ(SeekerChargeIn("体检费自理"), "体检费自理");
  EXPECT_EQ(SeekerChargeIn("体检费由求职者承担"), "体检费由求职者");
  EXPECT_EQ(SeekerChargeIn("岗前培训费个人承担"), "培训费个人承担");
}

TEST(SeekerFeeRule, ChargesRuledOutOrBorneByTheEmployerAreNot) {
  EXPECT_EQ(SeekerChargeIn("无押金，不收取任何费用"), "");
  EXPECT_EQ(SeekerChargeIn("不收报名费"), "");
  EXPECT_EQ(SeekerChargeIn("免押金"), "");
  EXPECT_EQ(SeekerChargeIn("体检费由公司承担"), "");
  EXPECT_EQ(SeekerChargeIn("包吃包住，月薪5100元，扣社保后约4500元"), "");
  EXPECT_EQ(SeekerChargeIn(""), "");
}

TEST(SeekerFeeRule, ALaterChargeIsFoundAfterARuledOutOne) {
  EXPECT_EQ(SeekerChargeIn("无押金；另收押金200元"), "押金");
}

}  // namespace
}  // namespace shanhai::labor
