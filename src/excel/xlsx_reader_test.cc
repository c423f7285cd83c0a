// ReadXlsx on hand-built packages: each covers a way real writers differ from libxlsxwriter.
#include "excel/xlsx_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "excel/excel_test_util.h"
#include "excel/xlsx_package.h"
#include "excel/xlsx_writer.h"

namespace shanhai::excel {
namespace {

using testing::Collect;
using testing::Row;
using Cells = std::vector<std::string>;

constexpr char kRootRels[] =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="book/main.xml"/>)"
    R"(</Relationships>)";

// Workbook in a non-standard folder, sheets named in an order unlike their part names, a
// prefixed namespace (as the .NET Open XML SDK writes), 1904 dates optional.
std::string Workbook(bool date1904) {
  return std::string(R"(<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                     R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
         (date1904 ? R"(<x:workbookPr date1904="1"/>)" : "") +
         R"(<x:sheets><x:sheet name="汇总" sheetId="7" r:id="rIdB"/><x:sheet name="明细" sheetId="3" r:id="rIdA"/></x:sheets></x:workbook>)";
}

constexpr char kWorkbookRels[] =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rIdA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/detail.xml"/>)"
    R"(<Relationship Id="rIdB" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/book/sheets/summary.xml"/>)"
    R"(<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>)"
    R"(<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../book/looks.xml"/>)"
    R"(<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.invalid/" TargetMode="External"/>)"
    R"(</Relationships>)";

// 0: plain; 1: rich text runs; 2: with a phonetic guide; 3: an escaped CR; 4: empty.
constexpr char kStrings[] =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">)"
    R"(<si><t>编号</t></si>)"
    R"(<si><r><rPr><b/></rPr><t>贵州</t></r><r><t xml:space="preserve"> 省</t></r></si>)"
    R"(<si><t>重庆</t><rPh sb="0" eb="2"><t>チョンチン</t></rPh><phoneticPr fontId="1"/></si>)"
    R"(<si><t>第一行_x000D_
第二行</t></si>)"
    R"(<si><t/></si>)"
    R"(</sst>)";

// cellXfs: 0 general, 1 built-in date (14), 2 custom date, 3 custom number, 4 built-in time (20).
constexpr char kStyles[] =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="2"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)"
    R"(<numFmt numFmtId="171" formatCode="#,##0.00&quot;元&quot;"/></numFmts>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>)"
    R"(<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="20"/></cellXfs>)"
    R"(</styleSheet>)";

constexpr char kDetailSheet[] =
    R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
    R"(<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>)"
    R"(<x:row r="3"><x:c r="B3" t="s"><x:v>2</x:v></x:c><x:c r="E3" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c></x:row>)"
    R"(<x:row r="4"><x:c r="A4" s="1"/><x:c r="B4" t="s"><x:v>4</x:v></x:c></x:row>)"  // styled blanks only: skipped
    R"(<x:row r="5"><x:c r="A5" s="1"><x:v>45366</x:v></x:c><x:c r="B5" s="2"><x:v>45366.5</x:v></x:c>)"
    R"(<x:c r="C5" s="3"><x:v>1033.9800000000001</x:v></x:c><x:c r="D5" s="4"><x:v>0.5</x:v></x:c>)"
    R"(<x:c r="E5" s="99"><x:v>7</x:v></x:c></x:row>)"  // unknown style index: a plain number
    R"(<x:row r="6"><x:c r="A6" t="b"><x:v>1</x:v></x:c><x:c r="B6" t="b"><x:v>0</x:v></x:c>)"
    R"(<x:c r="C6" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="D6" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c>)"
    R"(<x:c r="E6"><x:f>SUM(A1:A2)</x:f></x:c><x:c r="F6" t="d"><x:v>2024-05-06T07:08:09Z</x:v></x:c></x:row>)"
    R"(<x:row><x:c t="s"><x:v>3</x:v></x:c><x:c><x:v>1.10101199003071E+17</x:v></x:c></x:row>)"  // no r attributes
    R"(</x:sheetData></x:worksheet>)";

constexpr char kSummarySheet[] =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row r="2"><c r="B2" s="1"><v>0</v></c><c r="C2" s="2"><v>60</v></c></row>)"
    R"(</sheetData></worksheet>)";

class XlsxReaderTest : public testing::TempDirTest {
 protected:
  std::map<std::string, std::string> Parts(bool date1904 = false) {
    return {{"_rels/.rels", kRootRels},
            {"book/main.xml", Workbook(date1904)},
            {"book/_rels/main.xml.rels", kWorkbookRels},
            {"book/strings.xml", kStrings},
            {"book/looks.xml", kStyles},
            {"book/sheets/detail.xml", kDetailSheet},
            {"book/sheets/summary.xml", kSummarySheet}};
  }
  std::vector<Row> Read(const std::string& path, int sheet, Status* status) {
    return Collect([&](const RowCallback& cb) { return ReadXlsx(path, cb, {.sheet_index = sheet}); }, status);
  }
};

TEST_F(XlsxReaderTest, FollowsRelationshipsAndReadsEveryCellType) {
  const std::string path = WriteZip("odd.xlsx", Parts());
  auto names = SheetNames(path);
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_EQ(*names, (Cells{"汇总", "明细"}));

  Status status;
  auto rows = Read(path, 1, &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  const std::vector<Row> expected = {
      {1, Cells{"编号", "", "贵州 省"}},
      {3, Cells{"", "重庆", "", "", "内联"}},
      {5, Cells{"2024-03-15", "2024-03-15 12:00:00", "1033.98", "12:00:00", "7"}},
      {6, Cells{"TRUE", "FALSE", "#DIV/0!", "ab", "", "2024-05-06 07:08:09"}},
      {7, Cells{"第一行\r\n第二行", "110101199003071000"}},
  };
  EXPECT_EQ(rows, expected);
}

TEST_F(XlsxReaderTest, Date1900EdgesAndDate1904) {
  Status status;
  auto rows1900 = Read(WriteZip("d1900.xlsx", Parts(false)), 0, &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(rows1900, (std::vector<Row>{{2, Cells{"", "00:00:00", "1900-02-29"}}}));
  auto rows1904 = Read(WriteZip("d1904.xlsx", Parts(true)), 0, &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(rows1904, (std::vector<Row>{{2, Cells{"", "1904-01-01", "1904-03-01"}}}));
}

TEST_F(XlsxReaderTest, CallbackErrorStopsReading) {
  const std::string path = WriteZip("odd.xlsx", Parts());
  int calls = 0;
  Status status = ReadXlsx(
      path,
      [&](int64_t row, const Cells&) {
        ++calls;
        return row == 3 ? Status::Conflict("停", "stop") : Status::Ok();
      },
      {.sheet_index = 1});
  EXPECT_EQ(status.code(), Code::kConflict);
  EXPECT_EQ(status.message_en(), "stop");
  EXPECT_EQ(calls, 2);
}

// A workbook's sheet is sized by its share of the file (an import decides on a bulk load by it).
TEST_F(XlsxReaderTest, SheetBytesIsTheSheetsShareOfTheFile) {
  std::map<std::string, std::string> parts = Parts();
  std::string detail = R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
  for (int r = 1; r <= 20000; ++r)
    detail += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" +
              std::to_string(static_cast<int64_t>(r) * 7919 % 1000003) + "</v></c></row>";
  parts["book/sheets/detail.xml"] = detail + "</sheetData></worksheet>";
  const std::string path = WriteZip("sizes.xlsx", parts);
  const int64_t file = static_cast<int64_t>(std::filesystem::file_size(path));
  auto summary = SheetBytes(path, 0), details = SheetBytes(path, 1);
  ASSERT_TRUE(summary.ok() && details.ok()) << summary.status().ToString() << details.status().ToString();
  EXPECT_LT(*summary * 100, file);  // a few rows of a workbook that is mostly the other sheet
  EXPECT_GT(*details * 10, file * 9);
  EXPECT_LE(*summary + *details, file);
  EXPECT_EQ(SheetBytes(path, 2).status().code(), Code::kInvalidArgument);
}

TEST_F(XlsxReaderTest, MissingFileIsNotFound) {
  Status status;
  Read(Path("nope.xlsx"), 0, &status);
  EXPECT_EQ(status.code(), Code::kNotFound);
}

TEST_F(XlsxReaderTest, SheetIndexOutOfRange) {
  Status status;
  Read(WriteZip("odd.xlsx", Parts()), 2, &status);
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_NE(status.message_zh().find("2 个工作表"), std::string::npos);
}

// Every damaged input must give InvalidArgument with both messages, never a crash.
TEST_F(XlsxReaderTest, DamagedFilesAreInvalidArgument) {
  std::vector<std::string> paths;
  paths.push_back(WriteBytes("text.xlsx", "姓名,金额\n张三,1\n"));
  paths.push_back(WriteBytes("empty.xlsx", ""));
  paths.push_back(WriteZip("no_workbook.xlsx", {{"hello.txt", "hi"}}));
  auto parts = Parts();
  parts["book/sheets/detail.xml"] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>";
  paths.push_back(WriteZip("bad_xml.xlsx", parts));
  parts = Parts();
  parts["book/sheets/detail.xml"] = R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>)";
  paths.push_back(WriteZip("bad_index.xlsx", parts));
  parts = Parts();
  parts["book/sheets/detail.xml"] = R"(<worksheet><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>)";
  paths.push_back(WriteZip("bad_ref.xlsx", parts));
  parts = Parts();
  parts.erase("book/sheets/detail.xml");
  paths.push_back(WriteZip("missing_sheet.xlsx", parts));

  // A real workbook cut in half, and one with its compressed bytes scrambled.
  const std::string good = Path("good.xlsx");
  {
    auto writer = XlsxWriter::Open(good);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->AddSheet("s").ok());
    for (int r = 0; r < 2000; ++r) ASSERT_TRUE((*writer)->WriteString(r, 0, "行" + std::to_string(r)).ok());
    ASSERT_TRUE((*writer)->Close().ok());
  }
  std::ifstream in(good, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  paths.push_back(WriteBytes("truncated.xlsx", bytes.substr(0, bytes.size() / 2)));
  std::string scrambled = bytes;
  for (size_t i = 200; i + 200 < scrambled.size(); i += 7) scrambled[i] = static_cast<char>(scrambled[i] ^ 0x5A);
  paths.push_back(WriteBytes("scrambled.xlsx", scrambled));

  for (const auto& path : paths) {
    Status status;
    Read(path, 1, &status);
    if (path.find("truncated") != std::string::npos || path.find("scrambled") != std::string::npos) {
      Read(path, 0, &status);
    }
    EXPECT_EQ(status.code(), Code::kInvalidArgument) << path << ": " << status.ToString();
    EXPECT_FALSE(status.message_zh().empty()) << path;
    EXPECT_FALSE(status.message_en().empty()) << path;
  }
}

TEST(ResolveTargetTest, RelativeAbsoluteAndParent) {
  EXPECT_EQ(ResolveTarget("xl/workbook.xml", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolveTarget("xl/workbook.xml", "../other/s.xml"), "other/s.xml");
  EXPECT_EQ(ResolveTarget("", "xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_EQ(ResolveTarget("xl/workbook.xml", "./a/./b.xml"), "xl/a/b.xml");
}

}  // namespace
}  // namespace shanhai::excel
