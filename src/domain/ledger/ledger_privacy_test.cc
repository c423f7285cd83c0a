// Issue #6, points 1–3 at the service: what a reader without the reveal permission sees of a
// person (nothing that rebuilds the ID number), selecting records by a sensitive field
// (reveal permission, audited), the uniqueness message (no record id outside one's scope)
// and an export that reveals (one audit row per record).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "domain/ledger/error_sheet.h"
#include "domain/ledger/ledger_export.h"
#include "domain/ledger/ledger_io.h"
#include "domain/ledger/ledger_test_util.h"
#include "domain/ledger/record_json.h"
#include "excel/table_reader.h"

namespace shanhai {
namespace {

using domain_test::Fields;
using domain_test::HasFieldError;
using domain_test::Id18;
using domain_test::kCountyPair;

const LedgerDef& People() { return *FindLedger("people"); }

std::string Text(const Record& r, const std::string& key) {
  const Value* v = r.Get(key);
  return v ? AsText(*v) : "";
}

class PeoplePrivacyTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
    AddPair("440106", "522728");
    person_ = Add("people", kCountyPair,
                  {{"name", "罗丽"}, {"id_number", kId}, {"region_code", "522727"}, {"poverty_status", "lifted"}});
    ASSERT_NE(person_, 0);
  }

  Result<RecordPage> ListAs(const Actor& actor, std::vector<std::pair<std::string, std::string>> equals,
                            const std::string& sort = "") {
    ListRequest request;
    request.equals = std::move(equals);
    request.sort = sort;
    return service().List(actor, People(), request);
  }

  // Born 1990-06-15 in 平塘县, a woman (17th digit 2).
  static inline const std::string kId = Id18("52272719900615022");
  int64_t person_ = 0;
};

TEST_P(PeoplePrivacyTest, AReaderWhoMayNotRevealGetsNothingThatRebuildsTheIdNumber) {
  auto page = ListAs(domain_test::Viewer(), {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->records.size(), 1u);
  const Record& r = page->records[0];
  EXPECT_EQ(Text(r, "id_number"), "52****************");
  EXPECT_EQ(Text(r, "birth_date"), "1990");  // the year, not the day the number carries
  EXPECT_EQ(Text(r, "sex"), "***");          // the parity of the 17th digit
  EXPECT_EQ(Text(r, "region_code"), "522727");
  for (const auto& [key, value] : r.values) {
    EXPECT_EQ(AsText(value).find("0615"), std::string::npos) << key;
    EXPECT_EQ(AsText(value).find("06-15"), std::string::npos) << key;
  }
  auto one = service().Get(domain_test::Viewer(), People(), person_);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(Text(*one, "birth_date"), "1990");
  EXPECT_EQ(Text(*one, "sex"), "***");
}

TEST_P(PeoplePrivacyTest, AReaderWhoMayRevealSeesTheBirthDateButStillNotTheNumber) {
  auto page = ListAs(domain_test::StaffIn(""), {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const Record& r = page->records.at(0);
  EXPECT_EQ(Text(r, "id_number"), "52****************");
  EXPECT_EQ(Text(r, "birth_date"), "1990-06-15");
  EXPECT_EQ(Text(r, "sex"), "female");
}

TEST_P(PeoplePrivacyTest, AuditRowsAndHistoryHoldOnlyTheMaskedForm) {
  auto created = service().Update(Actor::System(), People(), person_, RawRecord{"", {{"skills", "电工"}}},
                                  InputSource::kApi, 0);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(Text(*created, "birth_date"), "1990-06-15");  // the system actor may reveal
  auto log = db().Query("SELECT before_json, after_json FROM audit_log WHERE ledger = 'people'");
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->rows.size(), 2u);  // create, update
  for (const auto& row : log->rows)
    for (const Value& cell : row) {
      EXPECT_EQ(AsText(cell).find("06-15"), std::string::npos) << AsText(cell);
      EXPECT_EQ(AsText(cell).find("female"), std::string::npos) << AsText(cell);
    }
  auto history = service().History(domain_test::Viewer(), People(), person_);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_NE(history->back().after_json.find("\"birth_date\":\"1990\""), std::string::npos) << history->back().after_json;
}

TEST(MaskedRecordJsonText, MasksAgainWhatOldAuditRowsKeptWhole) {
  const std::string old_row =
      R"({"id":7,"name":"罗丽","id_number":"5227**********0228","sex":"female","birth_date":"1990-06-15","note":null})";
  const std::string masked = MaskedRecordJsonText(People(), old_row);
  EXPECT_NE(masked.find("\"id_number\":\"52****************\""), std::string::npos) << masked;
  EXPECT_NE(masked.find("\"birth_date\":\"1990\""), std::string::npos) << masked;
  EXPECT_NE(masked.find("\"sex\":\"***\""), std::string::npos) << masked;
  EXPECT_NE(masked.find("\"name\":\"罗丽\""), std::string::npos) << masked;
  EXPECT_EQ(MaskedRecordJsonText(People(), ""), "");
  EXPECT_EQ(MaskedRecordJsonText(People(), "not json"), "not json");
}

TEST_P(PeoplePrivacyTest, SelectingBySensitiveFieldsNeedsRevealAndIsAudited) {
  const Actor viewer = domain_test::Viewer();
  for (const auto& [equals, sort] :
       std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, std::string>>{
           {{{"poverty_status", "lifted"}}, ""},
           {{{"id_number", kId}}, ""},
           {{{"birth_date", "1990-06-15"}}, ""},
           {{{"sex", "female"}}, ""},
           {{}, "-birth_date"}}) {
    auto denied = ListAs(viewer, equals, sort);
    EXPECT_EQ(denied.status().code(), Code::kPermissionDenied) << sort;
    EXPECT_NE(denied.status().message_en().find("people:people:reveal"), std::string::npos);
  }
  EXPECT_EQ(domain_test::AuditRows(db(), "sensitive_query"), 0);
  // Plain filters stay open to every reader, and are not logged.
  ASSERT_TRUE(ListAs(viewer, {{"name", "罗丽"}}, "name").ok());
  EXPECT_EQ(domain_test::AuditRows(db(), "sensitive_query"), 0);

  const Actor staff = domain_test::StaffIn("");
  auto found = ListAs(staff, {{"poverty_status", "lifted"}}, "-birth_date");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->total, 1);
  auto audit = db().Query("SELECT actor, ledger, detail FROM audit_log WHERE action = 'sensitive_query'");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->rows.size(), 1u);
  EXPECT_EQ(AsText(audit->rows[0][0]), staff.name);
  EXPECT_EQ(AsText(audit->rows[0][1]), "people");
  EXPECT_EQ(AsText(audit->rows[0][2]),
            "by=poverty_status,birth_date poverty_status=lifted ids=" + std::to_string(person_) + " rows=1 total=1");
}

TEST_P(PeoplePrivacyTest, ATakenIdNumberIsNamedByRecordOnlyWithinScope) {
  // 天河区 staff see the pair 440106-522728 only; the person is in 440111-522727.
  auto outside = TryCreate("people", "440106-522728", {{"name", "罗丽"}, {"id_number", kId}, {"poverty_status", "ordinary"}},
                           domain_test::StaffIn("440106"));
  ASSERT_TRUE(HasFieldError(outside.status(), "id_number")) << outside.status().ToString();
  const std::string message = outside.status().details().at(0).message_zh + outside.status().details().at(0).message_en;
  EXPECT_EQ(message.find(std::to_string(person_)), std::string::npos) << message;
  EXPECT_NE(message.find("already registered"), std::string::npos) << message;

  auto inside = TryCreate("people", kCountyPair, {{"name", "罗丽"}, {"id_number", kId}, {"poverty_status", "ordinary"}});
  ASSERT_TRUE(HasFieldError(inside.status(), "id_number"));
  EXPECT_NE(inside.status().details().at(0).message_en.find("record " + std::to_string(person_)), std::string::npos)
      << inside.status().details().at(0).message_en;
  EXPECT_EQ(Count("people"), 1);
}

TEST_P(PeoplePrivacyTest, EveryKeyMatchIsAuditedAndCountedUpToTheDailyLimit) {
  context().disclosure_limits.key_matches_per_day = 2;
  const Actor clerk = domain_test::StaffIn("440106");  // the person is out of its sight
  const Fields taken = {{"name", "罗丽"}, {"id_number", kId}, {"poverty_status", "ordinary"}};
  for (int i = 0; i < 2; ++i) {
    auto refused = TryCreate("people", "440106-522728", taken, clerk);
    ASSERT_TRUE(HasFieldError(refused.status(), "id_number")) << refused.status().ToString();
  }
  // Written after the create's rollback, each naming the record found and its region.
  auto matches = db().Query("SELECT record_id, helped_region, detail FROM audit_log WHERE action = 'key_match' "
                            "AND actor = ?", {clerk.name});
  ASSERT_TRUE(matches.ok());
  ASSERT_EQ(matches->rows.size(), 2u);
  for (const auto& row : matches->rows) {
    EXPECT_EQ(AsInt(row[0]), person_);
    EXPECT_EQ(AsText(row[1]), "522727");
    EXPECT_EQ(AsText(row[2]), "field=id_number");
  }
  auto past = TryCreate("people", "440106-522728", taken, clerk);
  EXPECT_TRUE(DisclosureQuota::IsRefusal(past.status())) << past.status().ToString();
  auto alerts = db().Query("SELECT detail FROM audit_log WHERE action = 'disclosure_quota_exceeded' AND actor = ?",
                           {clerk.name});
  ASSERT_TRUE(alerts.ok());
  ASSERT_EQ(alerts->rows.size(), 1u);
  EXPECT_TRUE(AsText(alerts->rows[0][0]).starts_with("kind=key_match limit=2 day=")) << AsText(alerts->rows[0][0]);
  auto used = db().Query("SELECT used FROM disclosure_counts WHERE actor = ? AND kind = 'key_match'", {clerk.name});
  ASSERT_TRUE(used.ok());
  ASSERT_EQ(used->rows.size(), 1u);
  EXPECT_EQ(AsInt(used->rows[0][0]), 2);
  // A number nobody holds is no match: the clerk still registers new people.
  EXPECT_TRUE(TryCreate("people", "440106-522728",
                        {{"name", "韦明"}, {"id_number", Id18("52272819900101001")}, {"poverty_status", "ordinary"}},
                        clerk)
                  .ok());
}

// A record's history tells a reader who may not reveal nothing of the ID-number checks that found
// it: that someone looked a person up is itself a fact about the person.
TEST_P(PeoplePrivacyTest, KeyMatchesInTheHistoryOnlyToThoseWhoMayReveal) {
  const Actor clerk = domain_test::StaffIn("440106");
  auto refused = TryCreate("people", "440106-522728",
                           {{"name", "罗丽"}, {"id_number", kId}, {"poverty_status", "ordinary"}}, clerk);
  ASSERT_TRUE(HasFieldError(refused.status(), "id_number")) << refused.status().ToString();
  const auto actions = [&](const Actor& reader) {
    std::vector<std::string> out;
    auto history = service().History(reader, People(), person_);
    EXPECT_TRUE(history.ok()) << history.status().ToString();
    if (history.ok())
      for (const HistoryStep& step : *history) out.push_back(step.action);
    return out;
  };
  EXPECT_EQ(actions(domain_test::StaffIn("")), (std::vector<std::string>{"key_match", "create"}));
  EXPECT_EQ(actions(domain_test::Viewer()), (std::vector<std::string>{"create"}));
}

TEST_P(PeoplePrivacyTest, RevealsAreLimitedByTheSameDailyQuota) {
  context().disclosure_limits.reveals_per_day = 1;
  const Actor revealer = domain_test::StaffIn("");
  ASSERT_TRUE(service().Reveal(revealer, People(), person_, "id_number").ok());
  auto second = service().Reveal(revealer, People(), person_, "id_number");
  EXPECT_TRUE(DisclosureQuota::IsRefusal(second.status())) << second.status().ToString();
  auto reveals = db().Query("SELECT COUNT(*) FROM audit_log WHERE action = 'reveal'");
  auto alerts = db().Query("SELECT detail FROM audit_log WHERE action = 'disclosure_quota_exceeded'");
  ASSERT_TRUE(reveals.ok() && alerts.ok());
  EXPECT_EQ(AsInt(reveals->rows[0][0]), 1);
  ASSERT_EQ(alerts->rows.size(), 1u);
  EXPECT_TRUE(AsText(alerts->rows[0][0]).starts_with("kind=reveal limit=1")) << AsText(alerts->rows[0][0]);
  // The system actor (the operator at the terminal) has no limit.
  EXPECT_TRUE(service().Reveal(Actor::System(), People(), person_, "id_number").ok());
}

TEST_P(PeoplePrivacyTest, AFieldErrorNeverQuotesAWholeIdNumber) {
  // A number typed into the date-like computed column is ignored; into the mobile column it is quoted back.
  auto bad = TryCreate("people", kCountyPair,
                       {{"name", "韦明"}, {"id_number", Id18("52272719850312123") + "9"}, {"mobile", kId},
                        {"poverty_status", "lifted"}});
  ASSERT_FALSE(bad.ok());
  ASSERT_FALSE(bad.status().details().empty());
  for (const FieldError& e : bad.status().details()) {
    EXPECT_EQ((e.message_zh + e.message_en).find(kId), std::string::npos) << e.message_en;
    EXPECT_EQ((e.message_zh + e.message_en).find("5227271985031212"), std::string::npos) << e.message_en;
  }
}

TEST_P(PeoplePrivacyTest, AnExportThatRevealsWritesOneAuditRowPerRecord) {
  ASSERT_NE(Add("people", kCountyPair,
                {{"name", "韦明"}, {"id_number", Id18("52272719850312123")}, {"mobile", "13912345678"},
                 {"poverty_status", "ordinary"}}),
            0);
  const std::string path = ::testing::TempDir() + "people-revealed.csv";
  auto written = ExportLedger(service(), Actor::System(), People(), ListRequest{}, path, true);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(*written, 2);
  auto rows = db().Query("SELECT record_id, detail FROM audit_log WHERE action = 'reveal' ORDER BY record_id");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 2u);
  EXPECT_EQ(AsInt(rows->rows[0][0]), person_);
  EXPECT_EQ(AsText(rows->rows[0][1]), "field=id_number,poverty_status purpose=export");
  EXPECT_EQ(AsText(rows->rows[1][1]), "field=id_number,mobile,poverty_status purpose=export");
  // A viewer may not export revealed, and nothing is logged for the refusal.
  EXPECT_EQ(ExportLedger(service(), domain_test::Viewer(), People(), ListRequest{}, path, true).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(domain_test::AuditRows(db(), "reveal"), 2);
  std::remove(path.c_str());
}

// The error sheet is kept for download: whatever produced a message, no number in it is whole
// (the refused rows' own cells are the user's, repeated as written).
TEST(WriteErrorSheet, MasksPersonalNumbersInEveryMessage) {
  const std::string source = ::testing::TempDir() + "refused.csv";
  std::ofstream(source, std::ios::binary) << "姓名,备注\n张三,甲\n李四,乙\n王五,丙\n";
  const std::string path = ::testing::TempDir() + "errors.xlsx";
  ASSERT_TRUE(WriteErrorSheet(ErrorsOfFile({{3, "身份证号", "与 522727199006150228 重复", "repeats 522727199006150228"},
                                            {4, "备注", "手机 13912345678 无效", "mobile 13912345678 is invalid"}}),
                              source, path)
                  .ok());
  std::string text;
  ASSERT_TRUE(excel::ReadTable(path, [&](int64_t, const std::vector<std::string>& cells) {
                for (const std::string& cell : cells) text += cell + "|";
                return Status::Ok();
              }).ok());
  EXPECT_EQ(text.find("522727199006150228"), std::string::npos) << text;
  EXPECT_EQ(text.find("13912345678"), std::string::npos) << text;
  EXPECT_NE(text.find("52****************"), std::string::npos) << text;
  EXPECT_NE(text.find("139****5678"), std::string::npos) << text;
  EXPECT_NE(text.find("李四"), std::string::npos) << text;  // row 3, as written
  std::remove(source.c_str());
  std::remove(path.c_str());
}

INSTANTIATE_TEST_SUITE_P(Backends, PeoplePrivacyTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
