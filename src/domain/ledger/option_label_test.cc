#include "domain/ledger/option_label.h"

#include <gtest/gtest.h>

#include "domain/ledger/field_builders.h"

namespace shanhai {
namespace {

LedgerDef InterviewLedger() {
  return LedgerDef{.name = "interviews",
                   .module = "test",
                   .fields = {fields::Enum("mode", "面试方式", "Mode",
                                           {{"video", "远程视频", "remote video room"}, {"phone", "电话", "phone"}})}};
}

Record WithMode(Value mode) {
  Record r;
  r.Set("mode", std::move(mode));
  return r;
}

TEST(OptionLabelTest, AStoredCodeReadsAsItsOptionsLabelsInBothLanguages) {
  const OptionLabel label = OptionLabelOf(InterviewLedger(), WithMode(std::string("phone")), "mode");
  EXPECT_EQ(label.zh, "电话");
  EXPECT_EQ(label.en, "phone");
  EXPECT_EQ(OptionLabelOf(InterviewLedger(), WithMode(std::string("video")), "mode").en, "remote video room");
}

TEST(OptionLabelTest, ACodeNoOptionHasIsItsOwnLabelAndAnEmptyFieldHasNone) {
  const OptionLabel gone = OptionLabelOf(InterviewLedger(), WithMode(std::string("letter")), "mode");
  EXPECT_EQ(gone.zh, "letter");
  EXPECT_EQ(gone.en, "letter");
  const OptionLabel empty = OptionLabelOf(InterviewLedger(), WithMode(Value{}), "mode");
  EXPECT_EQ(empty.zh, "");
  EXPECT_EQ(empty.en, "");
  EXPECT_EQ(OptionLabelOf(InterviewLedger(), Record{}, "mode").zh, "") << "a record without the field";
}

}  // namespace
}  // namespace shanhai
