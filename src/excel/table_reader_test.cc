#include "excel/table_reader.h"

#include <gtest/gtest.h>

#include "excel/csv_writer.h"
#include "excel/excel_test_util.h"
#include "excel/xlsx_writer.h"

namespace shanhai::excel {
namespace {

using testing::Collect;
using testing::Row;
using Cells = std::vector<std::string>;

class TableReaderTest : public testing::TempDirTest {
 protected:
  std::vector<Row> Read(const std::string& path, Status* status) {
    return Collect([&](const RowCallback& cb) { return ReadTable(path, cb); }, status);
  }
};

TEST_F(TableReaderTest, SameRowsFromXlsxAndCsv) {
  const std::vector<Cells> rows = {{"姓名", "金额"}, {"张三", "1033.98"}};
  const std::string xlsx = Path("t.XLSX");  // extension case does not matter
  {
    auto writer = XlsxWriter::Open(xlsx);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->AddSheet("表").ok());
    ASSERT_TRUE((*writer)->WriteHeaderRow(0, rows[0]).ok());
    ASSERT_TRUE((*writer)->WriteString(1, 0, rows[1][0]).ok());
    ASSERT_TRUE((*writer)->WriteNumber(1, 1, 1033.98).ok());
    ASSERT_TRUE((*writer)->Close().ok());
  }
  const std::string csv = Path("t.csv");
  {
    auto writer = CsvWriter::Open(csv);
    ASSERT_TRUE(writer.ok());
    for (const auto& row : rows) ASSERT_TRUE((*writer)->WriteRow(row).ok());
    ASSERT_TRUE((*writer)->Close().ok());
  }
  const std::vector<Row> expected = {{1, rows[0]}, {2, rows[1]}};
  for (const auto& path : {xlsx, csv}) {
    Status status;
    EXPECT_EQ(Read(path, &status), expected) << path;
    EXPECT_TRUE(status.ok()) << status.ToString();
  }
}

TEST_F(TableReaderTest, OtherExtensionsAreRefused) {
  std::filesystem::create_directory(Path("dir.csv"));  // a dot in a folder is no extension
  for (const std::string name : {"a.xls", "a.txt", "noext", "dir.csv/file"}) {
    Status status;
    Read(WriteBytes(name, "x"), &status);
    EXPECT_EQ(status.code(), Code::kInvalidArgument) << name;
    EXPECT_FALSE(status.message_zh().empty());
    EXPECT_FALSE(status.message_en().empty());
  }
}

TEST_F(TableReaderTest, CallbackStatusIsReturned) {
  const std::string csv = WriteBytes("s.csv", "a\nb\nc\n");
  int calls = 0;
  Status status = ReadTable(csv, [&](int64_t row, const Cells&) {
    ++calls;
    return row == 2 ? Status::InvalidArgument("第2行错误", "row 2 bad") : Status::Ok();
  });
  EXPECT_EQ(status.message_en(), "row 2 bad");
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace shanhai::excel
