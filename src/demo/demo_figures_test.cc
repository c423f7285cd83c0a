// The demo dataset reproduces the article's figures through the indicator engine, on SQLite and
// (when SHANHAI_TEST_PG_URL is set) PostgreSQL. The demo is loaded once per backend and shared by
// the tests of this file, which only read it.
//
// Source of the figures: the news article of 2020-07-22 by 贵州广播电视台 on the 广州市白云区–
// 黔南州平塘县 East–West cooperation, as tabulated in the project's domain brief (DOMAIN.md,
// "Figures of the article"). They are copied here on purpose: tests never read files outside
// the project. consumption.* and labor.* are not computed yet and so not listed.
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
