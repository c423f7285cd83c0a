// The JSON text of records is written by hand (AppendRecordJson): it must be the text Boost.JSON
// would serialise for the same members, escapes and all, and parse back to the same values.
#include "domain/ledger/record_json.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

const LedgerDef& Visits() { return *FindLedger("visits"); }

TEST(RecordJson, TextIsWhatBoostJsonWritesForTheSameMembers) {
  Record r;
  r.id = 42;
  r.pair_code = "440111-522727";
  std::string every_control;
  for (char c = 1; c < 0x20; ++c) every_control += c;
  r.values = {{"title", std::string("引号\"反斜杠\\换行\n制表\t") + every_control + "尾"},
              {"person_times", int64_t{-12}},
              {"leader_name", Value{}},
              {"ratio", 0.25},
              {"unit_id", int64_t{7}}};
  const std::map<std::string, std::map<int64_t, std::string>> labels = {{"unit_id", {{7, "白云区\"民政局\""}}}};
  std::string text;
  AppendRecordJson(text, Visits(), r, labels);

  boost::json::object expected;
  expected["id"] = 42;
  expected["pair"] = "440111-522727";
  expected["title"] = std::get<std::string>(r.values[0].second);
  expected["person_times"] = -12;
  expected["leader_name"] = nullptr;
  expected["ratio"] = 0.25;
  expected["unit_id"] = 7;
  expected["unit_id_label"] = "白云区\"民政局\"";
  EXPECT_EQ(text, boost::json::serialize(expected));
  EXPECT_EQ(boost::json::parse(text).as_object(), expected);
  EXPECT_EQ(RecordToJson(Visits(), r, labels), expected);
}

// Plain text is passed over eight bytes at a time: a byte to escape anywhere in a word, or in
// the tail shorter than a word, is still escaped, and bytes next to the escaped ones (space
// and DEL) are not.
TEST(RecordJson, EveryPositionOfAnEscapedByteIsEscaped) {
  for (size_t length = 1; length <= 19; ++length)
    for (size_t at = 0; at < length; ++at)
      for (char special : {'"', '\\', '\x01', '\x1f', ' ', '\x7f'}) {
        std::string text(length, 'a');
        text[at] = special;
        Record r;
        r.values = {{"title", text}};
        std::string written;
        AppendRecordJson(written, *FindLedger("pairs"), r);  // not pair-scoped: no "pair" member
        EXPECT_EQ(written, boost::json::serialize(boost::json::object{{"id", 0}, {"title", text}}))
            << "length " << length << ", byte " << int(static_cast<unsigned char>(special)) << " at " << at;
      }
}

TEST(RecordJson, ALabelIsWrittenOnlyForAKnownReference) {
  Record r;
  r.id = 1;
  r.values = {{"unit_id", int64_t{8}}, {"other_id", Value{}}};
  const std::map<std::string, std::map<int64_t, std::string>> labels = {{"unit_id", {{7, "甲"}}},
                                                                        {"other_id", {{0, "乙"}}}};
  std::string text;
  AppendRecordJson(text, Visits(), r, labels);
  EXPECT_EQ(text.find("_label"), std::string::npos) << text;
}

}  // namespace
}  // namespace shanhai
