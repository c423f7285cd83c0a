// A spreadsheet that cannot be written is named by the path the user gave (never its ".tmp"),
// with the cause in both languages, for the CSV and the xlsx writer alike.
#include "excel/write_failure.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "excel/csv_writer.h"
#include "excel/excel_test_util.h"
#include "excel/xlsx_writer.h"

namespace shanhai::excel {
namespace {

class WriteFailureTest : public testing::TempDirTest {};

void ExpectNamesPathNotTemporary(const Status& s, const std::string& path) {
  EXPECT_EQ(s.code(), Code::kInvalidArgument) << s.ToString();
  EXPECT_NE(s.message_zh().find(path + "：所在文件夹不存在"), std::string::npos) << s.message_zh();
  EXPECT_NE(s.message_en().find(path + ": the folder does not exist"), std::string::npos) << s.message_en();
  EXPECT_EQ(s.message_zh().find(".tmp"), std::string::npos) << s.message_zh();
  EXPECT_EQ(s.message_en().find(".tmp"), std::string::npos) << s.message_en();
}

TEST_F(WriteFailureTest, AMissingFolderIsNamedByTheUsersPath) {
  const std::string csv = Path("missing/dir/x.csv");
  ExpectNamesPathNotTemporary(CsvWriter::Open(csv).status(), csv);
  const std::string xlsx = Path("missing/dir/x.xlsx");
  ExpectNamesPathNotTemporary(XlsxWriter::Open(xlsx).status(), xlsx);
}

TEST_F(WriteFailureTest, AFolderInPlaceOfTheFileIsNamed) {
  // x.csv is a folder: the temporary file is created beside it, the rename into place fails.
  const std::string path = Path("x.csv");
  std::filesystem::create_directory(path);
  auto writer = CsvWriter::Open(path);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  const Status closed = (*writer)->Close();
  EXPECT_EQ(closed.code(), Code::kInvalidArgument) << closed.ToString();
  EXPECT_NE(closed.message_en().find("cannot write " + path + ": it is a folder"), std::string::npos)
      << closed.message_en();
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(WriteFailure, AFullDiskIsUnavailableAndAnUnlistedCauseGivesTheSystemsText) {
  const Status full = WriteFailure("out.xlsx", ENOSPC);
  EXPECT_EQ(full.code(), Code::kUnavailable);
  EXPECT_EQ(full.message_zh(), "无法写入文件 out.xlsx：磁盘已满");
  EXPECT_EQ(full.message_en(), "cannot write out.xlsx: the disk is full");
  const Status io = WriteFailure("out.xlsx", EIO);
  EXPECT_EQ(io.code(), Code::kUnavailable);
  EXPECT_NE(io.message_en().find("cannot write out.xlsx: "), std::string::npos);
}

}  // namespace
}  // namespace shanhai::excel
