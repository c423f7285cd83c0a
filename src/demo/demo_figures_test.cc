// The demo dataset reproduces the article's figures through the indicator engine, on SQLite and
// (when SHANHAI_TEST_PG_URL is set) PostgreSQL. The demo is loaded once per backend and shared by
// the tests of this file, which only read it.
//
// Source of the figures: the news article of 2020-07-22 by 贵州广播电视台 on the 广州市白云区–
// 黔南州平塘县 East–West cooperation, as tabulated in the project's domain brief (DOMAIN.md,
// "Figures of the article"). They are copied here on purpose: tests never read files outside
// the project. consumption.* are not computed yet and so not listed; labor.* have tests of their
// own below ("1000余名" is a bound, not a figure).
#include "demo/demo_dataset.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>

#include "domain/ledger/ledger_test_util.h"
#include "excel/table_reader.h"
#include "indicators/indicator_engine.h"
#include "indicators/report.h"
#include "regions/region_catalog.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

constexpr const char* kPair = "440111-522727";
const Period kArticlePeriod{"2016-01-01", "2020-07-22"};

const std::vector<std::pair<std::string, int64_t>> kArticleFigures = {
    {"leadership.visit_batches", 19},
    {"leadership.visit_person_times", 229},
    {"leadership.joint_meetings", 7},
    {"talent.secondment.cadre.to_helped", 3},
    {"talent.secondment.cadre.to_helped.county_level", 1},
    {"talent.secondment.doctor.to_helped", 21},
    {"talent.secondment.teacher.to_helped", 5},
    {"talent.secondment.cadre.to_helper", 4},
    {"talent.secondment.doctor.to_helper", 14},
    {"talent.secondment.teacher.to_helper", 43},
    {"talent.training.cadre.sessions", 1},
    {"talent.training.cadre.person_times", 131},
    {"talent.training.professional.sessions", 36},
    {"talent.training.professional.person_times", 4600},
    {"talent.training.leader.person_times", 220},
    {"talent.training.disabled.sessions", 1},
    {"talent.training.disabled.person_times", 32},
    {"pairing.helper_units", 29},
    {"pairing.helped_deep_poverty_villages", 24},
    {"pairing.aid_fen", 1033980000},
    {"pairing.schools.helped", 77},
    {"pairing.schools.helper", 32},
    {"pairing.medical.helped", 21},
    {"pairing.medical.helper", 11},
    {"investment.enterprises", 15},
    {"investment.planned_fen", 700000000000},
};

// One loaded demo database per backend.
struct LoadedDemo {
  std::unique_ptr<TestDatabase> test_db;
  std::unique_ptr<PiiVault> vault;
  std::unique_ptr<ServiceContext> context;
  std::unique_ptr<LedgerService> service;
  Status load_status;
};

class DemoFiguresTest : public testing::TestWithParam<Dialect> {
 protected:
  static std::map<Dialect, std::unique_ptr<LoadedDemo>>& Loaded() {
    static std::map<Dialect, std::unique_ptr<LoadedDemo>> loaded;
    return loaded;
  }
  static void TearDownTestSuite() { Loaded().clear(); }

  // The demo database of this test's backend, loaded on first use.
  LoadedDemo& Demo() {
    std::unique_ptr<LoadedDemo>& slot = Loaded()[GetParam()];
    if (!slot) {
      slot = std::make_unique<LoadedDemo>();
      auto created = TestDatabase::Create(GetParam());
      EXPECT_TRUE(created.ok()) << created.status().ToString();
      if (!created.ok()) {
        slot->load_status = created.status();
        return *slot;
      }
      slot->test_db = std::move(created).value();
      slot->vault = std::make_unique<PiiVault>(domain_test::FixedTestKey());
      InstallAuditKey(domain_test::FixedTestKey());
      slot->context = std::make_unique<ServiceContext>(slot->test_db->db(), slot->vault.get(),
                                                       Clock::Fixed(domain_test::kFixedNowSeconds));
      slot->context->extra_checks["targets"] = TargetKeyCheck();
      slot->service = std::make_unique<LedgerService>(*slot->context);
      slot->load_status = Migrate(slot->test_db->db());
      if (slot->load_status.ok()) slot->load_status = LoadDemoDataset(*slot->service);
    }
    return *slot;
  }

  void SetUp() override { ASSERT_TRUE(IsOk(Demo().load_status)); }

  Report BuildArticleReport() {
    auto report = BuildReport(*Demo().service, Actor::System(), PairScope::Parse(kPair).value(), kArticlePeriod);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : Report{};
  }
};

TEST_P(DemoFiguresTest, EveryFigureOfTheArticle) {
  const Report report = BuildArticleReport();
  for (const auto& [key, figure] : kArticleFigures) {
    const IndicatorValue* v = report.Find(key);
    ASSERT_NE(v, nullptr) << key << " is not in the catalogue";
    EXPECT_EQ(AsInt(v->actual), figure) << key;
  }
}

TEST_P(DemoFiguresTest, TheNarrativeSaysWhatTheArticleSays) {
  const std::string md = RenderReportMarkdown(BuildArticleReport());
  for (const char* fragment : {"共19批229人次", "召开党政联席会议7次", "援助资金累计1,033.98万元"})
    EXPECT_NE(md.find(fragment), std::string::npos) << fragment << "\n" << md;
  // The spam of the crawled source page must never reach the product.
  EXPECT_EQ(md.find("365bet"), std::string::npos);
}

// "自平塘县与白云区开展劳务协作以来，共输出1000余名群众到广东省务工": more than a thousand, just above it,
// counted from the spells — the demo's design (demo_labor_spells.cc, demo_placements.cc) puts
// 1,016 people's recorded spells and 12 placements in Guangdong in the period, and 12 more spells
// there before 2016 or after the article that must not count.
TEST_P(DemoFiguresTest, MoreThanAThousandWentToWorkInGuangdong) {
  const Report report = BuildArticleReport();
  const int64_t guangdong = report.Int("labor.employed.helper_province");
  EXPECT_GT(guangdong, 1000);
  EXPECT_LT(guangdong, 1100);
  EXPECT_EQ(guangdong, 1028);
  EXPECT_GT(report.Int("labor.employed.helper_province.poverty"), 0);
  EXPECT_LT(report.Int("labor.employed.helper_province.poverty"), guangdong);
  EXPECT_EQ(report.Int("labor.placed"), 12);
  EXPECT_EQ(report.Int("labor.interviews"), 13) << "12 placed and 1 failed; the no-show is no interview held";
  EXPECT_GT(report.Int("labor.stable_3m"), report.Int("labor.stable_6m"));
  EXPECT_GT(report.Int("labor.stable_6m"), 0);
  const std::string md = RenderReportMarkdown(report);
  EXPECT_NE(md.find("自平塘县与白云区开展劳务协作以来，共输出1,028名群众到广东省务工"), std::string::npos) << md;
}

// The article's case is a record a user finds: a villager of 甲坝村 (卡蒲毛南族乡), interviewed
// remotely in March 2020, placed with the compressor maker in 白云区 at 5,100 yuan a month.
TEST_P(DemoFiguresTest, TheArticlesVillagerIsAPlacementOfMarch2020) {
  auto rows = Demo().test_db->db().Query(
      "SELECT a.interview_date, a.interview_mode, s.monthly_wage_fen, s.place_region, s.source, e.name, p.region_code "
      "FROM spells s JOIN applications a ON a.id = s.application_id JOIN employers e ON e.id = s.employer_id "
      "JOIN seekers k ON k.id = s.seeker_id JOIN people p ON p.id = k.person_id "
      "WHERE s.start_date = '2020-03-16' AND p.region_code = '522727200205'");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_FALSE(rows->rows.empty());
  const auto& r = rows->rows[0];
  EXPECT_EQ(AsText(r[0]).substr(0, 7), "2020-03");
  EXPECT_EQ(AsText(r[1]), "video");
  EXPECT_EQ(AsInt(r[2]), 510000);
  EXPECT_EQ(AsText(r[3]), "440111");
  EXPECT_EQ(AsText(r[4]), "placement");
  EXPECT_EQ(AsText(r[5]), "广州白云演示压缩机有限公司");
}

TEST_P(DemoFiguresTest, JsonReportCarriesTheFigures) {
  const std::string json = RenderReportJson(BuildArticleReport());
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(json, ec);
  ASSERT_FALSE(ec) << ec.message();
  const boost::json::object& root = parsed.as_object();
  for (const char* key : {"pair", "from", "to", "indicators"}) EXPECT_TRUE(root.contains(key)) << key;
  EXPECT_EQ(root.at("pair").as_string(), kPair);
  EXPECT_EQ(root.at("from").as_string(), kArticlePeriod.from);
  EXPECT_EQ(root.at("to").as_string(), kArticlePeriod.to);
  const boost::json::object& indicators = root.at("indicators").as_object();
  for (const auto& [key, figure] : kArticleFigures) {
    ASSERT_TRUE(indicators.contains(key)) << key;
    EXPECT_EQ(indicators.at(key).to_number<int64_t>(), figure) << key;
  }
}

TEST_P(DemoFiguresTest, WorkbookShowsMoneyInWanYuan) {
  const std::string path = Demo().test_db->TempPath("report.xlsx");
  std::filesystem::remove(path);
  ASSERT_TRUE(IsOk(WriteReportXlsx(BuildArticleReport(), path)));
  std::map<std::string, std::string> value_by_key;
  ASSERT_TRUE(IsOk(excel::ReadTable(path, [&](int64_t, const std::vector<std::string>& cells) {
    if (cells.size() > 3) value_by_key[cells[2]] = cells[3];
    return Status::Ok();
  })));
  EXPECT_EQ(value_by_key["pairing.aid_fen"], "1033.98");
  EXPECT_EQ(value_by_key["leadership.visit_batches"], "19");
  EXPECT_EQ(value_by_key["talent.training.professional.person_times"], "4600");
}

// Villages and communities are named as people write them: the official name without its
// committee words, the unit word not doubled (甲坝村村民委员会 → 甲坝村, not 甲坝村村; a village
// called 茂村村 keeps its name; 玉池社区居民委员会 → 玉池社区).
TEST_P(DemoFiguresTest, VillageUnitsAreNamedWithoutTheCommitteeWords) {
  auto rows = Demo().test_db->db().Query("SELECT name, region_code FROM units WHERE kind = 'village'");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_FALSE(rows->rows.empty());
  bool jiaba = false;
  for (const auto& r : rows->rows) {
    const std::string name = AsText(r[0]);
    const Region* region = RegionCatalog::Embedded().Find(AsText(r[1]));
    ASSERT_NE(region, nullptr) << name;
    const std::string official(region->name);
    const bool village = official == name + "村民委员会" || official == name + "民委员会" || official == name + "委会";
    const bool community = official == name + "居民委员会" || official == name + "居委会";  // 玉池社区居民委员会 → 玉池社区
    EXPECT_TRUE(village || community) << name << " for " << official;
    jiaba = jiaba || name == "甲坝村";
  }
  EXPECT_TRUE(jiaba) << "the article's village";
}

TEST_P(DemoFiguresTest, LoadingTwiceIsAConflictAndChangesNothing) {
  Database& db = Demo().test_db->db();
  auto snapshot = [&] {
    std::map<std::string, int64_t> counts;
    std::vector<std::string> tables = {"audit_log"};
    for (const LedgerDef* def : AllLedgers()) tables.push_back(def->name);
    for (const std::string& t : tables) {
      auto rows = db.Query("SELECT COUNT(*) FROM " + t);
      EXPECT_TRUE(rows.ok()) << rows.status().ToString();
      counts[t] = rows.ok() ? AsInt(rows->rows[0][0]) : -1;
    }
    return counts;
  };
  const auto before = snapshot();
  EXPECT_GT(before.at("people"), 1000);
  const Status again = LoadDemoDataset(*Demo().service);
  EXPECT_EQ(again.code(), Code::kConflict) << again.ToString();
  EXPECT_FALSE(again.message_zh().empty());
  EXPECT_FALSE(again.message_en().empty());
  EXPECT_EQ(snapshot(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoFiguresTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
