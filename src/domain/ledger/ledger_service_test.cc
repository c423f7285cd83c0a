// LedgerService on both backends: validation, optimistic concurrency, partial updates,
// history, list filters, region visibility, permissions, and the people registry's handling
// of ID numbers (dedup, 15→18 conversion, masking, audited reveal, encryption at rest).
#include "domain/ledger/ledger_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>

#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::Fields;
using domain_test::HasFieldError;
using domain_test::Id18;
using domain_test::IsOk;
using domain_test::kCountyPair;

const LedgerDef& Visits() { return *FindLedger("visits"); }
const LedgerDef& People() { return *FindLedger("people"); }

std::string Text(const Record& r, const std::string& key) {
  const Value* v = r.Get(key);
  return v ? AsText(*v) : "<missing>";
}

// Every detail names its field and says what is wrong in both languages.
void ExpectBilingualDetails(const Status& s) {
  for (const FieldError& e : s.details()) {
    EXPECT_FALSE(e.field.empty());
    EXPECT_FALSE(e.message_zh.empty()) << e.field;
    EXPECT_FALSE(e.message_en.empty()) << e.field;
    EXPECT_EQ(e.row, 0) << e.field;
  }
}

class LedgerServiceTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
  }

  Result<Record> Update(int64_t id, Fields fields, int64_t version, const Actor& actor = Actor::System()) {
    return service().Update(actor, Visits(), id, RawRecord{"", std::move(fields)}, InputSource::kApi, version);
  }

  int64_t AddVisit(const std::string& title, const std::string& direction, int persons, const std::string& date,
                   const std::string& leader = "") {
    Fields f = {{"title", title}, {"direction", direction}, {"person_times", std::to_string(persons)},
                {"start_date", date}};
    if (!leader.empty()) f.emplace_back("leader_name", leader);
    return Add("visits", kCountyPair, f);
  }
};

TEST_P(LedgerServiceTest, CreateStoresTheRecordInItsPairWithAnAuditRow) {
  auto created = TryCreate("visits", kCountyPair,
                           {{"title", "白云区代表团赴平塘县调研"}, {"direction", "to_helped"}, {"person_times", "12"},
                            {"start_date", "2020-06-09"}, {"leader_name", "苏小澎"}});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  auto got = service().Get(Actor::System(), Visits(), created->id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->pair_code, kCountyPair);
  EXPECT_EQ(got->helped_region, "522727");
  EXPECT_EQ(Text(*got, "title"), "白云区代表团赴平塘县调研");
  EXPECT_EQ(AsInt(*got->Get("person_times")), 12);
  EXPECT_EQ(Text(*got, "leader_name"), "苏小澎");
  EXPECT_TRUE(IsNull(*got->Get("end_date")));
  EXPECT_EQ(AsInt(*got->Get("version")), 1);
  EXPECT_EQ(Text(*got, "created_at"), domain_test::kFixedNow);
  EXPECT_EQ(Count("visits"), 1);
  EXPECT_EQ(AuditRows(db(), "create"), 2);  // the pair and the visit
}

// A list decodes its page in one pass, moving cells out of the rows: a column read both as the
// record's own (the pairs' helped_region, their distribution key) and as a field is in both.
TEST_P(LedgerServiceTest, AListedRecordKeepsEveryColumnItReadsTwice) {
  const int64_t visit = AddVisit("调研", "to_helped", 3, "2020-06-09");
  auto pairs = service().List(Actor::System(), *FindLedger("pairs"), ListRequest{});
  ASSERT_TRUE(pairs.ok()) << pairs.status().ToString();
  ASSERT_EQ(pairs->records.size(), 1u);
  EXPECT_EQ(pairs->records[0].helped_region, "522727");
  EXPECT_EQ(Text(pairs->records[0], "helped_region"), "522727");
  EXPECT_EQ(pairs->records[0].pair_code, kCountyPair);
  auto visits = service().List(Actor::System(), Visits(), ListRequest{});
  ASSERT_TRUE(visits.ok()) << visits.status().ToString();
  ASSERT_EQ(visits->records.size(), 1u);
  EXPECT_EQ(visits->records[0].id, visit);
  EXPECT_EQ(visits->records[0].helped_region, "522727");
  EXPECT_EQ(Text(visits->records[0], "title"), "调研");
  EXPECT_EQ(AsInt(*visits->records[0].Get("version")), 1);
}

TEST_P(LedgerServiceTest, ValidationListsEveryBadFieldAtOnce) {
  const int64_t audit_before = AuditRows(db());
  // Required missing (title), bad enum (kind), bad date (meeting_date), bad region code.
  auto meeting = TryCreate("meetings", kCountyPair,
                           {{"kind", "宴会"}, {"meeting_date", "2020-13-45"}, {"location_region", "999999"}});
  ASSERT_EQ(meeting.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(meeting.status(), "title"));
  EXPECT_TRUE(HasFieldError(meeting.status(), "kind"));
  EXPECT_TRUE(HasFieldError(meeting.status(), "meeting_date"));
  EXPECT_TRUE(HasFieldError(meeting.status(), "location_region"));
  EXPECT_EQ(meeting.status().details().size(), 4u) << meeting.status().ToString();
  ExpectBilingualDetails(meeting.status());

  // Negative money, bad enum and a missing required direction in one funds record.
  auto fund = TryCreate("funds", kCountyPair,
                        {{"title", "捐赠"}, {"kind", "loan"}, {"amount_fen", "-100"}, {"fund_date", "2020-02-30"}});
  ASSERT_EQ(fund.status().code(), Code::kInvalidArgument);
  for (const char* field : {"kind", "direction", "amount_fen", "fund_date"})
    EXPECT_TRUE(HasFieldError(fund.status(), field)) << field << "\n" << fund.status().ToString();
  EXPECT_EQ(fund.status().details().size(), 4u) << fund.status().ToString();
  ExpectBilingualDetails(fund.status());

  // Unknown pair and a number below its minimum.
  auto visit = TryCreate("visits", "440111-522728",
                         {{"title", "x"}, {"direction", "to_helped"}, {"person_times", "0"}, {"start_date", "2020-01-01"}});
  ASSERT_EQ(visit.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(visit.status(), "pair"));
  EXPECT_TRUE(HasFieldError(visit.status(), "person_times"));
  ExpectBilingualDetails(visit.status());

  EXPECT_EQ(Count("meetings"), 0);
  EXPECT_EQ(Count("funds"), 0);
  EXPECT_EQ(Count("visits"), 0);
  EXPECT_EQ(AuditRows(db()), audit_before);
}

TEST_P(LedgerServiceTest, EndBeforeStartIsReportedOnTheEndDate) {
  auto visit = TryCreate("visits", kCountyPair,
                         {{"title", "考察"}, {"direction", "to_helper"}, {"person_times", "3"},
                          {"start_date", "2020-06-19"}, {"end_date", "2020-06-18"}});
  ASSERT_EQ(visit.status().code(), Code::kInvalidArgument);
  ASSERT_EQ(visit.status().details().size(), 1u) << visit.status().ToString();
  EXPECT_EQ(visit.status().details()[0].field, "end_date");
  ExpectBilingualDetails(visit.status());
  EXPECT_EQ(Count("visits"), 0);
  // The same day is fine.
  EXPECT_TRUE(TryCreate("visits", kCountyPair,
                        {{"title", "考察"}, {"direction", "to_helper"}, {"person_times", "3"},
                         {"start_date", "2020-06-19"}, {"end_date", "2020-06-19"}})
                  .ok());
}

// "Every problem at once" includes cross-field rules: a bad option does not hide an end date
// before the start date.
TEST_P(LedgerServiceTest, CrossFieldRulesAreReportedTogetherWithFieldErrors) {
  auto visit = TryCreate("visits", kCountyPair,
                         {{"title", "考察"}, {"direction", "南北"}, {"person_times", "3"},
                          {"start_date", "2020-06-19"}, {"end_date", "2020-06-18"}});
  ASSERT_EQ(visit.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(visit.status(), "direction")) << visit.status().ToString();
  EXPECT_TRUE(HasFieldError(visit.status(), "end_date")) << visit.status().ToString();
  // A rule does not pile a second complaint onto a field that already has one.
  // (Both regions missing: the pairs rules would also complain about helped_region.)
  auto pair = TryCreate("pairs", "", {{"name", "无地区"}});
  ASSERT_EQ(pair.status().code(), Code::kInvalidArgument);
  ASSERT_EQ(pair.status().details().size(), 2u) << pair.status().ToString();
  EXPECT_TRUE(HasFieldError(pair.status(), "helper_region"));
  EXPECT_TRUE(HasFieldError(pair.status(), "helped_region"));
}

TEST_P(LedgerServiceTest, UpdateWithAStaleVersionConflictsAndChangesNothing) {
  const int64_t id = AddVisit("考察", "to_helped", 10, "2020-03-01");
  ASSERT_TRUE(Update(id, {{"person_times", "11"}}, 1).ok());  // now version 2
  const int64_t audit_before = AuditRows(db());
  auto stale = Update(id, {{"person_times", "99"}}, 1);
  EXPECT_EQ(stale.status().code(), Code::kConflict) << stale.status().ToString();
  EXPECT_FALSE(stale.status().message_zh().empty());
  EXPECT_FALSE(stale.status().message_en().empty());
  auto got = service().Get(Actor::System(), Visits(), id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(AsInt(*got->Get("person_times")), 11);
  EXPECT_EQ(AsInt(*got->Get("version")), 2);
  EXPECT_EQ(AuditRows(db()), audit_before);
}

TEST_P(LedgerServiceTest, UpdateKeepsTheFieldsItIsNotGiven) {
  const int64_t id = AddVisit("党政代表团考察", "to_helped", 15, "2020-06-09", "苏小澎");
  auto updated = Update(id, {{"person_times", "16"}, {"end_date", "2020-06-10"}}, 1);
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(AsInt(*updated->Get("person_times")), 16);
  EXPECT_EQ(Text(*updated, "end_date"), "2020-06-10");
  EXPECT_EQ(Text(*updated, "title"), "党政代表团考察");
  EXPECT_EQ(Text(*updated, "leader_name"), "苏小澎");
  EXPECT_EQ(Text(*updated, "direction"), "to_helped");
  EXPECT_EQ(Text(*updated, "start_date"), "2020-06-09");
  EXPECT_EQ(updated->pair_code, kCountyPair);
  EXPECT_EQ(AsInt(*updated->Get("version")), 2);
  // A cross-field rule still sees the kept value: an end before the kept start is refused.
  auto bad = Update(id, {{"end_date", "2020-06-01"}}, 2);
  EXPECT_TRUE(HasFieldError(bad.status(), "end_date")) << bad.status().ToString();
}

TEST_P(LedgerServiceTest, HistoryShowsCreateUpdateDeleteWithBeforeAndAfter) {
  const int64_t id = AddVisit("调研对接", "to_helped", 8, "2019-05-22");
  ASSERT_TRUE(Update(id, {{"person_times", "9"}}, 1).ok());
  ASSERT_TRUE(IsOk(service().Delete(Actor::System(), Visits(), id)));
  EXPECT_EQ(service().Get(Actor::System(), Visits(), id).status().code(), Code::kNotFound);
  EXPECT_EQ(Count("visits"), 0);

  auto history = service().History(Actor::System(), Visits(), id);
  ASSERT_TRUE(history.ok()) << history.status().ToString();
  ASSERT_EQ(history->size(), 3u);
  const AuditEntry& del = (*history)[0];
  const AuditEntry& upd = (*history)[1];
  const AuditEntry& cre = (*history)[2];
  EXPECT_EQ(del.action, "delete");
  EXPECT_EQ(upd.action, "update");
  EXPECT_EQ(cre.action, "create");
  for (const AuditEntry* e : {&del, &upd, &cre}) {
    EXPECT_EQ(e->ledger, "visits");
    EXPECT_EQ(e->record_id, id);
    EXPECT_EQ(e->actor, "system");
    EXPECT_EQ(e->at, domain_test::kFixedNow);
    EXPECT_EQ(e->helped_region, "522727");
  }
  EXPECT_TRUE(cre.before_json.empty());
  EXPECT_TRUE(del.after_json.empty());
  auto person_times = [](const std::string& json) {
    return boost::json::parse(json).as_object().at("person_times").as_int64();
  };
  EXPECT_EQ(person_times(cre.after_json), 8);
  EXPECT_EQ(person_times(upd.before_json), 8);
  EXPECT_EQ(person_times(upd.after_json), 9);
  EXPECT_EQ(person_times(del.before_json), 9);
  EXPECT_EQ(boost::json::parse(del.before_json).as_object().at("title").as_string(), "调研对接");
  EXPECT_EQ(boost::json::parse(cre.after_json).as_object().at("pair").as_string(), kCountyPair);
}

TEST_P(LedgerServiceTest, ListFiltersSortsAndPages) {
  struct V {
    const char* title;
    const char* direction;
    int persons;
    const char* date;
    const char* leader;
  };
  const std::vector<V> visits = {
      {"白云区代表团赴平塘县调研对接", "to_helped", 12, "2019-12-31", "苏小澎"},
      {"平塘县代表团赴白云区考察学习", "to_helper", 14, "2020-01-01", "臧侃"},
      {"白云区卫健局赴平塘县对接医疗帮扶", "to_helped", 6, "2020-03-15", ""},
      {"平塘县教育局赴白云区跟岗学习", "to_helper", 9, "2020-05-20", ""},
      {"白云区党政代表团考察", "to_helped", 15, "2020-06-09", "苏小澎"},
      {"平塘县党政代表团考察", "to_helper", 14, "2020-06-18", "莫君锋"},
      {"白云区企业家考察团", "to_helped", 20, "2020-07-23", ""},
  };
  for (const V& v : visits) ASSERT_NE(AddVisit(v.title, v.direction, v.persons, v.date, v.leader), 0);

  auto list = [&](ListRequest request) {
    auto page = service().List(Actor::System(), Visits(), request);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? *page : RecordPage{};
  };
  auto count_if = [&](auto pred) { return static_cast<int64_t>(std::count_if(visits.begin(), visits.end(), pred)); };

  ListRequest by_direction;
  by_direction.equals = {{"direction", "to_helper"}};
  EXPECT_EQ(list(by_direction).total, count_if([](const V& v) { return std::string(v.direction) == "to_helper"; }));
  by_direction.equals = {{"direction", "东部→西部（派往受帮扶方）"}};  // the label works too
  EXPECT_EQ(list(by_direction).total, count_if([](const V& v) { return std::string(v.direction) == "to_helped"; }));

  ListRequest text;
  text.text = "苏小澎";  // leader_name is searchable
  EXPECT_EQ(list(text).total, count_if([](const V& v) { return std::string(v.leader) == "苏小澎"; }));
  text.text = "党政代表团";
  EXPECT_EQ(list(text).total,
            count_if([](const V& v) { return std::string(v.title).find("党政代表团") != std::string::npos; }));

  ListRequest period;
  period.date_from = "2020-01-01";
  period.date_to = "2020-06-18";
  auto in_period = [&](const V& v) { return std::string(v.date) >= "2020-01-01" && std::string(v.date) <= "2020-06-18"; };
  EXPECT_EQ(list(period).total, count_if(in_period));

  ListRequest sorted;
  sorted.sort = "-start_date";
  sorted.page_size = 100;
  RecordPage all = list(sorted);
  ASSERT_EQ(all.records.size(), visits.size());
  std::vector<std::string> dates;
  for (const V& v : visits) dates.push_back(v.date);
  std::sort(dates.rbegin(), dates.rend());
  for (size_t i = 0; i < dates.size(); ++i) EXPECT_EQ(Text(all.records[i], "start_date"), dates[i]) << i;

  ListRequest paged;
  paged.sort = "start_date";
  paged.page = 2;
  paged.page_size = 3;
  RecordPage second = list(paged);
  EXPECT_EQ(second.total, static_cast<int64_t>(visits.size()));
  ASSERT_EQ(second.records.size(), 3u);
  std::sort(dates.begin(), dates.end());
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(Text(second.records[i], "start_date"), dates[3 + i]);
  paged.page = 3;
  EXPECT_EQ(list(paged).records.size(), visits.size() - 6);

  // Everything combined.
  ListRequest combined;
  combined.equals = {{"direction", "to_helped"}};
  combined.date_from = "2020-01-01";
  combined.date_to = "2020-06-30";
  EXPECT_EQ(list(combined).total, count_if([](const V& v) {
              return std::string(v.direction) == "to_helped" && std::string(v.date) >= "2020-01-01" &&
                     std::string(v.date) <= "2020-06-30";
            }));

  ListRequest bad_filter;
  bad_filter.equals = {{"direction", "sideways"}, {"no_such_field", "1"}};
  auto bad = service().List(Actor::System(), Visits(), bad_filter);
  EXPECT_TRUE(HasFieldError(bad.status(), "direction"));
  EXPECT_TRUE(HasFieldError(bad.status(), "no_such_field"));
}

// Keyset paging (ListRequest::after, what exports walk) gives the order of one whole list,
// ties in the sort column and empty values included, in pages of two; uncounted pages say
// whether more follow instead of a total.
TEST_P(LedgerServiceTest, KeysetPagesWalkTheWholeListInOrderWithoutCounting) {
  const std::vector<std::pair<const char*, const char*>> visits = {
      {"2020-03-01", "苏小澎"}, {"2020-01-01", ""},       {"2020-03-01", "臧侃"}, {"2020-02-01", "苏小澎"},
      {"2020-01-01", "莫君锋"}, {"2020-02-01", ""},       {"2020-03-01", ""}};
  for (size_t i = 0; i < visits.size(); ++i)
    ASSERT_NE(AddVisit("对接" + std::to_string(i), "to_helped", 5, visits[i].first, visits[i].second), 0);
  auto ids = [](const RecordPage& page) {
    std::vector<int64_t> out;
    for (const Record& r : page.records) out.push_back(r.id);
    return out;
  };
  for (const std::string sort : {"", "-id", "start_date", "-start_date", "leader_name", "-leader_name"}) {
    SCOPED_TRACE(sort);
    ListRequest whole;
    whole.sort = sort;
    whole.page_size = 100;
    auto all = service().List(Actor::System(), Visits(), whole);
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    ASSERT_EQ(all->records.size(), visits.size());
    ListRequest keyset;
    keyset.sort = sort;
    keyset.page_size = 2;
    keyset.count_total = false;
    std::vector<int64_t> walked;
    for (int pages = 0;; ++pages) {
      ASSERT_LT(pages, 10) << "keyset paging does not end";
      auto page = service().List(Actor::System(), Visits(), keyset);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      EXPECT_EQ(page->total, -1);
      for (int64_t id : ids(*page)) walked.push_back(id);
      EXPECT_EQ(page->has_more, walked.size() < visits.size()) << walked.size();
      if (!page->has_more) break;
      keyset.after = page->next;
    }
    EXPECT_EQ(walked, ids(*all));
  }
}

// Records deleted while a keyset walk is under way are skipped, records added are met once
// (after the id cursor), and no record present throughout is missed or repeated.
TEST_P(LedgerServiceTest, AKeysetWalkMeetsEveryRecordOnceWhileOthersComeAndGo) {
  std::vector<int64_t> before;
  for (int i = 0; i < 9; ++i) before.push_back(AddVisit("走访" + std::to_string(i), "to_helper", 3, "2020-05-01"));
  ListRequest keyset;
  keyset.page_size = 3;
  keyset.count_total = false;
  std::vector<int64_t> walked;
  int64_t added = 0;
  for (int pages = 0;; ++pages) {
    ASSERT_LT(pages, 10);
    auto page = service().List(Actor::System(), Visits(), keyset);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const Record& r : page->records) walked.push_back(r.id);
    if (pages == 0) {  // between the first and the second page
      ASSERT_TRUE(IsOk(service().Delete(Actor::System(), Visits(), before[1])));  // already written
      ASSERT_TRUE(IsOk(service().Delete(Actor::System(), Visits(), before[5])));  // not yet reached
      added = AddVisit("新增走访", "to_helper", 3, "2020-05-02");
    }
    if (!page->has_more) break;
    keyset.after = page->next;
  }
  std::vector<int64_t> expected;
  for (int64_t id : before)
    if (id != before[5]) expected.push_back(id);
  expected.push_back(added);
  EXPECT_EQ(walked, expected);
}

TEST_P(LedgerServiceTest, AnotherDistrictsStaffSeesNothingOfThePairAndCannotWriteIntoIt) {
  const int64_t id = AddVisit("考察", "to_helped", 10, "2020-03-01");
  const Actor tianhe = domain_test::StaffIn("440106");  // another Guangzhou district
  auto page = service().List(tianhe, Visits(), ListRequest{});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 0);
  EXPECT_TRUE(page->records.empty());
  EXPECT_EQ(service().Get(tianhe, Visits(), id).status().code(), Code::kNotFound);
  auto pairs = service().List(tianhe, *FindLedger("pairs"), ListRequest{});
  ASSERT_TRUE(pairs.ok());
  EXPECT_EQ(pairs->total, 0);

  auto created = TryCreate("visits", kCountyPair,
                           {{"title", "越权"}, {"direction", "to_helped"}, {"person_times", "1"},
                            {"start_date", "2020-03-02"}},
                           tianhe);
  EXPECT_FALSE(created.ok());
  EXPECT_TRUE(HasFieldError(created.status(), "pair")) << created.status().ToString();
  EXPECT_NE(service().Update(tianhe, Visits(), id, RawRecord{"", {{"person_times", "2"}}}, InputSource::kApi, 1).status().code(),
            Code::kOk);
  EXPECT_NE(service().Delete(tianhe, Visits(), id).code(), Code::kOk);
  EXPECT_EQ(Count("visits"), 1);

  // Staff of either side of the pair do see it.
  for (const char* region : {"522727", "440111", "520000"}) {
    auto visible = service().List(domain_test::StaffIn(region), Visits(), ListRequest{});
    ASSERT_TRUE(visible.ok());
    EXPECT_EQ(visible->total, 1) << region;
  }
}

// A pair changed through another connection (its helper side moved to 天河区) is read afresh by
// the next write: 白云区's staff, who could write into it a moment ago, no longer can.
TEST_P(LedgerServiceTest, AWriteReadsThePairAfreshNotFromAnEarlierWrite) {
  const Actor baiyun = domain_test::StaffIn("440111");
  const Fields visit = {{"title", "考察"}, {"direction", "to_helped"}, {"person_times", "3"}, {"start_date", "2020-03-01"}};
  ASSERT_TRUE(IsOk(TryCreate("visits", kCountyPair, visit, baiyun).status()));
  ASSERT_TRUE(db().Execute("UPDATE pairs SET helper_region = '440106' WHERE code = ?", {std::string(kCountyPair)}).ok());
  auto refused = TryCreate("visits", kCountyPair, visit, baiyun);
  EXPECT_TRUE(HasFieldError(refused.status(), "pair")) << refused.status().ToString();
  EXPECT_EQ(Count("visits"), 1);
}

// Whoever may see a record may see its history: staff of the helper side (白云区) too, not only
// staff of the helped side, whose region code the audit rows carry.
TEST_P(LedgerServiceTest, StaffOfEitherSideSeeTheHistoryOfRecordsTheySee) {
  const int64_t id = AddVisit("考察", "to_helped", 10, "2020-03-01");
  for (const char* region : {"522727", "440111"}) {
    const Actor staff = domain_test::StaffIn(region);
    ASSERT_TRUE(service().Get(staff, Visits(), id).ok()) << region;
    auto history = service().History(staff, Visits(), id);
    ASSERT_TRUE(history.ok()) << history.status().ToString();
    EXPECT_EQ(history->size(), 1u) << region;
  }
  auto hidden = service().History(domain_test::StaffIn("440106"), Visits(), id);
  EXPECT_TRUE(!hidden.ok() || hidden->empty());
}

// A record moved to a pair outside the reader's region leaves the reader's sight with its history:
// the audit rows still carry the old helped region, but the record is not deleted.
TEST_P(LedgerServiceTest, ARecordMovedOutOfTheRegionTakesItsHistoryAlong) {
  AddPair("440103", "522728");
  const int64_t id = AddVisit("考察", "to_helped", 10, "2020-03-01");
  const Actor pingtang = domain_test::StaffIn("522727");
  ASSERT_TRUE(service().History(pingtang, Visits(), id).ok());
  ASSERT_TRUE(IsOk(service().Update(Actor::System(), Visits(), id, RawRecord{"440103-522728", {}}, InputSource::kApi, 1).status()));
  EXPECT_EQ(service().Get(pingtang, Visits(), id).status().code(), Code::kNotFound);
  EXPECT_EQ(service().History(pingtang, Visits(), id).status().code(), Code::kNotFound);
  EXPECT_TRUE(service().History(domain_test::StaffIn("522728"), Visits(), id).ok());
}

TEST_P(LedgerServiceTest, AViewerReadsButCannotWrite) {
  const int64_t id = AddVisit("考察", "to_helped", 10, "2020-03-01");
  const Actor viewer = domain_test::Viewer();
  auto created = TryCreate("visits", kCountyPair,
                           {{"title", "只读"}, {"direction", "to_helped"}, {"person_times", "1"}, {"start_date", "2020-03-02"}},
                           viewer);
  EXPECT_EQ(created.status().code(), Code::kPermissionDenied);
  EXPECT_FALSE(created.status().message_zh().empty());
  EXPECT_FALSE(created.status().message_en().empty());
  EXPECT_EQ(service().Update(viewer, Visits(), id, RawRecord{"", {{"person_times", "2"}}}, InputSource::kApi, 1).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(service().Delete(viewer, Visits(), id).code(), Code::kPermissionDenied);
  EXPECT_EQ(Count("visits"), 1);
  auto page = service().List(viewer, Visits(), ListRequest{});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);
}

// A yes/no field left empty means 否 (the tables hold booleans as NOT NULL 0/1), from the API
// and from a spreadsheet without that column alike.
TEST_P(LedgerServiceTest, AnEmptyYesNoFieldIsStoredAsNo) {
  auto unit = TryCreate("units", kCountyPair, {{"name", "白云区结对企业01"}, {"side", "helper"}, {"kind", "enterprise"}});
  ASSERT_TRUE(unit.ok()) << unit.status().ToString();
  ASSERT_NE(unit->Get("deep_poverty"), nullptr);
  EXPECT_EQ(AsInt(*unit->Get("deep_poverty")), 0);
  EXPECT_FALSE(IsNull(*unit->Get("deep_poverty")));
  auto blank = TryCreate("units", kCountyPair,
                         {{"name", "广州石门街商会"}, {"side", "helper"}, {"kind", "association"}, {"deep_poverty", ""}});
  ASSERT_TRUE(blank.ok()) << blank.status().ToString();
  EXPECT_EQ(AsInt(*blank->Get("deep_poverty")), 0);
  EXPECT_EQ(Count("units"), 2);
}

// No account places a record's region outside its pair's sides, not even an unlimited one: the
// field, the region and the sides are named, and nothing is stored.
TEST_P(LedgerServiceTest, ARecordsRegionsLieWithinItsPairsSidesForEveryone) {
  auto outside = TryCreate("units", kCountyPair, {{"name", "罗甸县的村"}, {"side", "helped"}, {"kind", "village"},
                                                  {"region_code", "522728"}});
  ASSERT_TRUE(HasFieldError(outside.status(), "region_code")) << outside.status().ToString();
  const FieldError& e = outside.status().details().at(0);
  EXPECT_NE(e.message_zh.find("黔南州罗甸县（522728）不在本帮扶关系的两方地区（广州市白云区（440111）、黔南州平塘县（522727））之内"),
            std::string::npos) << e.message_zh;
  EXPECT_NE(e.message_en.find("lies outside this pair's regions"), std::string::npos) << e.message_en;
  EXPECT_EQ(Count("units"), 0);
  EXPECT_TRUE(TryCreate("units", kCountyPair, {{"name", "甲坝村"}, {"side", "helped"}, {"kind", "village"},
                                               {"region_code", "522727200205"}}).ok());
  EXPECT_TRUE(TryCreate("units", kCountyPair, {{"name", "白云区结对企业01"}, {"side", "helper"}, {"kind", "enterprise"},
                                               {"region_code", "440111"}}).ok());
}

TEST_P(LedgerServiceTest, ADeleteAtAStaleVersionConflictsAndKeepsTheRecord) {
  const int64_t id = AddVisit("考察", "to_helped", 10, "2020-03-01");
  ASSERT_TRUE(Update(id, {{"person_times", "11"}}, 1).ok());  // now version 2
  EXPECT_EQ(service().Delete(Actor::System(), Visits(), id, 1).code(), Code::kConflict);
  ASSERT_TRUE(service().Get(Actor::System(), Visits(), id).ok());
  EXPECT_TRUE(service().Delete(Actor::System(), Visits(), id, 2).ok());
  EXPECT_EQ(service().Get(Actor::System(), Visits(), id).status().code(), Code::kNotFound);
}

// --- the people registry -----------------------------------------------------------------

class PeopleTest : public LedgerServiceTest {
 protected:
  Result<Record> AddPerson(const std::string& name, const std::string& id_number, const Actor& actor = Actor::System()) {
    return TryCreate("people", kCountyPair,
                     {{"name", name}, {"id_number", id_number}, {"mobile", "13912345678"}, {"poverty_status", "lifted"}},
                     actor);
  }
};

TEST_P(PeopleTest, TheSameIdNumberIsOnePerson) {
  const std::string id = Id18("52272719850312123");
  ASSERT_TRUE(AddPerson("韦明", id).ok());
  auto again = AddPerson("韦明华", id);
  ASSERT_EQ(again.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(again.status(), "id_number")) << again.status().ToString();
  // A number ending in X, typed with a lower-case x, is the same number too.
  std::string with_x;
  for (int seq = 100; seq < 1000 && with_x.empty(); ++seq) {
    const std::string body = "52272719900101" + std::to_string(seq);
    if (domain_test::Gb11643Check(body) == 'X') with_x = body + "X";
  }
  ASSERT_FALSE(with_x.empty());
  ASSERT_TRUE(AddPerson("罗丽", with_x).ok());
  std::string lower = with_x;
  lower.back() = static_cast<char>(std::tolower(static_cast<unsigned char>(lower.back())));
  EXPECT_TRUE(HasFieldError(AddPerson("罗丽", lower).status(), "id_number"));
  EXPECT_EQ(Count("people"), 2);
}

TEST_P(PeopleTest, AFifteenDigitNumberIsStoredAsEighteen) {
  // 15-digit form: region 522727, birth 850312 (1985-03-12), sequence 123.
  const std::string old_number = "522727850312123";
  const std::string converted = Id18("52272719850312123");
  auto person = AddPerson("韦明", old_number);
  ASSERT_TRUE(person.ok()) << person.status().ToString();
  auto whole = service().Reveal(Actor::System(), People(), person->id, "id_number");
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  EXPECT_EQ(*whole, converted);
  EXPECT_EQ(Text(*person, "birth_date"), "1985-03-12");
  EXPECT_EQ(Text(*person, "sex"), "male");  // 17th digit 3 is odd
  // The 18-digit form of the same person is a duplicate.
  EXPECT_TRUE(HasFieldError(AddPerson("韦明", converted).status(), "id_number"));
}

TEST_P(PeopleTest, ListsMaskRevealIsAuditedAndStorageHoldsNoPlaintext) {
  const std::string id = Id18("52272719900101052");
  auto person = AddPerson("罗丽", id);
  ASSERT_TRUE(person.ok()) << person.status().ToString();

  auto page = service().List(Actor::System(), People(), ListRequest{});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->records.size(), 1u);
  const std::string masked = id.substr(0, 2) + std::string(16, '*');  // only the province
  EXPECT_EQ(Text(page->records[0], "id_number"), masked);
  EXPECT_EQ(Text(page->records[0], "mobile"), "139****5678");
  EXPECT_NE(Text(page->records[0], "poverty_status"), "lifted");  // a sensitive category is not shown

  // Reveal: whole value, one audit row naming the field, before the value is handed out.
  const int64_t reveals_before = AuditRows(db(), "reveal");
  auto whole = service().Reveal(Actor::System(), People(), person->id, "id_number");
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  EXPECT_EQ(*whole, id);
  EXPECT_EQ(AuditRows(db(), "reveal"), reveals_before + 1);
  auto audit = db().Query("SELECT actor, ledger, record_id, detail FROM audit_log WHERE action = 'reveal'");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->rows.size(), 1u);
  EXPECT_EQ(AsText(audit->rows[0][0]), "system");
  EXPECT_EQ(AsText(audit->rows[0][1]), "people");
  EXPECT_EQ(AsInt(audit->rows[0][2]), person->id);
  EXPECT_NE(AsText(audit->rows[0][3]).find("id_number"), std::string::npos);

  // A viewer may not reveal, and no row is written for the attempt.
  EXPECT_EQ(service().Reveal(domain_test::Viewer(), People(), person->id, "id_number").status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(AuditRows(db(), "reveal"), reveals_before + 1);
  // Only sensitive fields can be revealed.
  EXPECT_EQ(service().Reveal(Actor::System(), People(), person->id, "name").status().code(), Code::kInvalidArgument);

  // At rest: neither the table nor the audit log holds the number, its 8-digit birth date
  // run or the mobile number in clear.
  auto stored = db().Query("SELECT id_number_enc, id_number_hash, mobile_enc, mobile_hash, poverty_status_enc FROM people");
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->rows.size(), 1u);
  for (const Value& cell : stored->rows[0]) {
    const std::string text = AsText(cell);
    EXPECT_FALSE(text.empty());
    EXPECT_EQ(text.find(id), std::string::npos);
    EXPECT_EQ(text.find(id.substr(6, 8)), std::string::npos);
    EXPECT_EQ(text.find("13912345678"), std::string::npos);
    EXPECT_NE(text, "lifted");
  }
  auto log = db().Query("SELECT before_json, after_json, detail FROM audit_log");
  ASSERT_TRUE(log.ok());
  for (const auto& row : log->rows)
    for (const Value& cell : row) {
      EXPECT_EQ(AsText(cell).find(id), std::string::npos) << AsText(cell);
      EXPECT_EQ(AsText(cell).find("13912345678"), std::string::npos) << AsText(cell);
    }
}

TEST_P(PeopleTest, ABadIdNumberIsAFieldError) {
  std::string wrong_check = Id18("52272719850312123");
  wrong_check.back() = wrong_check.back() == '0' ? '1' : '0';
  for (const std::string& bad : {wrong_check, std::string("5227271985031212"), std::string("99272719850312123X")}) {
    auto r = AddPerson("韦明", bad);
    EXPECT_TRUE(HasFieldError(r.status(), "id_number")) << bad << ": " << r.status().ToString();
  }
  EXPECT_EQ(Count("people"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerServiceTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);
INSTANTIATE_TEST_SUITE_P(Backends, PeopleTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
