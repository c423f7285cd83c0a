#include "common/percent.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(FormatPercent, TwoDecimalsAndTheSignWithoutASpace) {
  EXPECT_EQ(FormatPercent(262.5), "262.50%");
  EXPECT_EQ(FormatPercent(100), "100.00%");
  EXPECT_EQ(FormatPercent(0), "0.00%");
  EXPECT_EQ(FormatPercent(2168.0), "2168.00%");
  EXPECT_EQ(FormatPercent(0.125), "0.13%");  // half away from zero (0.125 and 12.5 are exact doubles)
  EXPECT_EQ(FormatPercent(-3.1), "-3.10%");
  EXPECT_EQ(FormatPercent(-0.001), "0.00%");
}

}  // namespace
}  // namespace shanhai
