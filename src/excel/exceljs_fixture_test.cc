// Files written by exceljs (scripts/fixtures/make_excel_fixtures.mjs): shared strings, built-in
// and custom date formats, formulas with cached values, sparse rows, a second sheet, 1904 dates.
// The expected values are the ones that script typed in.
#include <gtest/gtest.h>

#include "excel/excel_test_util.h"
#include "excel/table_reader.h"
#include "excel/xlsx_reader.h"

namespace shanhai::excel {
namespace {

using testing::Collect;
using testing::Row;
using Cells = std::vector<std::string>;

std::string Fixture(const std::string& name) {
  return (testing::SourceDir() / "tests/fixtures/excel" / name).string();
}

std::vector<Row> ReadFixture(const std::string& name, int sheet) {
  Status status;
  auto rows = Collect([&](const RowCallback& cb) { return ReadTable(Fixture(name), cb, {.sheet_index = sheet}); },
                      &status);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return rows;
}

TEST(ExceljsFixtureTest, FirstSheet) {
  const std::vector<Row> expected = {
      {1, Cells{"姓名", "身份证号", "金额", "入职日期", "登记时间", "合计", "备注", "人数", "在岗"}},
      {2, Cells{"张三", "110101199003071234", "1033.98", "2024-03-15", "2024-03-15 08:30:05", "2067.96",
                "含,逗号和\"引号\"", "4600", "TRUE"}},
      // B3 was typed as a number: the double cannot hold 18 digits, the file holds ...230.
      {3, Cells{"李四", "110101199003071230", "0.1", "1900-03-01", "", "李四（组长）", "多行\n备注", "-12.5", "FALSE"}},
      {5, Cells{"王五", "", "", "2023-12-31", "", "", "尾"}},
  };
  EXPECT_EQ(ReadFixture("exceljs_sample.xlsx", 0), expected);
}

TEST(ExceljsFixtureTest, SecondSheetAndNames) {
  auto names = SheetNames(Fixture("exceljs_sample.xlsx"));
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_EQ(*names, (Cells{"人员名单", "第二页"}));
  const std::vector<Row> expected = {
      {1, Cells{"编码", "名称"}},
      {2, Cells{"520102", "贵阳市南明区"}},
      {4, Cells{"", "", "C4"}},
  };
  EXPECT_EQ(ReadFixture("exceljs_sample.xlsx", 1), expected);
}

TEST(ExceljsFixtureTest, Date1904Workbook) {
  EXPECT_EQ(ReadFixture("exceljs_1904.xlsx", 0), (std::vector<Row>{{1, Cells{"日期"}}, {2, Cells{"2024-02-29"}}}));
}

}  // namespace
}  // namespace shanhai::excel
