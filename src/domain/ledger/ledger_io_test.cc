// Spreadsheet import/export on both backends: templates, xlsx and CSV (GB18030 and UTF-8 with
// BOM) input, all-or-nothing rejection with spreadsheet row numbers, dry runs, skip_invalid,
// duplicates inside a file, export → re-import round trips and the error workbook.
#include "domain/ledger/error_sheet.h"
#include "domain/ledger/ledger_export.h"
#include "domain/ledger/ledger_io.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "domain/ledger/ledger_test_util.h"
#include "domain/ledger/record_json.h"
#include "domain/ledger/sheet_layout.h"
#include "excel/table_reader.h"
#include "excel/xlsx_writer.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::IsOk;
using domain_test::kCountyPair;
using Table = std::vector<std::vector<std::string>>;

const LedgerDef& Ledger(const std::string& name) { return *FindLedger(name); }

std::string WithoutStar(std::string header) {
  while (!header.empty() && header[0] == '*') header.erase(0, 1);
  return header;
}

Status WriteXlsx(const std::string& path, const Table& rows) {
  SH_ASSIGN_OR_RETURN(auto xlsx, excel::XlsxWriter::Open(path));
  SH_RETURN_IF_ERROR(xlsx->AddSheet("Sheet1"));
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c)
      if (!rows[r][c].empty())
        SH_RETURN_IF_ERROR(xlsx->WriteString(static_cast<int>(r), static_cast<int>(c), rows[r][c]));
  return xlsx->Close();
}

// Cells joined by commas (test data holds no commas or quotes), lines ended by eol.
std::string CsvText(const Table& rows, const std::string& eol = "\n") {
  std::string out;
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + row[c];
    out += eol;
  }
  return out;
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string Utf8ToGb18030(const std::string& utf8) {
  UErrorCode error = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &error);
  EXPECT_TRUE(U_SUCCESS(error)) << u_errorName(error);
  out.resize(U_SUCCESS(error) ? n : 0);
  return out;
}

Table ReadAll(const std::string& path) {
  Table rows;
  Status s = excel::ReadTable(path, [&](int64_t, const std::vector<std::string>& cells) {
    rows.push_back(cells);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return rows;
}

const Table kVisitHeader = {{"*帮扶关系", "*互访事由", "*方向", "带队领导", "*人次", "*开始日期", "结束日期"}};

std::vector<std::string> VisitRow(const std::string& title, const std::string& direction, const std::string& persons,
                                  const std::string& date, const std::string& leader = "", const std::string& end = "") {
  return {kCountyPair, title, direction, leader, persons, date, end};
}

Table GoodVisits(int n) {
  Table rows;
  for (int i = 0; i < n; ++i)
    rows.push_back(VisitRow("调研对接第" + std::to_string(i + 1) + "批", i % 2 ? "to_helper" : "东部→西部（派往受帮扶方）",
                            std::to_string(5 + i), "2020-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10)));
  return rows;
}

Table Concat(Table a, const Table& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

class LedgerIoTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
  }

  std::string Path(const std::string& name) { return test_db().TempPath(name); }

  ImportReport Import(const std::string& ledger, const std::string& path, ImportOptions options = {},
                      LedgerService* into = nullptr, const Actor& actor = Actor::System()) {
    auto report = ImportLedger(into ? *into : service(), actor, Ledger(ledger), path, options);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : ImportReport{.rows = -1};
  }

  RecordPage ListAll(const std::string& ledger, LedgerService* from = nullptr) {
    ListRequest request;
    request.page_size = 1000;
    auto page = (from ? *from : service()).List(Actor::System(), Ledger(ledger), request);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? *page : RecordPage{};
  }
};

TEST_P(LedgerIoTest, TemplateFilledInAsXlsxImports) {
  const std::string tpl = Path("visits_template.xlsx");
  ASSERT_TRUE(IsOk(WriteTemplate(Ledger("visits"), tpl)));
  const Table template_rows = ReadAll(tpl);
  ASSERT_EQ(template_rows.size(), 2u);  // headers and the instructions row
  const std::vector<std::string>& headers = template_rows[0];
  EXPECT_EQ(headers[0], "*帮扶关系");
  EXPECT_NE(std::find(headers.begin(), headers.end(), "*互访事由"), headers.end());
  EXPECT_NE(std::find(headers.begin(), headers.end(), "结束日期"), headers.end());
  EXPECT_TRUE(template_rows[1][0].starts_with("填写说明"));

  // Fill the template's own columns: cells by header.
  auto row = [&](std::map<std::string, std::string> by_header) {
    std::vector<std::string> cells;
    for (const std::string& h : headers) cells.push_back(by_header.count(h) ? by_header[h] : "");
    return cells;
  };
  Table filled = template_rows;
  filled.push_back(row({{"*帮扶关系", kCountyPair}, {"*互访事由", "白云区党政代表团赴平塘县考察"},
                        {"*方向", "东部→西部（派往受帮扶方）"}, {"带队领导", "苏小澎"}, {"*人次", "15"},
                        {"*开始日期", "2020-06-09"}, {"结束日期", "2020-06-09"}}));
  filled.push_back(row({{"*帮扶关系", kCountyPair}, {"*互访事由", "平塘县党政代表团赴白云区考察"},
                        {"*方向", "西部→东部（派往帮扶方）"}, {"*人次", "１４"},  // full-width digits
                        {"*开始日期", "2020/6/18"}, {"结束日期", "44001"}}));  // Excel serial of 2020-06-19
  const std::string path = Path("visits.xlsx");
  ASSERT_TRUE(IsOk(WriteXlsx(path, filled)));

  ImportReport report = Import("visits", path);
  EXPECT_EQ(report.rows, 2);
  EXPECT_EQ(report.valid, 2);
  EXPECT_EQ(report.invalid, 0);
  EXPECT_EQ(report.stored, 2);
  EXPECT_TRUE(report.errors.empty());

  ListRequest request;
  request.sort = "start_date";
  auto page = service().List(Actor::System(), Ledger("visits"), request);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->records.size(), 2u);
  const Record& first = page->records[0];
  const Record& second = page->records[1];
  EXPECT_EQ(AsText(*first.Get("title")), "白云区党政代表团赴平塘县考察");
  EXPECT_EQ(AsText(*first.Get("direction")), "to_helped");
  EXPECT_EQ(AsText(*first.Get("leader_name")), "苏小澎");
  EXPECT_EQ(AsInt(*first.Get("person_times")), 15);
  EXPECT_EQ(AsText(*second.Get("direction")), "to_helper");
  EXPECT_EQ(AsInt(*second.Get("person_times")), 14);
  EXPECT_EQ(AsText(*second.Get("start_date")), "2020-06-18");
  EXPECT_EQ(AsText(*second.Get("end_date")), "2020-06-19");
  EXPECT_EQ(AuditRows(db(), "import"), 3);  // one per record, one for the file
}

// A funds template offers 万元 columns: a bare number there is 万元 (full-width digits too), a
// cell with its own unit keeps it; an older header in 元, with ASCII brackets, reads 元.
TEST_P(LedgerIoTest, MoneyCellsAreReadInTheUnitTheirHeaderNames) {
  const std::string tpl = Path("funds_template.xlsx");
  ASSERT_TRUE(IsOk(WriteTemplate(Ledger("funds"), tpl)));
  const std::vector<std::string> headers = ReadAll(tpl)[0];
  EXPECT_NE(std::find(headers.begin(), headers.end(), "*金额（万元）"), headers.end());
  EXPECT_NE(std::find(headers.begin(), headers.end(), "已拨付（万元）"), headers.end());

  const std::string path = Path("funds.xlsx");
  ASSERT_TRUE(IsOk(WriteXlsx(path, {{"*帮扶关系", "*资金事项", "*资金类型", "*方向", "*金额（万元）", "已拨付（万元）", "*日期"},
                                    {kCountyPair, "万元列一", "财政援助资金", "东部→西部", "５０", "12.345678", "2020-01-01"},
                                    {kCountyPair, "万元列二", "社会帮扶资金", "东部→西部", "0.5亿", "500元", "2020-01-02"}})));
  ImportReport report = Import("funds", path);
  ASSERT_EQ(report.stored, 2) << (report.errors.empty() ? "" : report.errors[0].message_en);
  const std::string old = Path("funds_yuan.csv");
  WriteBytes(old, CsvText({{"*帮扶关系", "*资金事项", "*资金类型", "*方向", "*金额(元)", "*日期"},
                           {kCountyPair, "元列", "fiscal", "to_helped", "1033.98", "2020-01-03"}}));
  ASSERT_EQ(Import("funds", old).stored, 1);

  ListRequest request;
  request.sort = "fund_date";
  auto page = service().List(Actor::System(), Ledger("funds"), request);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->records.size(), 3u);
  EXPECT_EQ(AsInt(*page->records[0].Get("amount_fen")), 50'000'000);      // 50万元
  EXPECT_EQ(AsInt(*page->records[0].Get("paid_fen")), 12'345'678);        // 12.345678万元
  EXPECT_EQ(AsInt(*page->records[1].Get("amount_fen")), 5'000'000'000);   // 0.5亿元
  EXPECT_EQ(AsInt(*page->records[1].Get("paid_fen")), 50'000);            // 500元
  EXPECT_EQ(AsInt(*page->records[2].Get("amount_fen")), 103'398);         // 1033.98元
}

// A bad amount in a 万元 column is named by the column as the file heads it, and quoted as typed
// (the unit comes from the header, not from the cell).
TEST_P(LedgerIoTest, AMoneyErrorNamesTheColumnAsHeadedAndQuotesTheCellAsTyped) {
  const std::string path = Path("funds_bad.xlsx");
  ASSERT_TRUE(IsOk(WriteXlsx(path, {{"*帮扶关系", "*资金事项", "*资金类型", "*方向", "*金额(万)", "*日期"},
                                    {kCountyPair, "太细", "财政援助资金", "东部→西部", "0.0000001", "2020-01-01"}})));
  ImportReport report = Import("funds", path);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].field, "金额(万)");
  EXPECT_EQ(report.errors[0].message_zh, "金额（万元）：金额“0.0000001”有 7 位小数，最多允许 6 位");
  EXPECT_NE(report.errors[0].message_en.find("Amount (10,000 yuan)"), std::string::npos) << report.errors[0].message_en;
}

// Region cells by name within the pair (白云区 and 平塘县): resolved, or refused naming why. The
// column says a name may be written; the header of earlier templates still imports.
TEST_P(LedgerIoTest, RegionCellsByNameWithinThePair) {
  const std::string path = Path("units.csv");
  WriteBytes(path, CsvText({{"*帮扶关系", "*单位名称", "*所属方", "*单位类型", "所在地（名称或代码）"},
                            {kCountyPair, "石门街道", "帮扶方", "街道", "石门街道"},
                            {kCountyPair, "甲坝村", "受帮扶方", "村", "甲坝村"},
                            {kCountyPair, "甲坝村（乡名简写）", "受帮扶方", "村", "卡蒲乡甲坝村"},
                            {kCountyPair, "甲坝村（不写村）", "受帮扶方", "村", "甲坝"}}));
  ImportReport stored = Import("units", path);
  ASSERT_EQ(stored.stored, 4) << (stored.errors.empty() ? "" : stored.errors[0].message_zh);
  RecordPage page = ListAll("units");
  std::map<std::string, std::string> region_of;
  for (const Record& r : page.records) region_of[AsText(*r.Get("name"))] = AsText(*r.Get("region_code"));
  EXPECT_EQ(region_of["石门街道"], "440111019");
  for (const char* name : {"甲坝村", "甲坝村（乡名简写）", "甲坝村（不写村）"})
    EXPECT_EQ(region_of[name], "522727200205") << name;

  const std::string bad = Path("units_bad.csv");
  WriteBytes(bad, CsvText({{"*帮扶关系", "*单位名称", "*所属方", "*单位类型", "所在地（行政区划代码）"},
                           {kCountyPair, "荔波县某单位", "受帮扶方", "其他", "荔波县"}}));
  ImportReport report = Import("units", bad);
  EXPECT_EQ(report.stored, 0);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].message_zh,
            "所在地：“荔波县”不在本帮扶关系的两方地区（白云区（440111）、平塘县（522727））之内");
  EXPECT_EQ(Count("units"), 4);
}

// A pairs sheet names its sides as the console shows them (广州市海珠区, 黔南州长顺县) or by a
// name unique in the catalogue; an ambiguous one lists the candidates with their codes, a town
// is no side of a pair. The English header of earlier templates still imports.
TEST_P(LedgerIoTest, PairsSheetNamesItsSidesAnywhereInTheCatalogue) {
  const std::string path = Path("pairs.csv");
  WriteBytes(path, CsvText({{"*帮扶方（名称或代码）", "Helped region code"},
                            {"广州市海珠区", "黔南州长顺县"},
                            {"番禺区", "522730"}}));
  ImportReport report = Import("pairs", path);
  ASSERT_EQ(report.stored, 2) << (report.errors.empty() ? "" : report.errors[0].message_zh);
  std::set<std::string> codes;
  for (const Record& r : ListAll("pairs").records) codes.insert(AsText(*r.Get("code")));
  EXPECT_TRUE(codes.contains("440105-522729")) << "海珠区—长顺县";
  EXPECT_TRUE(codes.contains("440113-522730")) << "番禺区—龙里县";

  const std::string bad = Path("pairs_bad.csv");
  WriteBytes(bad, CsvText({{"*帮扶方（名称或代码）", "*受帮扶方（名称或代码）"},
                           {"白云区", "黔南州平塘县"},
                           {"广州市荔湾区", "甲坝村"}}));
  report = Import("pairs", bad);
  EXPECT_EQ(report.stored, 0);
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].message_zh,
            "帮扶方：“白云区”可指多个地区：广州市白云区（440111）、贵阳市白云区（520113），请填写其中之一的代码");
  EXPECT_EQ(report.errors[1].message_zh,
            "受帮扶方：没有名为“甲坝村”的省、市或县（请填写名称，如 广州市白云区，或行政区划代码，如 440111）");
  EXPECT_NE(report.errors[1].message_en.find("no province, city or county is called \"甲坝村\""), std::string::npos)
      << report.errors[1].message_en;
}

TEST_P(LedgerIoTest, Gb18030CsvImports) {
  const Table units = {{"帮扶关系", "单位名称", "所属方", "单位类型", "所在地（行政区划代码）", "深度贫困村"},
                       {kCountyPair, "甲坝村", "受帮扶方", "村（社区）", "522727200205", "是"},
                       {kCountyPair, "白云区结对企业01", "帮扶方", "企业", "440111", "否"},
                       {kCountyPair, "广州石门街商会", "帮扶方", "协会/商会", "440111", "否"}};
  const std::string utf8 = CsvText(units, "\r\n");
  const std::string gb = Utf8ToGb18030(utf8);
  ASSERT_FALSE(gb.empty());
  ASSERT_NE(gb, utf8);  // really another encoding
  const std::string path = Path("units_gb18030.csv");
  WriteBytes(path, gb);

  ImportReport report = Import("units", path);
  EXPECT_EQ(report.stored, 3) << (report.errors.empty() ? "" : report.errors[0].message_en);
  RecordPage page = ListAll("units");
  ASSERT_EQ(page.records.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const Record& r = page.records[i];
    const auto expected = std::find_if(units.begin() + 1, units.end(),
                                       [&](const auto& row) { return row[1] == AsText(*r.Get("name")); });
    ASSERT_NE(expected, units.end()) << AsText(*r.Get("name"));
    EXPECT_EQ(AsText(*r.Get("region_code")), (*expected)[4]);
    EXPECT_EQ(AsInt(*r.Get("deep_poverty")), (*expected)[5] == "是" ? 1 : 0);
  }
}

TEST_P(LedgerIoTest, Utf8CsvWithBomImports) {
  const Table rows = Concat(kVisitHeader, GoodVisits(3));
  const std::string path = Path("visits_bom.csv");
  WriteBytes(path, "\xEF\xBB\xBF" + CsvText(rows, "\r\n"));
  ImportReport report = Import("visits", path);
  EXPECT_EQ(report.stored, 3);
  EXPECT_EQ(Count("visits"), 3);
  RecordPage page = ListAll("visits");
  ASSERT_EQ(page.records.size(), 3u);
  EXPECT_EQ(AsText(*page.records[0].Get("title")), rows[1][1]);
}

TEST_P(LedgerIoTest, OneBadRowStoresNothingAndIsNamedBySpreadsheetRow) {
  Table rows = kVisitHeader;
  rows.push_back({"填写说明（导入时跳过本行）"});
  Table data = GoodVisits(5);
  const size_t bad_index = 2;
  data[bad_index][4] = "abc";         // 人次
  data[bad_index][5] = "2020-02-30";  // 开始日期
  rows = Concat(rows, data);
  const int64_t bad_row = 1 /*header*/ + 1 /*instructions*/ + static_cast<int64_t>(bad_index) + 1;
  const std::string path = Path("visits_bad.xlsx");
  ASSERT_TRUE(IsOk(WriteXlsx(path, rows)));
  const int64_t audit_before = AuditRows(db());

  ImportReport report = Import("visits", path);
  EXPECT_EQ(report.rows, 5);
  EXPECT_EQ(report.valid, 4);
  EXPECT_EQ(report.invalid, 1);
  EXPECT_EQ(report.stored, 0);
  ASSERT_EQ(report.errors.size(), 2u);
  std::vector<std::string> fields;
  for (const FieldError& e : report.errors) {
    EXPECT_EQ(e.row, bad_row);
    EXPECT_FALSE(e.message_zh.empty());
    EXPECT_FALSE(e.message_en.empty());
    fields.push_back(e.field);
  }
  std::sort(fields.begin(), fields.end());
  std::vector<std::string> expected = {WithoutStar(kVisitHeader[0][4]), WithoutStar(kVisitHeader[0][5])};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(fields, expected);
  EXPECT_EQ(Count("visits"), 0);
  // Nothing of the import stays, but the refusal itself is audited.
  EXPECT_EQ(AuditRows(db()), audit_before + 1);
  EXPECT_EQ(AuditRows(db(), "import_refused"), 1);
}

TEST_P(LedgerIoTest, DryRunStoresNothingAndCountsValidRows) {
  const std::string path = Path("visits.csv");
  WriteBytes(path, CsvText(Concat(kVisitHeader, GoodVisits(4))));
  const int64_t audit_before = AuditRows(db());
  ImportReport dry = Import("visits", path, {.dry_run = true});
  EXPECT_EQ(dry.rows, 4);
  EXPECT_EQ(dry.valid, 4);
  EXPECT_EQ(dry.invalid, 0);
  EXPECT_EQ(dry.stored, 0);
  EXPECT_EQ(Count("visits"), 0);
  EXPECT_EQ(AuditRows(db()), audit_before + 1);  // the dry run's own entry, nothing of its rows
  EXPECT_EQ(AuditRows(db(), "import_dry_run"), 1);
  EXPECT_EQ(Import("visits", path).stored, 4);
  EXPECT_EQ(Count("visits"), 4);
}

TEST_P(LedgerIoTest, SkipInvalidStoresTheGoodRows) {
  Table data = GoodVisits(4);
  data[1][2] = "南北";  // 方向: not an option
  const std::string path = Path("visits.csv");
  WriteBytes(path, CsvText(Concat(kVisitHeader, data)));
  ImportReport report = Import("visits", path, {.skip_invalid = true});
  EXPECT_EQ(report.rows, 4);
  EXPECT_EQ(report.valid, 3);
  EXPECT_EQ(report.invalid, 1);
  EXPECT_EQ(report.stored, 3);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].row, 3);  // header is row 1, data row index 1 is row 3
  EXPECT_EQ(report.errors[0].field, WithoutStar(kVisitHeader[0][2]));
  EXPECT_EQ(Count("visits"), 3);
  RecordPage page = ListAll("visits");
  for (const Record& r : page.records) EXPECT_NE(AsText(*r.Get("title")), data[1][1]);
}

// A need imported already claimed meets the claim's condition: its claimer is a unit of the helper
// side (FieldDef::ref_where); the file is refused whole, the row and column named.
TEST_P(LedgerIoTest, AClaimedNeedImportedNamesAClaimerOfTheHelperSide) {
  ASSERT_NE(Add("units", kCountyPair, {{"name", "白云区结对企业01"}, {"side", "helper"}, {"kind", "enterprise"}}), 0);
  ASSERT_NE(Add("units", kCountyPair, {{"name", "甲坝村"}, {"side", "helped"}, {"kind", "village"}}), 0);
  const Table needs = {{"帮扶关系", "需求名称", "需求类别", "发布日期", "状态", "认领单位", "认领日期"},
                       {kCountyPair, "课桌椅", "物资", "2021-03-01", "已认领", "白云区结对企业01", "2021-03-05"},
                       {kCountyPair, "图书角", "物资", "2021-03-01", "已认领", "甲坝村", "2021-03-05"}};
  const std::string path = Path("needs.csv");
  WriteBytes(path, CsvText(needs));
  ImportReport report = Import("needs", path);
  EXPECT_EQ(report.stored, 0);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].row, 3);
  EXPECT_EQ(report.errors[0].field, "认领单位");
  EXPECT_NE(report.errors[0].message_zh.find("须是帮扶方的单位（“甲坝村”不符）"), std::string::npos) << report.errors[0].message_zh;
  EXPECT_NE(report.errors[0].message_en.find("helper side (\"甲坝村\" is not)"), std::string::npos) << report.errors[0].message_en;
  EXPECT_EQ(Count("needs"), 0);
}

// A template named .csv is a CSV (headers and the instructions row, which lists the choices),
// not an .xlsx under that name; filled in, it imports. Another extension is refused.
TEST_P(LedgerIoTest, TemplateNamedCsvIsACsvThatImports) {
  const std::string tpl = Path("visits_template.csv");
  ASSERT_TRUE(IsOk(WriteTemplate(Ledger("visits"), tpl)));
  const Table rows = ReadAll(tpl);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "*帮扶关系");
  EXPECT_TRUE(rows[1][0].starts_with("填写说明"));
  EXPECT_NE(rows[1][2].find("东部→西部（派往受帮扶方）"), std::string::npos) << rows[1][2];
  std::ifstream in(tpl, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_FALSE(bytes.starts_with("PK")) << "an .xlsx under the .csv name";

  std::vector<std::string> row(rows[0].size());
  const std::map<std::string, std::string> cells = {{"*帮扶关系", kCountyPair}, {"*互访事由", "考察"},
      {"*方向", "东部→西部（派往受帮扶方）"}, {"*人次", "3"}, {"*开始日期", "2020-06-09"}};
  for (size_t i = 0; i < row.size(); ++i)
    if (auto c = cells.find(rows[0][i]); c != cells.end()) row[i] = c->second;
  WriteBytes(tpl, bytes + CsvText({row}));
  ImportReport report = Import("visits", tpl);
  EXPECT_EQ(report.stored, 1) << (report.errors.empty() ? "" : report.errors[0].message_en);
  EXPECT_EQ(WriteTemplate(Ledger("visits"), Path("visits_template.txt")).code(), Code::kInvalidArgument);
}

TEST_P(LedgerIoTest, DuplicateNaturalKeysInAFileNameBothRows) {
  const Table units = {{"帮扶关系", "单位名称", "所属方", "单位类型", "深度贫困村"},
                       {kCountyPair, "甲坝村", "受帮扶方", "村（社区）", "是"},
                       {kCountyPair, "白云区结对企业01", "帮扶方", "企业", "否"},
                       {kCountyPair, "甲坝村", "受帮扶方", "村（社区）", "是"}};
  const std::string path = Path("units.csv");
  WriteBytes(path, CsvText(units));
  ImportReport report = Import("units", path);
  EXPECT_EQ(report.stored, 0);
  EXPECT_EQ(report.invalid, 1);
  ASSERT_EQ(report.errors.size(), 1u);
  const FieldError& e = report.errors[0];
  EXPECT_EQ(e.row, 4);
  EXPECT_EQ(e.field, "单位名称");
  EXPECT_NE(e.message_zh.find("第2行"), std::string::npos) << e.message_zh;
  EXPECT_NE(e.message_en.find("row 2"), std::string::npos) << e.message_en;
  EXPECT_EQ(Count("units"), 0);

  // A name already in the database is refused as well.
  ASSERT_NE(Add("units", kCountyPair, {{"name", "甲坝村"}, {"side", "helped"}, {"kind", "village"}, {"deep_poverty", "1"}}), 0);
  const std::string single = Path("units_single.csv");
  WriteBytes(single, CsvText({units[0], units[1]}));
  ImportReport again = Import("units", single);
  EXPECT_EQ(again.stored, 0);
  ASSERT_EQ(again.errors.size(), 1u);
  EXPECT_EQ(again.errors[0].row, 2);
  EXPECT_EQ(again.errors[0].field, "单位名称");
  EXPECT_EQ(Count("units"), 1);
}

// A conflict only the database sees (pairings have no natural key; the table is unique on
// helper, helped and level): the row is named, and with skip_invalid the other rows are kept,
// on both backends alike.
TEST_P(LedgerIoTest, DatabaseLevelConflictIsARowErrorOnBothBackends) {
  for (const auto& [name, side, kind] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"石门街道", "helper", "street"}, {"江高镇", "helper", "town"},
           {"甲坝村", "helped", "village"}, {"新场村", "helped", "village"}})
    ASSERT_NE(Add("units", kCountyPair, {{"name", name}, {"side", side}, {"kind", kind}, {"deep_poverty", "0"}}), 0);
  const Table pairings = {{"帮扶关系", "帮扶单位", "受帮扶单位", "结对层级", "结对日期"},
                          {kCountyPair, "石门街道", "甲坝村", "镇（街）–村", "2018-03-15"},
                          {kCountyPair, "石门街道", "甲坝村", "镇（街）–村", "2018-03-16"},
                          {kCountyPair, "江高镇", "新场村", "镇（街）–村", "2018-04-15"}};
  const std::string path = Path("pairings.csv");
  WriteBytes(path, CsvText(pairings));

  ImportReport strict = Import("pairings", path);
  EXPECT_EQ(strict.stored, 0);
  EXPECT_EQ(strict.invalid, 1);
  ASSERT_FALSE(strict.errors.empty());
  EXPECT_EQ(strict.errors[0].row, 3);
  EXPECT_EQ(Count("pairings"), 0);

  ImportReport lenient = Import("pairings", path, {.skip_invalid = true});
  EXPECT_EQ(lenient.stored, 2);
  EXPECT_EQ(lenient.invalid, 1);
  ASSERT_FALSE(lenient.errors.empty());
  EXPECT_EQ(lenient.errors[0].row, 3);
  EXPECT_EQ(Count("pairings"), 2);
}

// The same conflict in a load of many rows: the database refuses one multi-row statement
// after others of the batch went in; what went in is taken back (SQLite) or rolled back to the
// batch's savepoint (PostgreSQL), and the retry row by row stores every other row once.
TEST_P(LedgerIoTest, ADatabaseLevelConflictInsideALargeBatchStoresEveryOtherRowOnce) {
  constexpr int kSide = 16;  // 16 × 16 distinct pairings
  for (int i = 0; i < kSide; ++i) {
    ASSERT_NE(Add("units", kCountyPair,
                  {{"name", "街道" + std::to_string(i)}, {"side", "helper"}, {"kind", "street"}, {"deep_poverty", "0"}}),
              0);
    ASSERT_NE(Add("units", kCountyPair,
                  {{"name", "村" + std::to_string(i)}, {"side", "helped"}, {"kind", "village"}, {"deep_poverty", "0"}}),
              0);
  }
  Table pairings = {{"帮扶关系", "帮扶单位", "受帮扶单位", "结对层级", "结对日期"}};
  for (int i = 0; i < kSide * kSide; ++i)
    pairings.push_back({kCountyPair, "街道" + std::to_string(i / kSide), "村" + std::to_string(i % kSide),
                        "镇（街）–村", "2018-03-15"});
  // Spreadsheet row 152 (data row 151, in the second hundred) repeats row 12.
  pairings.insert(pairings.begin() + 151, pairings[11]);
  const std::string path = Path("many-pairings.csv");
  WriteBytes(path, CsvText(pairings));
  const int64_t audit_before = AuditRows(db(), "import");

  ImportReport strict = Import("pairings", path);
  EXPECT_EQ(strict.stored, 0);
  EXPECT_EQ(strict.invalid, 1);
  EXPECT_EQ(Count("pairings"), 0);

  ImportReport lenient = Import("pairings", path, {.skip_invalid = true});
  EXPECT_EQ(lenient.invalid, 1);
  ASSERT_EQ(lenient.errors.size(), 1u);
  EXPECT_EQ(lenient.errors[0].row, 152);
  EXPECT_EQ(lenient.stored, kSide * kSide);
  EXPECT_EQ(Count("pairings"), kSide * kSide);
  // One audit entry per stored record (and one for the file), each naming a record that exists.
  EXPECT_EQ(AuditRows(db(), "import"), audit_before + kSide * kSide + 1);
  auto orphans = db().Query(
      "SELECT COUNT(*) FROM audit_log a WHERE a.action = 'import' AND a.ledger = 'pairings' AND a.record_id IS NOT NULL "
      "AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.id = a.record_id)");
  ASSERT_TRUE(orphans.ok()) << orphans.status().ToString();
  EXPECT_EQ(AsInt(orphans->rows[0][0]), 0);
}

// New ids start above every stored one even where SQLite's sequence row is missing (a database
// copied table by table): a bulk load refused by the database deletes its rows by their id range,
// which must never hold a record stored before.
TEST_P(LedgerIoTest, AnImportNeverTakesTheIdOfAStoredRecord) {
  const int64_t kept = Add("units", kCountyPair, {{"name", "甲坝村"}, {"side", "helped"}, {"kind", "village"}});
  ASSERT_NE(kept, 0);
  if (GetParam() == Dialect::kSqlite) {
    ASSERT_TRUE(db().Execute("DELETE FROM sqlite_sequence WHERE name = 'units'").ok());
  }
  const std::string path = Path("more-units.csv");
  WriteBytes(path, CsvText({{"帮扶关系", "单位名称", "所属方", "单位类型"},
                            {kCountyPair, "白云区结对企业01", "帮扶方", "企业"},
                            {kCountyPair, "白云区结对企业02", "帮扶方", "企业"}}));
  ImportReport report = Import("units", path);
  EXPECT_EQ(report.stored, 2);
  EXPECT_EQ(Count("units"), 3);
  auto still = service().Get(Actor::System(), Ledger("units"), kept);
  ASSERT_TRUE(still.ok()) << still.status().ToString();
  EXPECT_EQ(AsText(*still->Get("name")), "甲坝村");
}

TEST_P(LedgerIoTest, UnknownColumnsAndViewersAreRefused) {
  const std::string path = Path("visits.csv");
  WriteBytes(path, CsvText({{"*帮扶关系", "*互访事由", "天气"}, {kCountyPair, "考察", "晴"}}));
  auto report = ImportLedger(service(), Actor::System(), Ledger("visits"), path, {});
  ASSERT_EQ(report.status().code(), Code::kInvalidArgument);
  EXPECT_NE(report.status().message_zh().find("天气"), std::string::npos);
  WriteBytes(path, CsvText(Concat(kVisitHeader, GoodVisits(1))));
  EXPECT_EQ(ImportLedger(service(), domain_test::Viewer(), Ledger("visits"), path, {}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(Count("visits"), 0);
}

TEST_P(LedgerIoTest, AnOrganisationImportsOnlyRecordsItOwns) {
  const int64_t a = Add("units", kCountyPair, {{"name", "甲企业"}, {"side", "helper"}, {"kind", "enterprise"}});
  Add("units", kCountyPair, {{"name", "乙企业"}, {"side", "helper"}, {"kind", "enterprise"}});
  const std::string path = Path("funds.csv");
  WriteBytes(path, CsvText({{"*帮扶关系", "*资金事项", "*资金类型", "*方向", "*金额（元）", "*日期", "出资单位"},
                            {kCountyPair, "甲企业捐赠", "social", "to_helped", "100", "2021-06-01", "甲企业"},
                            {kCountyPair, "冒名乙企业", "social", "to_helped", "100", "2021-06-01", "乙企业"}}));
  const Actor owner = domain_test::OwnerOf("units", a);
  const ImportReport report = Import("funds", path, {.skip_invalid = true}, nullptr, owner);
  EXPECT_EQ(report.stored, 1);
  EXPECT_EQ(report.invalid, 1);
  const RecordPage funds = ListAll("funds");
  ASSERT_EQ(funds.records.size(), 1u);
  EXPECT_EQ(AsInt(*funds.records[0].Get("helper_unit_id")), a);
  // New organisations are not an organisation's to make.
  WriteBytes(path, CsvText({{"*帮扶关系", "*单位名称", "*所属方", "*单位类型"}, {kCountyPair, "丙企业", "helper", "enterprise"}}));
  EXPECT_EQ(ImportLedger(service(), owner, Ledger("units"), path, {}).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Count("units"), 2);
}

// A record as a comparable string: every field's value, references by the referenced record's
// natural key (ids differ between databases).
std::vector<std::string> Canonical(const LedgerDef& def, const RecordPage& page) {
  std::vector<std::string> out;
  for (const Record& r : page.records) {
    std::string s = r.pair_code;
    for (const FieldDef& f : def.fields) {
      const Value* v = r.Get(f.key);
      std::string text = v ? AsText(*v) : "";
      if (f.type == FieldType::kRef && v && !IsNull(*v)) {
        auto labels = page.ref_labels.find(f.key);
        text = labels == page.ref_labels.end() ? "?" : labels->second.at(AsInt(*v));
      }
      s += "|" + f.key + "=" + text;
    }
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_P(LedgerIoTest, ExportThenReimportIntoAFreshDatabaseGivesTheSameRecords) {
  ASSERT_NE(Add("units", kCountyPair,
                {{"name", "石门街道"}, {"side", "helper"}, {"kind", "street"}, {"region_code", "440111"},
                 {"deep_poverty", "0"}, {"note", "含中文、英文 and 符号；"}}),
            0);
  ASSERT_NE(Add("units", kCountyPair,
                {{"name", "甲坝村"}, {"side", "helped"}, {"kind", "village"}, {"region_code", "522727200205"},
                 {"deep_poverty", "1"}}),
            0);
  ASSERT_NE(Add("visits", kCountyPair,
                {{"title", "白云区党政代表团赴平塘县考察"}, {"direction", "to_helped"}, {"leader_name", "苏小澎"},
                 {"person_times", "15"}, {"start_date", "2020-06-09"}, {"end_date", "2020-06-09"}}),
            0);
  ASSERT_NE(Add("visits", kCountyPair,
                {{"title", "平塘县代表团赴白云区考察学习"}, {"direction", "to_helper"}, {"person_times", "14"},
                 {"start_date", "2020-06-18"}}),
            0);
  // Text a spreadsheet would run as a formula: defused in the CSV, the same text once imported.
  ASSERT_NE(Add("visits", kCountyPair,
                {{"title", "=HYPERLINK(\"http://example.invalid\")"}, {"direction", "to_helper"}, {"person_times", "2"},
                 {"start_date", "2020-06-19"}, {"note", "-（会后补充）"}}),
            0);
  ASSERT_NE(Add("funds", kCountyPair,
                {{"title", "结对帮扶资金"}, {"kind", "social"}, {"direction", "to_helped"}, {"amount_fen", "12345678"},
                 {"paid_fen", "1"}, {"fund_date", "2019-06-30"}, {"helper_unit_id", "石门街道"},
                 {"helped_unit_id", "甲坝村"}}),
            0);
  ASSERT_NE(Add("funds", kCountyPair,
                {{"title", "财政援助资金"}, {"kind", "fiscal"}, {"direction", "to_helped"}, {"amount_fen", "100000000"},
                 {"fund_date", "2020-01-15"}}),
            0);
  const std::vector<std::string> ledgers = {"units", "visits", "funds"};  // import order: references first

  for (const std::string ext : {".xlsx", ".csv"}) {
    SCOPED_TRACE(ext);
    auto fresh = TestDatabase::Create(GetParam());
    ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
    ASSERT_TRUE(IsOk(Migrate((*fresh)->db())));
    std::unique_ptr<LedgerService> other = MakeService((*fresh)->db());
    ASSERT_TRUE(other->Create(Actor::System(), Ledger("pairs"),
                              RawRecord{"", {{"helper_region", "440111"}, {"helped_region", "522727"}}}, InputSource::kApi)
                    .ok());
    for (const std::string& name : ledgers) {
      const std::string path = Path(name + ext);
      std::filesystem::remove(path);
      auto written = ExportLedger(service(), Actor::System(), Ledger(name), ListRequest{}, path);
      ASSERT_TRUE(written.ok()) << written.status().ToString();
      EXPECT_EQ(*written, Count(name));
      ImportReport report = Import(name, path, {}, other.get());
      EXPECT_EQ(report.stored, Count(name)) << name << (report.errors.empty() ? "" : ": " + report.errors[0].field +
                                                                                           " " + report.errors[0].message_en);
      EXPECT_EQ(Canonical(Ledger(name), ListAll(name, other.get())), Canonical(Ledger(name), ListAll(name)));
    }
  }
}

TEST_P(LedgerIoTest, EachImportedRecordHasItsOwnAuditEntryWithTheRecordAfterMasked) {
  const std::string id1 = domain_test::Id18("52272719850312123"), id2 = domain_test::Id18("52272719900101456");
  const std::string path = Path("people.csv");
  WriteBytes(path, CsvText({{"*帮扶关系", "*姓名", "*身份证号", "手机号", "*帮扶对象类别"},
                            {kCountyPair, "韦明", id1, "13912345678", "脱贫户"},
                            {kCountyPair, "罗芳", id2, "13812345678", "监测对象"}}));
  ImportReport report = Import("people", path);
  ASSERT_EQ(report.stored, 2);
  auto rows = db().Query("SELECT record_id, after_json, ledger, helped_region FROM audit_log WHERE action = 'import' "
                         "AND record_id IS NOT NULL ORDER BY seq");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), 2u);
  for (const auto& r : rows->rows) {
    const int64_t id = AsInt(r[0]);
    // Exactly what a create would have logged: the record as Get shows it to a reader who may
    // not reveal (the audit log keeps that form whoever acted).
    auto stored = service().Get(domain_test::Viewer(), Ledger("people"), id);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    EXPECT_EQ(AsText(r[1]), RecordToJsonText(Ledger("people"), *stored));
    EXPECT_EQ(AsText(r[1]).find(id1), std::string::npos);
    EXPECT_EQ(AsText(r[1]).find(id2), std::string::npos);
    EXPECT_EQ(AsText(r[1]).find("13912345678"), std::string::npos);
    EXPECT_EQ(AsText(r[2]), "people");
    EXPECT_EQ(AsText(r[3]), "522727");
  }
  // And the file's own entry; a rejected file leaves none.
  EXPECT_EQ(AuditRows(db(), "import"), 3);
  WriteBytes(path, CsvText({{"*帮扶关系", "*姓名", "*身份证号", "*帮扶对象类别"},
                            {kCountyPair, "韦一", domain_test::Id18("52272719850312777"), "脱贫户"},
                            {kCountyPair, "韦二", "bad", "脱贫户"}}));
  EXPECT_EQ(Import("people", path).stored, 0);
  EXPECT_EQ(AuditRows(db(), "import"), 3);
}

TEST_P(LedgerIoTest, AnExportIsAuditedWithItsFilterAndRowCount) {
  const std::string path = Path("visits_in.csv");
  WriteBytes(path, CsvText(Concat(kVisitHeader, GoodVisits(3))));
  ASSERT_EQ(Import("visits", path).stored, 3);
  ListRequest request;
  request.pair = PairScope::Parse(kCountyPair).value();
  request.date_from = "2019-01-01";
  auto n = ExportLedger(service(), domain_test::StaffIn("522727"), Ledger("visits"), request, Path("out.csv"));
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  auto rows = db().Query("SELECT actor, ledger, detail FROM audit_log WHERE action = 'export'");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(AsText(rows->rows[0][0]), "staff_522727");
  EXPECT_EQ(AsText(rows->rows[0][1]), "visits");
  const boost::json::object detail = boost::json::parse(AsText(rows->rows[0][2])).as_object();
  EXPECT_EQ(detail.at("rows").as_int64(), *n);
  EXPECT_EQ(detail.at("format").as_string(), "csv");
  EXPECT_EQ(detail.at("filter").as_object().at("pair").as_string(), kCountyPair);
  EXPECT_EQ(detail.at("filter").as_object().at("from").as_string(), "2019-01-01");
}

// The export reads the ledger a thousand records at a time by keyset: across the pages every
// record is written exactly once, in the order the list gives (here checked by OFFSET pages).
TEST_P(LedgerIoTest, ALargeExportWritesEveryRecordOnceInTheListsOrder) {
  const int n = 2345;
  const std::string in = Path("visits_many.csv");
  WriteBytes(in, CsvText(Concat(kVisitHeader, GoodVisits(n))));
  ASSERT_EQ(Import("visits", in).stored, n);
  for (const std::string sort : {"", "-start_date", "person_times"}) {
    SCOPED_TRACE(sort);
    ListRequest request;
    request.sort = sort;
    const std::string out = Path("visits_out.csv");
    auto written = ExportLedger(service(), Actor::System(), Ledger("visits"), request, out);
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    EXPECT_EQ(*written, n);
    std::vector<std::string> expected;
    ListRequest page = request;
    page.page_size = 1000;
    for (page.page = 1;; ++page.page) {
      auto listed = service().List(Actor::System(), Ledger("visits"), page);
      ASSERT_TRUE(listed.ok()) << listed.status().ToString();
      for (const Record& r : listed->records) expected.push_back(AsText(*r.Get("title")));
      if (!listed->has_more) break;
    }
    const Table rows = ReadAll(out);
    ASSERT_EQ(rows.size(), static_cast<size_t>(n) + 1);
    std::vector<std::string> titles;
    for (size_t i = 1; i < rows.size(); ++i) titles.push_back(rows[i].at(1));
    EXPECT_EQ(titles, expected);
  }
}

TEST_P(LedgerIoTest, TheErrorSheetRepeatsTheRefusedRowsAsWrittenAndImportsOnceFixed) {
  Table data = GoodVisits(3);
  data[0][1] = "";       // title missing (row 2: the file has no instructions row)
  data[2][5] = "昨天";   // bad date (row 4)
  data[2][4] = "7人次";  // as the clerk wrote it, kept so
  const std::string path = Path("visits.csv");
  WriteBytes(path, CsvText(Concat(kVisitHeader, data)));
  ImportReport report = Import("visits", path);
  ASSERT_EQ(report.errors.size(), 2u);
  const std::string sheet = Path("errors.xlsx");
  ASSERT_TRUE(IsOk(WriteErrorSheet(ErrorsOfFile(report), path, sheet)));
  const Table rows = ReadAll(sheet);
  ASSERT_EQ(rows.size(), 3u);
  std::vector<std::string> header = kVisitHeader[0];
  header.insert(header.end(), {kErrorRowHeader, kErrorReasonHeader});
  EXPECT_EQ(rows[0], header);
  for (const auto& [at, source, number] : {std::tuple{1, 0, "2"}, std::tuple{2, 2, "4"}}) {
    const std::vector<std::string>& cells = rows[at];
    ASSERT_EQ(cells.size(), header.size()) << at;
    for (size_t c = 0; c < data[source].size(); ++c) EXPECT_EQ(cells[c], data[source][c]) << at << ":" << c;
    EXPECT_EQ(cells[data[source].size()], number);
  }
  EXPECT_NE(rows[1].back().find("[互访事由] "), std::string::npos) << rows[1].back();
  EXPECT_NE(rows[2].back().find("[开始日期] "), std::string::npos) << rows[2].back();
  EXPECT_NE(rows[2].back().find(report.errors[1].message_en), std::string::npos) << rows[2].back();
  EXPECT_NE(rows[2].back().find(" / "), std::string::npos) << rows[2].back();

  // Fixed in the error sheet itself, the two rows import; its own columns are ignored.
  Table fixed = ReadAll(sheet);
  fixed[1][1] = "补填的互访事由";
  fixed[2][5] = "2020-05-06";
  const std::string again = Path("fixed.xlsx");
  ASSERT_TRUE(IsOk(WriteXlsx(again, fixed)));
  const ImportReport second = Import("visits", again);
  EXPECT_EQ(second.invalid, 0) << (second.errors.empty() ? "" : second.errors[0].message_en);
  EXPECT_EQ(second.stored, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerIoTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
