// Writes a deterministic synthetic people ledger for bench/run.sh: the same N rows as CSV
// (UTF-8, the house CSV writer) and as XLSX (the house xlsx writer, streaming), with the
// header row copied from the people import template, so `shanhai import people` takes
// both files as they are.
//
//   gen_people --template people-template.xlsx --rows 1000000 --csv people.csv --xlsx people.xlsx
//              [--pair 440111-522727] [--county 522727]
//
// Every row is valid: an 18-digit ID number of the county with a correct MOD 11-2 check
// character, unique within the file (birth date and sequence are a bijection of the row
// index) and clear of the demo data's sequences 500–999, so the file also imports into a
// database holding `shanhai demo`; an 11-digit mobile; a village (or town) code inside the
// county; a poverty status label 脱贫户/监测对象/一般农户; a two- or three-character name.
// Row i depends only on i, so any N gives the same first rows.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "common/id_number.h"
#include "excel/csv_writer.h"
#include "excel/table_reader.h"
#include "excel/xlsx_writer.h"
#include "regions/region_catalog.h"

namespace {

using shanhai::Result;
using shanhai::Status;

// Birth dates run over kDays days from 1940-01-01 (to late 2013); kDayStride is coprime
// with kDays, so consecutive rows get scattered dates rather than a sorted file.
constexpr int kDays = 27000;
constexpr int64_t kDayStride = 7919;
constexpr int kMaxSequence = 500;  // the demo data uses 500–999

uint64_t Mix(uint64_t x) {  // splitmix64: a fixed, well-spread function of the row index
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A tiny per-row random source: row i always yields the same values.
class RowRandom {
 public:
  explicit RowRandom(int64_t row) : state_(Mix(static_cast<uint64_t>(row))) {}
  uint32_t Below(uint32_t n) {
    state_ = Mix(state_);
    return static_cast<uint32_t>(state_ % n);
  }

 private:
  uint64_t state_;
};

std::string Digits(int64_t value, int width) {
  std::string s = std::to_string(value);
  return std::string(width > static_cast<int>(s.size()) ? width - s.size() : 0, '0') + s;
}

std::string BirthDate(int day_index) {  // YYYYMMDD
  using namespace std::chrono;
  const year_month_day d{sys_days{year{1940} / January / 1} + days{day_index}};
  return Digits(static_cast<int>(d.year()), 4) + Digits(static_cast<unsigned>(d.month()), 2) +
         Digits(static_cast<unsigned>(d.day()), 2);
}

std::string IdNumber(const std::string& county, int64_t row, RowRandom& rnd) {
  const int day = static_cast<int>((row % kDays) * kDayStride % kDays);
  // Sequence = 2 × (row / kDays) + a random parity bit: unique per (date, row / kDays) and
  // both sexes at any N.
  const int64_t sequence = 2 * (row / kDays) + rnd.Below(2);
  const std::string body = county + BirthDate(day) + Digits(sequence, 3);
  return body + shanhai::IdCheckCharacter(body);
}

std::string Mobile(RowRandom& rnd) {
  return "1" + std::to_string(3 + rnd.Below(7)) + Digits(rnd.Below(1000000000), 9);
}

std::string Name(RowRandom& rnd) {
  static const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "罗", "蒙",
                                    "韦", "石", "莫", "卢", "谭", "覃", "潘", "龙", "杜", "岑", "宋", "胡"};
  static const char* kGiven[] = {"明", "华", "强", "芳", "丽", "军", "伟", "静", "敏", "勇", "艳", "杰",
                                 "娟", "涛", "超", "霞", "平", "刚", "燕", "辉", "兰", "林", "红", "波",
                                 "秀", "英", "福", "贵", "春", "梅", "金", "云"};
  std::string name = kSurnames[rnd.Below(std::size(kSurnames))];
  name += kGiven[rnd.Below(std::size(kGiven))];
  if (rnd.Below(3) != 0) name += kGiven[rnd.Below(std::size(kGiven))];
  return name;
}

std::string PovertyStatus(RowRandom& rnd) {
  const uint32_t roll = rnd.Below(20);
  return roll < 9 ? "脱贫户" : (roll < 11 ? "监测对象" : "一般农户");
}

std::string Skills(RowRandom& rnd) {
  static const char* kSkills[] = {"", "", "", "种植", "养殖", "建筑", "电工", "厨师", "家政", "驾驶", "电商", "缝纫"};
  return kSkills[rnd.Below(std::size(kSkills))];
}

// Home regions: the county's villages, or its towns where the table has no villages.
std::vector<std::string> HomeRegions(const std::string& county) {
  const shanhai::RegionCatalog& catalog = shanhai::RegionCatalog::Embedded();
  std::vector<std::string> villages, towns;
  for (const shanhai::Region* town : catalog.Children(county)) {
    towns.emplace_back(town->code);
    for (const shanhai::Region* village : catalog.Children(town->code)) villages.emplace_back(village->code);
  }
  return villages.empty() ? towns : villages;
}

// The field a template header names ("*姓名" → "姓名"), as this generator fills it.
std::string CellFor(std::string header, int64_t row, RowRandom& rnd, const std::string& pair,
                    const std::string& county, const std::vector<std::string>& regions) {
  while (!header.empty() && header[0] == '*') header.erase(0, 1);
  if (header == "帮扶关系") return pair;
  if (header == "姓名") return Name(rnd);
  if (header == "身份证号") return IdNumber(county, row, rnd);
  if (header == "手机号") return Mobile(rnd);
  // 户籍地（名称或代码）, formerly （行政区划代码）: a village code either way.
  if (header.starts_with("户籍地（")) return regions[rnd.Below(static_cast<uint32_t>(regions.size()))];
  if (header == "帮扶对象类别") return PovertyStatus(rnd);
  if (header == "技能") return Skills(rnd);
  if (header == "备注") return rnd.Below(10) == 0 ? "合成数据，非真实人员" : "";
  std::fprintf(stderr, "gen_people: the template has a column this generator does not know: %s\n", header.c_str());
  std::exit(2);
}

// Row 1 of the template (the template is tiny: headers and one instructions row).
Result<std::vector<std::string>> TemplateHeaders(const std::string& path) {
  std::vector<std::string> headers;
  SH_RETURN_IF_ERROR(shanhai::excel::ReadTable(path, [&](int64_t row_number, const std::vector<std::string>& cells) {
    if (row_number == 1) headers = cells;
    return Status::Ok();
  }));
  if (headers.empty()) return Status::InvalidArgument("模板没有表头：" + path, "the template has no header row: " + path);
  return headers;
}

Status Generate(const std::string& template_path, int64_t rows, const std::string& csv_path,
                const std::string& xlsx_path, const std::string& pair, const std::string& county) {
  SH_ASSIGN_OR_RETURN(std::vector<std::string> headers, TemplateHeaders(template_path));
  const std::vector<std::string> regions = HomeRegions(county);
  if (regions.empty()) return Status::InvalidArgument("未知县", "no towns or villages under " + county);
  SH_ASSIGN_OR_RETURN(auto csv, shanhai::excel::CsvWriter::Open(csv_path));
  shanhai::excel::XlsxWriterOptions options;
  options.constant_memory = true;  // a million rows stream to disk instead of memory
  SH_ASSIGN_OR_RETURN(auto xlsx, shanhai::excel::XlsxWriter::Open(xlsx_path, options));
  SH_RETURN_IF_ERROR(xlsx->AddSheet("人员库"));
  SH_RETURN_IF_ERROR(csv->WriteRow(headers));
  SH_RETURN_IF_ERROR(xlsx->WriteHeaderRow(0, headers));
  std::vector<std::string> cells(headers.size());
  for (int64_t row = 0; row < rows; ++row) {
    RowRandom rnd(row);
    for (size_t c = 0; c < headers.size(); ++c) cells[c] = CellFor(headers[c], row, rnd, pair, county, regions);
    SH_RETURN_IF_ERROR(csv->WriteRow(cells));
    for (size_t c = 0; c < cells.size(); ++c)
      if (!cells[c].empty()) SH_RETURN_IF_ERROR(xlsx->WriteString(static_cast<int>(row + 1), static_cast<int>(c), cells[c]));
  }
  SH_RETURN_IF_ERROR(csv->Close());
  return xlsx->Close();
}

}  // namespace

int main(int argc, char** argv) {
  std::string template_path, csv_path, xlsx_path, pair = "440111-522727", county = "522727";
  int64_t rows = 1000000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--template") template_path = value;
    else if (flag == "--rows") rows = std::atoll(value.c_str());
    else if (flag == "--csv") csv_path = value;
    else if (flag == "--xlsx") xlsx_path = value;
    else if (flag == "--pair") pair = value;
    else if (flag == "--county") county = value;
    else {
      std::fprintf(stderr, "gen_people: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  // 1,048,575 data rows is Excel's limit; the sequence range (2 × rows / kDays < 500) is far above it.
  if (template_path.empty() || csv_path.empty() || xlsx_path.empty() || rows < 1 || rows > 1048575 ||
      2 * (rows / kDays) + 1 >= kMaxSequence) {
    std::fprintf(stderr, "usage: gen_people --template T.xlsx --rows N(1..1048575) --csv OUT.csv --xlsx OUT.xlsx "
                         "[--pair 440111-522727] [--county 522727]\n");
    return 2;
  }
  const Status s = Generate(template_path, rows, csv_path, xlsx_path, pair, county);
  if (!s.ok()) {
    std::fprintf(stderr, "gen_people: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}
