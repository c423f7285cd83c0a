#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include "excel/csv_parser.h"
#include "excel/csv_reader.h"
#include "excel/csv_writer.h"
#include "excel/formula_guard.h"
#include "excel/excel_test_util.h"

namespace shanhai::excel {
namespace {

using testing::Collect;
using testing::Row;
using Cells = std::vector<std::string>;

// Parses text fed in pieces of `piece` bytes, so every chunk boundary is exercised.
std::vector<Row> Parse(const std::string& text, size_t piece, Status* status) {
  return Collect(
      [&](const RowCallback& cb) {
        CsvParser parser(cb);
        for (size_t i = 0; i < text.size(); i += piece) {
          SH_RETURN_IF_ERROR(parser.Feed(std::string_view(text).substr(i, piece)));
        }
        return parser.Finish();
      },
      status);
}

TEST(CsvParserTest, Rfc4180InAnyChunking) {
  const std::string text =
      "姓名,备注,金额\r\n"
      "\"张,三\",\"他说\"\"好\"\"\",1033.98\r\n"
      "李四,\"两行\r\n文字\",\n"  // line break inside quotes; trailing empty cell dropped
      "\n"                        // empty line: counted, not passed on
      ",,\r\n"                    // all-empty cells: counted, not passed on
      "王五,,0.1\r"               // a lone CR ends a record too
      "赵六,x\"y,\"a\"b\n"        // stray quotes kept as Excel keeps them
      "末行,无换行";
  const std::vector<Row> expected = {
      {1, Cells{"姓名", "备注", "金额"}},
      {2, Cells{"张,三", "他说\"好\"", "1033.98"}},
      {3, Cells{"李四", "两行\r\n文字"}},
      {6, Cells{"王五", "", "0.1"}},
      {7, Cells{"赵六", "x\"y", "ab"}},
      {8, Cells{"末行", "无换行"}},
  };
  for (size_t piece : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, text.size()}) {
    Status status;
    EXPECT_EQ(Parse(text, piece, &status), expected) << "piece " << piece;
    EXPECT_TRUE(status.ok());
  }
}

TEST(CsvParserTest, UnclosedQuoteIsAnError) {
  Status status;
  Parse("a,b\n\"c,d\ne,f\n", 4, &status);
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_NE(status.message_en().find("row 2"), std::string::npos) << status.message_en();
}

TEST(CsvParserTest, RunawayQuotedCellIsStoppedEarly) {
  Status status;
  Parse("\"" + std::string(200000, 'x'), 65536, &status);
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
}

TEST(CsvParserTest, RecordsWiderThanExcelAreRefused) {
  Status status;
  const std::string widest(16383, ',');  // 16,384 fields: Excel's XFD
  EXPECT_EQ(Parse("a" + widest + "\n", 4096, &status).size(), 1u);
  EXPECT_TRUE(status.ok()) << status.ToString();
  const std::string commas(4 << 20, ',');  // a file of commas only
  EXPECT_TRUE(Parse(commas, 1 << 16, &status).empty());
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_NE(status.message_zh().find("第 1 行超过 16384 列"), std::string::npos) << status.message_zh();
  EXPECT_NE(status.message_en().find("16384 columns"), std::string::npos);
}

TEST(AppendCsvRecordTest, QuotesOnlyWhereNeeded) {
  std::string out;
  AppendCsvRecord({"plain", "a,b", "say \"hi\"", "two\nlines", "", " pad", "中文"}, out);
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" pad\",中文\r\n");
}

// GB18030 bytes of text, made with ICU's converter (independent of the reader's streaming path).
std::string ToGb18030(const std::string& utf8) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(static_cast<size_t>(n));
  return out;
}

class CsvFileTest : public testing::TempDirTest {
 protected:
  std::vector<Row> Read(const std::string& path, Status* status) {
    return Collect([&](const RowCallback& cb) { return ReadCsv(path, cb); }, status);
  }
};

TEST_F(CsvFileTest, WriterOutputReadsBack) {
  const std::string path = Path("out.csv");
  const std::vector<Cells> rows = {
      {"姓名", "金额", "人数", "日期", "备注"},
      {"张三", "1033.98", "4600", "2024-03-15", "含,逗号 \"引号\"\n换行"},
      {"李四", "", "", "0.1", "尾"},
  };
  {
    auto writer = CsvWriter::Open(path);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    for (const auto& row : rows) ASSERT_TRUE((*writer)->WriteRow(row).ok());
    ASSERT_TRUE((*writer)->Close().ok());
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(bytes.find("姓名,金额,人数,日期,备注\r\n"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));

  Status status;
  auto read = Read(path, &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(read, (std::vector<Row>{{1, rows[0]}, {2, rows[1]}, {3, rows[2]}}));
  EXPECT_EQ(*DetectFileEncoding(path), TextEncoding::kUtf8WithBom);
}

// Text a spreadsheet would run as a formula gets an apostrophe; numbers stay numbers.
TEST_F(CsvFileTest, WriterDefusesFormulasInTextCellsOnly) {
  const std::string path = Path("formulas.csv");
  {
    auto writer = CsvWriter::Open(path);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->WriteRow({"=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "-5",
                                     "-12.50", "=1", "a=b"},
                                    {false, false, false, false, false, false, false, true, true, false})
                    .ok());
    ASSERT_TRUE((*writer)->Close().ok());
  }
  Status status;
  auto read = Read(path, &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].second, (Cells{"'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tcmd", "'\rcmd", "'-5",
                                   "-12.50", "'=1", "a=b"}));
}

TEST(FormulaGuardTest, TriggersAndPlainNumbers) {
  for (const char* t : {"=", "+x", "-x", "@x", "\tx", "\rx"}) EXPECT_TRUE(StartsLikeFormula(t)) << t;
  for (const char* t : {"", "x=", " =1", "'=1", "山海"}) EXPECT_FALSE(StartsLikeFormula(t)) << t;
  for (const char* t : {"0", "-5", "12.50", "-0.1"}) EXPECT_TRUE(IsPlainNumber(t)) << t;
  for (const char* t : {"", "-", "1.", ".5", "1e5", "-1+2", "=1"}) EXPECT_FALSE(IsPlainNumber(t)) << t;
  EXPECT_EQ(DefusedCsvText("=1+1"), "'=1+1");
  EXPECT_EQ(DefusedCsvText("1+1"), "1+1");
  for (const char* t : {"=1+1", "-x", "'", "'x", "''=1", "x"}) EXPECT_EQ(UndefusedCsvText(DefusedCsvText(t)), t) << t;
}

TEST_F(CsvFileTest, Utf8WithoutBom) {
  const std::string path = WriteBytes("plain.csv", "编码,名称\n520102,贵阳市南明区\n");
  Status status;
  EXPECT_EQ(Read(path, &status), (std::vector<Row>{{1, Cells{"编码", "名称"}}, {2, Cells{"520102", "贵阳市南明区"}}}));
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(*DetectFileEncoding(path), TextEncoding::kUtf8);
}

TEST_F(CsvFileTest, GbkBytesFromExcel) {
  // "中文,测试\r\n" as GBK bytes, the way Excel saves plain CSV on a Chinese Windows.
  const std::string path = WriteBytes("gbk.csv", "\xD6\xD0\xCE\xC4,\xB2\xE2\xCA\xD4\r\n");
  Status status;
  EXPECT_EQ(Read(path, &status), (std::vector<Row>{{1, Cells{"中文", "测试"}}}));
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(*DetectFileEncoding(path), TextEncoding::kGb18030);
}

TEST_F(CsvFileTest, LargeGb18030FileAcrossChunks) {
  // Several MB so that reads and conversion cross chunk boundaries inside two-byte and
  // four-byte (𠀀, U+20000) characters; the valid-UTF-8 check must also fail late, not early.
  std::string utf8 = "ascii,only,header\n";
  for (int i = 0; i < 3000; ++i) utf8 += std::string(1000, 'a') + "\n";  // 3 MB of ASCII first
  const std::string line = "贵州省黔东南苗族侗族自治州,\"𠀀,€\",编号";
  for (int i = 0; i < 60000; ++i) utf8 += line + std::to_string(i) + "\n";
  const std::string path = WriteBytes("big_gb.csv", ToGb18030(utf8));

  Status status;
  int64_t count = 0;
  int64_t last_row = 0;
  Cells last;
  status = ReadCsv(path, [&](int64_t row, const Cells& cells) {
    ++count;
    last_row = row;
    last = cells;
    if (row > 3001 && cells != Cells{"贵州省黔东南苗族侗族自治州", "𠀀,€", "编号" + std::to_string(row - 3002)}) {
      return Status::Internal("row " + std::to_string(row) + " decoded wrongly");
    }
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(count, 63001);
  EXPECT_EQ(last_row, 63001);
  EXPECT_EQ(last, (Cells{"贵州省黔东南苗族侗族自治州", "𠀀,€", "编号59999"}));
}

TEST_F(CsvFileTest, BomIsStrippedAndEmptyFilesHaveNoRows) {
  Status status;
  EXPECT_EQ(Read(WriteBytes("bom.csv", "\xEF\xBB\xBF\xE5\x90\x8D,x\n"), &status), (std::vector<Row>{{1, Cells{"名", "x"}}}));
  EXPECT_TRUE(Read(WriteBytes("empty.csv", ""), &status).empty());
  EXPECT_TRUE(status.ok());
  EXPECT_TRUE(Read(WriteBytes("bom_only.csv", "\xEF\xBB\xBF"), &status).empty());
  EXPECT_TRUE(status.ok());
}

TEST_F(CsvFileTest, RefusedInputs) {
  Status status;
  Read(WriteBytes("utf16.csv", std::string("\xFF\xFE" "a\0,\0b\0", 8)), &status);
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  Read(WriteBytes("not_gb.csv", "ok,\x80\xFF\xFF\n"), &status);  // 0x80 and 0xFF lead no GB18030 sequence
  EXPECT_EQ(status.code(), Code::kInvalidArgument) << status.ToString();
  Read(Path("missing.csv"), &status);
  EXPECT_EQ(status.code(), Code::kNotFound);
}

TEST_F(CsvFileTest, WriterDiscardsWithoutClose) {
  const std::string path = Path("discard.csv");
  {
    auto writer = CsvWriter::Open(path);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->WriteRow({"a"}).ok());
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  EXPECT_EQ(CsvWriter::Open(Path("no/dir/x.csv")).status().code(), Code::kInvalidArgument);  // write_failure_test.cc
}

TEST(Utf8ValidatorTest, StrictAndChunked) {
  const std::string good = "a中文𠀀€";
  for (size_t split = 0; split <= good.size(); ++split) {
    Utf8Validator v;
    EXPECT_TRUE(v.Feed(good.substr(0, split)));
    EXPECT_TRUE(v.Feed(good.substr(split)));
    EXPECT_TRUE(v.Finish()) << split;
  }
  for (const std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xD6\xD0", "\xE4\xB8"}) {
    Utf8Validator v;
    v.Feed(bad);
    EXPECT_FALSE(v.Finish());
  }
}

}  // namespace
}  // namespace shanhai::excel
