// Writes workbooks with XlsxWriter and reads them back with ReadXlsx.
#include <gtest/gtest.h>

#include "excel/excel_test_util.h"
#include "excel/xlsx_reader.h"
#include "excel/xlsx_writer.h"
#include "excel/zip_archive.h"

namespace shanhai::excel {
namespace {

using testing::Collect;
using testing::Row;
using Cells = std::vector<std::string>;

class XlsxRoundTripTest : public testing::TempDirTest, public ::testing::WithParamInterface<bool> {
 protected:
  // The same content in both modes: shared strings (default) and inline strings (constant memory).
  std::string WriteSample() {
    const std::string path = Path("sample.xlsx");
    auto writer = XlsxWriter::Open(path, {.constant_memory = GetParam()});
    EXPECT_TRUE(writer.ok()) << writer.status().ToString();
    XlsxWriter& w = **writer;
    EXPECT_TRUE(w.AddSheet("人员名单").ok());
    EXPECT_TRUE(w.WriteHeaderRow(0, {"姓名", "金额", "人数", "日期", "备注"}).ok());
    EXPECT_TRUE(w.WriteInstructionsRow(1, {"必填", "单位：元", "", "YYYY-MM-DD", "可选"}, 30).ok());
    EXPECT_TRUE(w.FreezeTopRows(2).ok());
    EXPECT_TRUE(w.SetColumnWidth(0, 4, 16).ok());
    EXPECT_TRUE(w.AddListValidation(2, 100, 4, {"是", "否"}, "选是或否").ok());
    EXPECT_TRUE(w.WriteString(2, 0, "张三").ok());
    EXPECT_TRUE(w.WriteNumber(2, 1, 1033.98).ok());
    EXPECT_TRUE(w.WriteInt64(2, 2, 4600).ok());
    EXPECT_TRUE(w.WriteDate(2, 3, "2024-03-15").ok());
    EXPECT_TRUE(w.WriteString(2, 4, "含,逗号 \"引号\"\n换行").ok());
    EXPECT_TRUE(w.WriteString(3, 0, "李四").ok());  // B4..D4 empty: a gap in the middle
    EXPECT_TRUE(w.WriteNumber(3, 1, 0.1).ok());
    EXPECT_TRUE(w.WriteString(3, 4, "尾").ok());
    EXPECT_TRUE(w.WriteDate(4, 3, "2024-02-29 08:30:05").ok());  // row 6 is empty, then row 6
    EXPECT_TRUE(w.WriteInt64(6, 0, 110101199003071234).ok());   // beyond 15 digits → text
    EXPECT_TRUE(w.WriteNumber(6, 1, -12.5).ok());
    EXPECT_TRUE(w.AddSheet("第二页").ok());
    EXPECT_TRUE(w.WriteString(0, 0, "second").ok());
    Status closed = w.Close();
    EXPECT_TRUE(closed.ok()) << closed.ToString();
    return path;
  }
};

TEST_P(XlsxRoundTripTest, ReadsBackWhatWasWritten) {
  const std::string path = WriteSample();
  Status status;
  auto rows = Collect([&](const RowCallback& cb) { return ReadXlsx(path, cb); }, &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  const std::vector<Row> expected = {
      {1, Cells{"姓名", "金额", "人数", "日期", "备注"}},
      {2, Cells{"必填", "单位：元", "", "YYYY-MM-DD", "可选"}},
      {3, Cells{"张三", "1033.98", "4600", "2024-03-15", "含,逗号 \"引号\"\n换行"}},
      {4, Cells{"李四", "0.1", "", "", "尾"}},
      {5, Cells{"", "", "", "2024-02-29 08:30:05"}},
      {7, Cells{"110101199003071234", "-12.5"}},
  };
  EXPECT_EQ(rows, expected);
}

TEST_P(XlsxRoundTripTest, SecondSheetAndNames) {
  const std::string path = WriteSample();
  auto names = SheetNames(path);
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_EQ(*names, (Cells{"人员名单", "第二页"}));
  Status status;
  auto rows = Collect([&](const RowCallback& cb) { return ReadXlsx(path, cb, {.sheet_index = 1}); }, &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(rows, (std::vector<Row>{{1, Cells{"second"}}}));
}

INSTANTIATE_TEST_SUITE_P(Modes, XlsxRoundTripTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "ConstantMemory" : "SharedStrings"; });

class XlsxWriterTest : public testing::TempDirTest {};

TEST_F(XlsxWriterTest, LongDropDownListGoesToHiddenSheet) {
  const std::string path = Path("lists.xlsx");
  auto writer = XlsxWriter::Open(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->AddSheet("模板").ok());
  std::vector<std::string> items;
  for (int i = 0; i < 60; ++i) items.push_back("选项" + std::to_string(i));  // > 255 characters joined
  ASSERT_TRUE((*writer)->AddListValidation(1, 50, 0, items, "列表之外也可").ok());
  ASSERT_TRUE((*writer)->WriteString(1, 0, "选项3").ok());  // still writes to the template sheet
  ASSERT_TRUE((*writer)->Close().ok());

  auto names = SheetNames(path);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (Cells{"模板", "_list1"}));
  Status status;
  auto list = Collect([&](const RowCallback& cb) { return ReadXlsx(path, cb, {.sheet_index = 1}); }, &status);
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(list.size(), 60u);
  EXPECT_EQ(list[59], (Row{60, Cells{"选项59"}}));
  auto data = Collect([&](const RowCallback& cb) { return ReadXlsx(path, cb); }, &status);
  EXPECT_EQ(data, (std::vector<Row>{{2, Cells{"选项3"}}}));
}

TEST_F(XlsxWriterTest, AChineseListOverTwoHundredFiftyFiveBytesGoesToAHiddenSheet) {
  // 12 pair names: 150 characters joined, but 440 bytes — inline, libxlsxwriter's 255-byte buffer
  // overflowed and the process aborted (a template of a county clerk's pairs did this).
  const std::string path = Path("pairs.xlsx");
  auto writer = XlsxWriter::Open(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->AddSheet("结对单位").ok());
  std::vector<std::string> items;
  for (int i = 0; i < 12; ++i) items.push_back("广州市黄埔区—黔南州独山" + std::to_string(i));
  ASSERT_TRUE((*writer)->AddListValidation(1, 50, 0, items, "列表之外也可").ok());
  ASSERT_TRUE((*writer)->Close().ok());
  auto names = SheetNames(path);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (Cells{"结对单位", "_list1"}));
}

TEST_F(XlsxWriterTest, ADropDownWarnsButKeepsAValueNotInItsList) {
  const std::string path = Path("warn.xlsx");
  auto writer = XlsxWriter::Open(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->AddSheet("模板").ok());
  ASSERT_TRUE((*writer)->AddListValidation(1, 50, 0, {"东部→西部（派往受帮扶方）", "西部→东部（派往帮扶方）"}, "简称也能识别").ok());
  ASSERT_TRUE((*writer)->Close().ok());
  auto archive = ZipArchive::Open(path);
  ASSERT_TRUE(archive.ok());
  auto entry = (*archive)->OpenEntry("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(entry.ok());
  std::string xml(1 << 16, '\0');
  auto n = (*entry)->Read(xml.data(), xml.size());
  ASSERT_TRUE(n.ok());
  xml.resize(*n);
  EXPECT_NE(xml.find("<dataValidation type=\"list\" errorStyle=\"warning\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("error=\"简称也能识别\""), std::string::npos) << xml;  // the caller's words
}

TEST_F(XlsxWriterTest, ErrorsAreStatuses) {
  auto bad_dir = XlsxWriter::Open(Path("no/such/dir/x.xlsx"));
  EXPECT_EQ(bad_dir.status().code(), Code::kInvalidArgument);  // the user's path (write_failure_test.cc)

  const std::string path = Path("e.xlsx");
  auto writer = XlsxWriter::Open(path);
  ASSERT_TRUE(writer.ok());
  XlsxWriter& w = **writer;
  EXPECT_EQ(w.WriteString(0, 0, "x").code(), Code::kInvalidArgument);  // no sheet yet
  EXPECT_EQ(w.AddSheet("a/b").code(), Code::kInvalidArgument);
  EXPECT_EQ(w.AddSheet("这是一个非常非常非常非常非常非常非常非常非常非常长的工作表名称啊").code(), Code::kInvalidArgument);
  ASSERT_TRUE(w.AddSheet("数据").ok());
  EXPECT_EQ(w.AddSheet("数据").code(), Code::kInvalidArgument);
  EXPECT_EQ(w.WriteString(1048576, 0, "x").code(), Code::kInvalidArgument);
  EXPECT_EQ(w.WriteNumber(0, 16384, 1).code(), Code::kInvalidArgument);
  EXPECT_EQ(w.WriteString(0, 0, std::string(40000, 'a')).code(), Code::kInvalidArgument);
  EXPECT_EQ(w.WriteDate(0, 0, "2023-02-29").code(), Code::kInvalidArgument);
  EXPECT_EQ(w.WriteDate(0, 0, "2023/01/01").code(), Code::kInvalidArgument);
  EXPECT_EQ(w.AddListValidation(0, 10, 0, {}, "").code(), Code::kInvalidArgument);
  EXPECT_TRUE(w.Close().ok());
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST_F(XlsxWriterTest, DestroyingWithoutCloseLeavesNoFile) {
  const std::string path = Path("discarded.xlsx");
  {
    auto writer = XlsxWriter::Open(path);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->AddSheet("x").ok());
    ASSERT_TRUE((*writer)->WriteString(0, 0, "half").ok());
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

}  // namespace
}  // namespace shanhai::excel
