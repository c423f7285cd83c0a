// The names an account's template offers (the pairs it may write, their regions by the name the
// import reads), the drop-downs they feed, and the sheets a scoped account is offered.
#include "domain/ledger/template_names.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/ledger/import_workbook.h"
#include "domain/ledger/ledger_io.h"
#include "domain/ledger/ledger_test_util.h"
#include "excel/table_reader.h"
#include "excel/zip_archive.h"

namespace shanhai {
namespace {

using domain_test::StaffIn;

bool Has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

class TemplateNamesTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");  // 广州市白云区—黔南州平塘县
    AddPair("440103", "522728");  // 广州市荔湾区—黔南州罗甸县
  }
};

TEST_P(TemplateNamesTest, PairsTheAccountMayWriteAndTheirRegionsByTheNameTheImportReads) {
  Result<TemplateNames> all = TemplateNamesFor(service(), Actor::System());
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->pairs, (std::vector<std::string>{"广州市荔湾区—黔南州罗甸县", "广州市白云区—黔南州平塘县"}));
  EXPECT_TRUE(Has(all->regions, "平塘县"));
  EXPECT_TRUE(Has(all->regions, "甲坝村"));
  EXPECT_TRUE(Has(all->regions, "茂井镇田坝村"));  // two towns of 罗甸县 have a 田坝村: named under its town
  EXPECT_FALSE(all->pairs_capped);
  EXPECT_FALSE(all->regions_capped);

  // A clerk of 平塘县 sees, and writes, its own pair only.
  Result<TemplateNames> county = TemplateNamesFor(service(), StaffIn("522727"));
  ASSERT_TRUE(county.ok());
  EXPECT_EQ(county->pairs, std::vector<std::string>{"广州市白云区—黔南州平塘县"});
  EXPECT_TRUE(Has(county->regions, "甲坝村"));
  EXPECT_FALSE(Has(county->regions, "罗甸县"));
}

TEST_P(TemplateNamesTest, TheTemplateOffersThemInDropDownsAndSaysSo) {
  Result<TemplateNames> names = TemplateNamesFor(service(), StaffIn("522727"));
  ASSERT_TRUE(names.ok());
  const std::string path = test_db().TempPath("units_template.xlsx");
  ASSERT_TRUE(WriteTemplate(*FindLedger("units"), path, nullptr, nullptr, &*names).ok());
  std::vector<std::vector<std::string>> rows;
  ASSERT_TRUE(excel::ReadTable(path, [&](int64_t, const std::vector<std::string>& cells) {
                rows.push_back(cells);
                return Status::Ok();
              }).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_NE(rows[1][0].find("下拉列表为您可写入的帮扶关系"), std::string::npos) << rows[1][0];
  EXPECT_TRUE(std::any_of(rows[1].begin(), rows[1].end(), [](const std::string& note) {
    return note.find("下拉列表为这些帮扶关系两方的地区") != std::string::npos;
  }));
  // The region list is long: a hidden sheet after the template's own, one per list.
  std::vector<std::string> listed;
  excel::ReadOptions second;
  second.sheet_index = 1;
  ASSERT_TRUE(excel::ReadTable(path, [&](int64_t, const std::vector<std::string>& cells) {
                listed.push_back(cells.at(0));
                return Status::Ok();
              }, second).ok());
  EXPECT_EQ(listed, names->regions);
}

// The <dataValidation> element of sheet1.xml in the workbook at path whose range is sqref.
std::string ValidationOf(const std::string& path, const std::string& sqref) {
  auto archive = excel::ZipArchive::Open(path);
  if (!archive.ok()) return archive.status().ToString();
  auto entry = (*archive)->OpenEntry("xl/worksheets/sheet1.xml");
  if (!entry.ok()) return entry.status().ToString();
  std::string xml(1 << 20, '\0');
  auto n = (*entry)->Read(xml.data(), xml.size());
  if (!n.ok()) return n.status().ToString();
  xml.resize(*n);
  const size_t at = xml.find("sqref=\"" + sqref + "\"");
  if (at == std::string::npos) return "no validation of " + sqref;
  const size_t start = xml.rfind("<dataValidation ", at);
  return xml.substr(start, at - start);
}

TEST_P(TemplateNamesTest, EachDropDownsWarningGivesAnExampleOfItsOwnColumn) {
  Result<TemplateNames> names = TemplateNamesFor(service(), StaffIn("522727"));
  ASSERT_TRUE(names.ok());
  const std::string path = test_db().TempPath("visits_template.xlsx");
  ASSERT_TRUE(WriteTemplate(*FindLedger("visits"), path, nullptr, nullptr, &*names).ok());
  // Column A is the pair: its warning speaks of pairs, not of a direction's short form.
  const std::string pair = ValidationOf(path, "A3:A10001");
  EXPECT_NE(pair.find("广州市白云区—黔南州平塘县"), std::string::npos) << pair;
  EXPECT_NE(pair.find("440111-522727"), std::string::npos) << pair;
  EXPECT_EQ(pair.find("东部-西部"), std::string::npos) << pair;
  // 方向 (an enum) keeps the short-form example.
  std::vector<std::string> headers;
  ASSERT_TRUE(excel::ReadTable(path, [&](int64_t, const std::vector<std::string>& cells) {
                if (headers.empty()) headers = cells;
                return Status::Ok();
              }).ok());
  const auto direction = std::find(headers.begin(), headers.end(), "*方向");  // required
  ASSERT_NE(direction, headers.end());
  const char column = static_cast<char>('A' + (direction - headers.begin()));
  const std::string enumerated = ValidationOf(path, std::string(1, column) + "3:" + column + "10001");
  EXPECT_NE(enumerated.find("东部-西部"), std::string::npos) << enumerated;
}

TEST_P(TemplateNamesTest, AScopedAccountIsOfferedOnlyTheSheetsItCanWrite) {
  const auto names = [](const std::vector<const LedgerDef*>& ledgers) {
    std::vector<std::string> out;
    for (const LedgerDef* def : ledgers) out.push_back(def->name);
    return out;
  };
  const std::vector<std::string> everyone = names(ImportableBy(StaffIn("")));
  EXPECT_TRUE(Has(everyone, "pairs"));
  EXPECT_TRUE(Has(everyone, "visits"));
  // A town's clerk writes records placed in its town only: not the pairs, nor visits (no region).
  const std::vector<std::string> town = names(ImportableBy(StaffIn("522727200")));
  EXPECT_FALSE(Has(town, "pairs"));
  EXPECT_FALSE(Has(town, "visits"));
  EXPECT_TRUE(Has(town, "units"));
  // The labour ledger lies where its people live; jobs (open demand it reads) lie nowhere.
  EXPECT_TRUE(Has(town, "seekers"));
  EXPECT_FALSE(Has(town, "jobs"));
  // An organisation's account writes its organisation's records only.
  const std::vector<std::string> unit = names(ImportableBy(domain_test::OwnerOf("units", 1)));
  EXPECT_FALSE(Has(unit, "pairs"));
  EXPECT_TRUE(Has(unit, "units"));
}

INSTANTIATE_TEST_SUITE_P(Backends, TemplateNamesTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
