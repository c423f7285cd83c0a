// A village cadre's labour ledgers on both backends: an account limited to 甲坝村 lists, reads,
// exports and steps the seekers, applications and spells of the people living in 甲坝村 — placed
// by their person's home (record_placement.h) — and not those of 场河村, the next village of the
// same town; it registers only its own villagers as seekers (by id or by ID number in a sheet);
// it reads the published jobs and verified employers (open demand) and changes none. The town's
// cadre (卡蒲毛南族乡) sees both villages.
#include <gtest/gtest.h>

#include <fstream>

#include "domain/labor/labor_ledgers.h"
#include "domain/labor/labor_test_util.h"
#include "domain/ledger/import_pipeline.h"
#include "domain/ledger/ledger_export.h"

namespace shanhai {
namespace {

using domain_test::Fields;
using domain_test::FieldErrorAt;
using domain_test::IsOk;
using domain_test::kCountyPair;

constexpr const char* kJiaba = "522727200205";     // 卡蒲毛南族乡甲坝村
constexpr const char* kChanghe = "522727200200";   // 卡蒲毛南族乡场河村
constexpr const char* kKapu = "522727200";         // 卡蒲毛南族乡

// Staff with the labour steps (labor_test::Staff), limited to region.
Actor CadreOf(const std::string& region) {
  Actor a = labor_test::Staff();
  a.name = "cadre_" + region;
  a.region = region;
  return a;
}

class LaborVillageScopeTest : public labor_test::LaborTest {
 protected:
  void SetUp() override {
    LaborTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "verify").status()));
    job_ = Add("jobs", kCountyPair, JobFields("压缩机装配工", employer_));
    ASSERT_TRUE(IsOk(Take(JobsLedger(), job_, "publish").status()));
    draft_job_ = Add("jobs", kCountyPair, JobFields("电子厂普工", other_employer_));
    jiaba_person_ = Person(1, kJiaba);
    changhe_person_ = Person(2, kChanghe);
    jiaba_seeker_ = Seeker(jiaba_person_);
    changhe_seeker_ = Seeker(changhe_person_);
    jiaba_application_ = Application(jiaba_seeker_);
    changhe_application_ = Application(changhe_seeker_);
    jiaba_spell_ = Spell(jiaba_seeker_);
    changhe_spell_ = Spell(changhe_seeker_);
  }

  // The ID number of person n (0–99).
  static std::string IdOf(int n) { return domain_test::Id18("522727199103140" + std::to_string(100 + n).substr(1)); }

  int64_t Person(int n, const std::string& home) {
    return Add("people", kCountyPair,
               {{"name", "韦村" + std::to_string(n)}, {"id_number", IdOf(n)}, {"region_code", home},
                {"poverty_status", "lifted"}});
  }
  // A seeker of person, looking for work.
  static Fields SeekerOf(int64_t person) {
    return {{"person_id", std::to_string(person)}, {"status", "seeking"}, {"confirmed_date", "2020-07-01"}};
  }
  int64_t Seeker(int64_t person) { return Add("seekers", kCountyPair, SeekerOf(person)); }
  int64_t Application(int64_t seeker) {
    return Add("applications", kCountyPair,
               {{"seeker_id", std::to_string(seeker)}, {"job_id", std::to_string(job_)}, {"source", "staff_recommended"},
                {"applied_date", "2020-07-20"}, {"status", "applied"}});
  }
  int64_t Spell(int64_t seeker) {
    return Add("spells", kCountyPair,
               {{"seeker_id", std::to_string(seeker)}, {"place_region", "440111"}, {"start_date", "2019-03-01"},
                {"end_date", "2019-12-31"}, {"monthly_wage_fen", "450000"}, {"status", "separated"},
                {"separation_reason", "contract_ended"}});
  }

  // The ids of def's records actor lists.
  std::vector<int64_t> Listed(const Actor& actor, const LedgerDef& def) {
    ListRequest request;
    request.sort = "id";
    Result<RecordPage> page = service().List(actor, def, request);
    EXPECT_TRUE(page.ok()) << def.name << ": " << page.status().ToString();
    std::vector<int64_t> ids;
    if (page.ok())
      for (const Record& r : page->records) ids.push_back(r.id);
    return ids;
  }

  int64_t job_ = 0, draft_job_ = 0, jiaba_person_ = 0, changhe_person_ = 0, jiaba_seeker_ = 0, changhe_seeker_ = 0,
          jiaba_application_ = 0, changhe_application_ = 0, jiaba_spell_ = 0, changhe_spell_ = 0;
};

TEST_P(LaborVillageScopeTest, AVillageCadreReadsTheLabourRecordsOfItsOwnVillagersOnly) {
  const Actor jiaba = CadreOf(kJiaba);
  using Ids = std::vector<int64_t>;
  EXPECT_EQ(Listed(jiaba, SeekersLedger()), Ids{jiaba_seeker_});
  EXPECT_EQ(Listed(jiaba, ApplicationsLedger()), Ids{jiaba_application_});
  EXPECT_EQ(Listed(jiaba, SpellsLedger()), Ids{jiaba_spell_});
  EXPECT_TRUE(service().Get(jiaba, SeekersLedger(), jiaba_seeker_).ok());
  EXPECT_TRUE(service().Get(jiaba, SpellsLedger(), jiaba_spell_).ok());
  EXPECT_EQ(service().Get(jiaba, SeekersLedger(), changhe_seeker_).status().code(), Code::kNotFound);
  EXPECT_EQ(service().Get(jiaba, ApplicationsLedger(), changhe_application_).status().code(), Code::kNotFound);
  EXPECT_EQ(service().Get(jiaba, SpellsLedger(), changhe_spell_).status().code(), Code::kNotFound);

  // The town's cadre sees both of its villages; the county's everything.
  const Ids both_seekers{jiaba_seeker_, changhe_seeker_};
  EXPECT_EQ(Listed(CadreOf(kKapu), SeekersLedger()), both_seekers);
  EXPECT_EQ(Listed(CadreOf(kKapu), SpellsLedger()), (Ids{jiaba_spell_, changhe_spell_}));
  EXPECT_EQ(Listed(CadreOf("522727"), ApplicationsLedger()), (Ids{jiaba_application_, changhe_application_}));

  // The export holds the same records as the list: the village's person, not the other's.
  const std::string out = test_db().TempPath("seekers_out.csv");
  Result<int64_t> written = ExportLedger(service(), jiaba, SeekersLedger(), ListRequest{}, out);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(*written, 1);
  Result<int64_t> spells = ExportLedger(service(), jiaba, SpellsLedger(), ListRequest{}, test_db().TempPath("spells.csv"));
  ASSERT_TRUE(spells.ok()) << spells.status().ToString();
  EXPECT_EQ(*spells, 1);
}

TEST_P(LaborVillageScopeTest, AVillageCadreWritesAndStepsOnlyItsOwnVillagersRecords) {
  const Actor jiaba = CadreOf(kJiaba);
  // Another villager of 甲坝村 is registered; one of 场河村 is answered as one not found, naming the
  // cadre's region, and nothing is stored.
  const int64_t neighbour = Person(3, kJiaba), elsewhere = Person(4, kChanghe);
  Result<Record> own = TryCreate("seekers", kCountyPair, SeekerOf(neighbour), jiaba);
  EXPECT_TRUE(IsOk(own.status()));
  Result<Record> refused = TryCreate("seekers", kCountyPair, SeekerOf(elsewhere), jiaba);
  const FieldError* error = FieldErrorAt(refused.status(), "person_id", 0);
  ASSERT_NE(error, nullptr) << refused.status().ToString();
  EXPECT_NE(error->message_zh.find("不在您的管辖区域"), std::string::npos) << error->message_zh;
  EXPECT_NE(error->message_zh.find("甲坝村"), std::string::npos) << error->message_zh;
  EXPECT_NE(error->message_en.find("outside your region"), std::string::npos) << error->message_en;
  EXPECT_EQ(Listed(Actor::System(), SeekersLedger()).size(), 3u);
  // The town's cadre registers the 场河村 villager.
  EXPECT_TRUE(IsOk(TryCreate("seekers", kCountyPair, SeekerOf(elsewhere), CadreOf(kKapu)).status()));

  // Its own villager's records change and step; the other village's are not found to.
  Result<Record> seeker = service().Get(jiaba, SeekersLedger(), jiaba_seeker_);
  ASSERT_TRUE(seeker.ok());
  EXPECT_TRUE(IsOk(service()
                       .Update(jiaba, SeekersLedger(), jiaba_seeker_, RawRecord{"", {{"note", "电话已联系"}}},
                               InputSource::kApi, AsInt(*seeker->Get("version")))
                       .status()));
  EXPECT_EQ(service()
                .Update(jiaba, SeekersLedger(), changhe_seeker_, RawRecord{"", {{"note", "越权"}}}, InputSource::kApi, 1)
                .status()
                .code(),
            Code::kNotFound);
  EXPECT_TRUE(IsOk(Take(SeekersLedger(), jiaba_seeker_, "hold", {}, jiaba).status()));
  EXPECT_EQ(Take(SeekersLedger(), changhe_seeker_, "hold", {}, jiaba).status().code(), Code::kNotFound);
  EXPECT_EQ(Status(SeekersLedger(), changhe_seeker_), "seeking");
  EXPECT_TRUE(IsOk(Take(ApplicationsLedger(), jiaba_application_, "withdraw",
                        RawRecord{"", {{"withdraw_reason", "本人另有打算"}}}, jiaba)
                       .status()));
  EXPECT_EQ(Take(ApplicationsLedger(), changhe_application_, "withdraw", RawRecord{"", {{"withdraw_reason", "越权"}}},
                 jiaba)
                .status()
                .code(),
            Code::kNotFound);

  // An application or a spell names a seeker of the village, not one of the other.
  const int64_t looking = own.ok() ? own->id : 0;
  const Fields application{{"job_id", std::to_string(job_)}, {"source", "staff_recommended"},
                           {"applied_date", "2020-07-21"}, {"status", "applied"}};
  Fields mine = application, theirs = application;
  mine.emplace_back("seeker_id", std::to_string(looking));
  theirs.emplace_back("seeker_id", std::to_string(changhe_seeker_));
  EXPECT_TRUE(IsOk(TryCreate("applications", kCountyPair, mine, jiaba).status()));
  Result<Record> other = TryCreate("applications", kCountyPair, theirs, jiaba);
  EXPECT_NE(FieldErrorAt(other.status(), "seeker_id", 0), nullptr) << other.status().ToString();
  Result<Record> spell = TryCreate("spells", kCountyPair,
                                   {{"seeker_id", std::to_string(changhe_seeker_)}, {"place_region", "440111"},
                                    {"start_date", "2020-03-01"}, {"monthly_wage_fen", "510000"}, {"status", "in_work"}},
                                   jiaba);
  EXPECT_NE(FieldErrorAt(spell.status(), "seeker_id", 0), nullptr) << spell.status().ToString();
  EXPECT_EQ(Listed(Actor::System(), SpellsLedger()).size(), 2u);
}

// A sheet naming people by ID number is held to the same rule, row by row: the other village's
// person is not found for the cadre, and nothing is stored while that row stands.
TEST_P(LaborVillageScopeTest, AVillageCadresImportOfSeekersStoresNothingWhileARowNamesAnotherVillage) {
  Person(6, kJiaba);
  Person(7, kChanghe);
  const std::string path = test_db().TempPath("seekers.csv");
  std::ofstream(path) << "*帮扶关系,*人员,*求职状态,确认求职日期\n"
                      << kCountyPair << "," << IdOf(6) << ",求职中,2020-07-01\n"
                      << kCountyPair << "," << IdOf(7) << ",求职中,2020-07-01\n";
  Result<ImportReport> report = ImportLedger(service(), CadreOf(kJiaba), SeekersLedger(), path, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->stored, 0);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].row, 3);
  EXPECT_NE(report->errors[0].message_en.find("outside your region"), std::string::npos) << report->errors[0].message_en;
  EXPECT_EQ(report->errors[0].message_zh.find(IdOf(7)), std::string::npos) << "the ID number is shown masked";
  EXPECT_EQ(Listed(Actor::System(), SeekersLedger()).size(), 2u);
}

// Jobs and employers are the helper side's, kept by the county offices and the employers' HR: a
// village cadre reads the published jobs and the verified employers it recommends (open demand),
// not a draft, and changes none of them.
TEST_P(LaborVillageScopeTest, AVillageCadreReadsTheOpenJobsAndChangesNone) {
  const Actor jiaba = CadreOf(kJiaba);
  EXPECT_EQ(Listed(jiaba, JobsLedger()), std::vector<int64_t>{job_});
  EXPECT_EQ(Listed(jiaba, EmployersLedger()), std::vector<int64_t>{employer_});
  EXPECT_EQ(service().Get(jiaba, JobsLedger(), draft_job_).status().code(), Code::kNotFound);
  Result<Record> job = service().Get(jiaba, JobsLedger(), job_);
  ASSERT_TRUE(job.ok()) << job.status().ToString();
  EXPECT_EQ(service()
                .Update(jiaba, JobsLedger(), job_, RawRecord{"", {{"headcount", "99"}}}, InputSource::kApi,
                        AsInt(*job->Get("version")))
                .status()
                .code(),
            Code::kNotFound);
  EXPECT_EQ(Take(JobsLedger(), job_, "withdraw", {}, jiaba).status().code(), Code::kNotFound);
  EXPECT_EQ(Take(EmployersLedger(), employer_, "suspend", {}, jiaba).status().code(), Code::kNotFound);
  EXPECT_EQ(TryCreate("jobs", kCountyPair, JobFields("村干部发的岗位", employer_), jiaba).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(Status(JobsLedger(), job_), "published");
  EXPECT_EQ(Status(EmployersLedger(), employer_), "verified");
  Result<Record> unchanged = service().Get(Actor::System(), JobsLedger(), job_);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(AsInt(*unchanged->Get("headcount")), 10);
}

INSTANTIATE_TEST_SUITE_P(Backends, LaborVillageScopeTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
