#include "domain/labor/interview_room.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(MaskPersonNameTest, KeepsTheFirstAndLastOfThreeOrMoreAndTheFirstOfTwo) {
  EXPECT_EQ(MaskPersonName("张小明"), "张*明");
  EXPECT_EQ(MaskPersonName("欧阳娜娜"), "欧**娜");
  EXPECT_EQ(MaskPersonName("王芳"), "王*");
}

TEST(MaskPersonNameTest, NeverShowsAOneCharacterNameWhole) {
  EXPECT_EQ(MaskPersonName("芳"), "*");
  EXPECT_EQ(MaskPersonName(""), "");
}

}  // namespace
}  // namespace shanhai
