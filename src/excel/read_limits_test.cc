// What the xlsx reader refuses so that a small hostile upload cannot cost the server gigabytes:
// entries that unpack far beyond their compressed size, cells longer than Excel allows.
#include <gtest/gtest.h>

#include "excel/excel_test_util.h"
#include "excel/xlsx_reader.h"

namespace shanhai::excel {
namespace {

using testing::Collect;

constexpr char kRels[] =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
    R"(</Relationships>)";
constexpr char kWorkbook[] =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="s" sheetId="1" r:id="rIdA"/></sheets></workbook>)";
constexpr char kWorkbookRels[] =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rIdA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheet.xml"/>)"
    R"(<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>)"
    R"(</Relationships>)";

std::string Sheet(const std::string& rows) {
  return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" + rows +
         "</sheetData></worksheet>";
}
std::string Strings(const std::string& items) {
  return R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" + items + "</sst>";
}

class ReadLimitsTest : public testing::TempDirTest {
 protected:
  Status ReadBook(const std::string& sheet, const std::string& strings) {
    const std::string path = WriteZip("book.xlsx", {{"_rels/.rels", kRels},
                                                    {"xl/workbook.xml", kWorkbook},
                                                    {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                                    {"xl/sheet.xml", sheet},
                                                    {"xl/strings.xml", strings}});
    Status status;
    Collect([&](const RowCallback& cb) { return ReadXlsx(path, cb, {.sheet_index = 0}); }, &status);
    return status;
  }
};

TEST_F(ReadLimitsTest, AnEntryUnpackingFarBeyondItsSizeIsRefused) {
  std::string rows;
  for (int i = 0; i < 4000000; ++i) rows += "<row/>";  // 24 MB that deflate to a few tens of KB
  const Status status = ReadBook(Sheet(rows), Strings(""));
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_NE(status.message_zh().find("压缩炸弹"), std::string::npos) << status.message_zh();
  EXPECT_NE(status.message_en().find("decompression bomb"), std::string::npos);
}

TEST_F(ReadLimitsTest, OrdinaryWorkbooksUnpackWithinTheRatio) {
  std::string rows;
  for (int r = 1; r <= 20000; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c t=\"inlineStr\"><is><t>平塘县卡蒲毛南族乡甲坝村 " +
            std::to_string(r * 7919 % 100003) + "</t></is></c><c><v>" + std::to_string(r * 31) + "</v></c></row>";
  EXPECT_TRUE(ReadBook(Sheet(rows), Strings("")).ok());
}

TEST_F(ReadLimitsTest, CellsLongerThanExcelAllowsAreRefused) {
  const std::string longest(32767, 'A');
  EXPECT_TRUE(ReadBook(Sheet("<row r=\"1\"><c t=\"inlineStr\"><is><t>" + longest + "</t></is></c></row>"), Strings(""))
                  .ok());
  const std::string too_long(32767 * 4 + 1, 'A');
  Status status = ReadBook(Sheet("<row r=\"3\"><c t=\"inlineStr\"><is><t>" + too_long + "</t></is></c></row>"),
                           Strings(""));
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_NE(status.message_zh().find("第 3 行的单元格超过 32767 个字符"), std::string::npos) << status.message_zh();
  status = ReadBook(Sheet("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"), Strings("<si><t>" + too_long + "</t></si>"));
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_NE(status.message_en().find("shared-string table"), std::string::npos) << status.message_en();
}

}  // namespace
}  // namespace shanhai::excel
