#include "excel/sheet_out.h"

#include <gtest/gtest.h>
#include <zip.h>

#include "excel/excel_test_util.h"
#include "excel/table_reader.h"

namespace shanhai::excel {
namespace {

using testing::Row;

class SheetOutTest : public testing::TempDirTest {
 protected:
  // Writes one header and one data row: text, a date, a number.
  std::string WriteSample(const std::string& name) {
    auto out = SheetOut::Open(Path(name), "台账");
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_TRUE((*out)->Header({"事由", "日期", "金额（万元）"}).ok());
    EXPECT_TRUE((*out)->Row({"考察", "2024-03-15", "1033.98"}, {CellKind::kText, CellKind::kDate, CellKind::kNumber}).ok());
    EXPECT_TRUE((*out)->Close().ok());
    return Path(name);
  }

  // The text of one part of a zip file.
  static std::string ZipEntry(const std::string& path, const char* entry) {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (!archive) return "";
    std::string text;
    if (zip_file_t* file = zip_fopen(archive, entry, 0)) {
      char buffer[4096];
      for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<size_t>(n));
      zip_fclose(file);
    }
    zip_close(archive);
    return text;
  }

  std::vector<Row> ReadBack(const std::string& path) {
    Status status;
    std::vector<Row> rows = testing::Collect([&](const RowCallback& on_row) { return ReadTable(path, on_row); }, &status);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return rows;
  }
};

TEST_F(SheetOutTest, AnXlsxDateIsADateCellAndReadsBackAsTheDate) {
  const std::string path = WriteSample("out.xlsx");
  const std::string sheet = ZipEntry(path, "xl/worksheets/sheet1.xml");
  // 2024-03-15 is day 45366 of Excel's 1900 calendar: a number cell with a style, not text.
  const size_t cell = sheet.find("<c r=\"B2\"");
  ASSERT_NE(cell, std::string::npos) << sheet;
  const std::string b2 = sheet.substr(cell, sheet.find("</c>", cell) - cell);
  EXPECT_NE(b2.find("<v>45366</v>"), std::string::npos) << b2;
  EXPECT_EQ(b2.find(" t=\""), std::string::npos) << b2;  // no string type
  EXPECT_NE(b2.find(" s=\""), std::string::npos) << b2;  // styled: the date format
  EXPECT_NE(ZipEntry(path, "xl/styles.xml").find("yyyy-mm-dd"), std::string::npos);
  EXPECT_EQ(ReadBack(path), (std::vector<Row>{{1, {"事由", "日期", "金额（万元）"}}, {2, {"考察", "2024-03-15", "1033.98"}}}));
}

TEST_F(SheetOutTest, ACsvDateIsItsIsoText) {
  EXPECT_EQ(ReadBack(WriteSample("out.csv")),
            (std::vector<Row>{{1, {"事由", "日期", "金额（万元）"}}, {2, {"考察", "2024-03-15", "1033.98"}}}));
}

}  // namespace
}  // namespace shanhai::excel
