#include "common/province.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(HasProvincePrefix, EveryListedProvince) {
  for (std::string_view code : {"110000", "150000", "210000", "230000", "310000", "370000", "410000", "460000",
                                "500000", "540000", "610000", "650000", "710000", "810000", "820000", "52"})
    EXPECT_TRUE(HasProvincePrefix(code)) << code;
}

TEST(HasProvincePrefix, GapsAndJunk) {
  for (std::string_view code : {"100000", "160000", "200000", "240000", "380000", "470000", "490000", "550000",
                                "660000", "700000", "720000", "800000", "830000", "990000", "5", "", "a1", "1a"})
    EXPECT_FALSE(HasProvincePrefix(code)) << code;
}

}  // namespace
}  // namespace shanhai
