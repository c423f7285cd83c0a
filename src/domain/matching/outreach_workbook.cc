#include "domain/matching/outreach_workbook.h"

#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/money.h"
#include "domain/labor/labor_ledgers.h"
#include "excel/xlsx_writer.h"
#include "regions/region_catalog.h"
#include "regions/region_display.h"
#include "regions/region_names.h"

namespace shanhai::matching {
namespace {

const std::vector<std::string> kVillageColumns = {"序号", "姓名", "身份证号", "推荐岗位", "用工企业", "工作地",
                                                  "月薪（元）", "得分", "推荐理由", "联系情况（村干部填写）"};
const std::vector<std::string> kSummaryColumns = {"村（社区）", "区划代码", "列入人数", "有推荐岗位",
                                                  "须先确认仍在求职", "暂无合适岗位"};
constexpr double kVillageWidths[] = {6, 10, 22, 22, 30, 22, 14, 6, 60, 24};

std::string WageText(const MatchCard& job) {
  return job.wage_max_fen > job.wage_min_fen ? FormatAmount(job.wage_min_fen) + "–" + FormatAmount(job.wage_max_fen)
                                             : FormatAmount(job.wage_min_fen) + "起";
}

// A tab's name: the village's common name ("甲坝村"), its code added when two villages of the
// region share a name; Excel allows 31 characters and no []:*?/\.
std::string SheetNameOf(const std::string& code, std::set<std::string>& taken) {
  const Region* region = RegionCatalog::Embedded().Find(code);
  std::string name = region ? RegionCommonName(region->name) : code;
  for (char& c : name)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  if (name.size() > 60 || taken.count(name)) name = code;  // 60 bytes: 20 Chinese characters
  taken.insert(name);
  return name;
}

// One line of a village's sheet: the person, and one recommended job or a note instead.
struct OutreachLine {
  int64_t number = 0;
  std::string name, id_number;
  const MatchCard* job = nullptr;  // nullptr: note
  int points = 0;
  std::string text;  // the reasons, or the note
};

// The catalogue's code of a home region as the index keeps it: twelve digits, which for a person
// registered at a town or county are the statistical form ("522727200000" for 522727200).
std::string CatalogueCode(uint64_t code12) {
  std::string code = RegionCodeText(code12);
  if (RegionCatalog::Embedded().Find(code)) return code;
  std::string prefix = RegionPrefix(code);
  if (prefix.size() < 6) prefix.resize(6, '0');
  return RegionCatalog::Embedded().Find(prefix) ? prefix : code;
}

struct VillageSheet {
  std::string code;
  std::vector<OutreachLine> lines;
  int64_t people = 0, with_jobs = 0, confirmation_due = 0, without_jobs = 0;
};

// The job's card without reasons (those belong to each pair), read once per job.
class JobCardCache {
 public:
  JobCardCache(Database& db, const PiiVault& vault, Viewer viewer) : db_(db), vault_(vault), viewer_(viewer) {}
  Result<const MatchCard*> Get(int64_t job_id) {
    auto found = cards_.find(job_id);
    if (found == cards_.end()) {
      SH_ASSIGN_OR_RETURN(std::vector<MatchCard> cards, JobCards(db_, vault_, {RankedMatch{job_id, 0, {}}}, viewer_));
      found = cards_.emplace(job_id, cards.empty() ? std::optional<MatchCard>() : std::optional(cards[0])).first;
    }
    return found->second ? &*found->second : nullptr;
  }

 private:
  Database& db_;
  const PiiVault& vault_;
  const Viewer viewer_;
  std::map<int64_t, std::optional<MatchCard>> cards_;  // node-based: the pointers handed out stay valid
};

// Reads the people's and jobs' names, village by village (the sheets are written after, since the
// summary sheet comes first and the writer writes to the sheet added last).
Result<std::vector<VillageSheet>> ReadSheets(Database& db, const PiiVault& vault,
                                             const std::vector<OutreachEntry>& entries, Viewer viewer,
                                             JobCardCache& jobs) {
  std::vector<VillageSheet> sheets;
  for (const OutreachEntry& person : entries) {
    const std::string code = CatalogueCode(person.village);
    if (sheets.empty() || sheets.back().code != code) sheets.push_back({code, {}});
    VillageSheet& sheet = sheets.back();
    SH_ASSIGN_OR_RETURN(std::vector<MatchCard> cards,
                        SeekerCards(db, vault, {RankedMatch{person.seeker_id, 0, {}}}, viewer));
    if (cards.empty()) continue;  // deleted since the batch
    const OutreachLine who{++sheet.people, cards[0].name, cards[0].id_number};
    if (person.confirmation_due) {
      ++sheet.confirmation_due;
      sheet.lines.push_back(who);
      sheet.lines.back().text = "超过90天未确认仍在求职：请先与本人确认，确认后再推荐";
      continue;
    }
    const size_t first = sheet.lines.size();
    for (const RankedMatch& m : AsSeenBy(person.jobs, viewer)) {
      SH_ASSIGN_OR_RETURN(const MatchCard* job, jobs.Get(m.id));
      if (!job) continue;
      std::vector<std::string> reasons;
      for (const ReasonText& r : ReasonsAsSeenBy(m.reasons, viewer)) reasons.push_back(r.zh);
      sheet.lines.push_back(who);
      sheet.lines.back().job = job;
      sheet.lines.back().points = m.points;
      sheet.lines.back().text = fmt::format("{}", fmt::join(reasons, "；"));
    }
    if (sheet.lines.size() > first) {
      ++sheet.with_jobs;
    } else {
      ++sheet.without_jobs;
      sheet.lines.push_back(who);
      sheet.lines.back().text = "暂无符合条件的岗位";
    }
  }
  return sheets;
}

Status WriteSummary(excel::XlsxWriter& out, const std::string& region_code, const std::vector<VillageSheet>& sheets) {
  SH_RETURN_IF_ERROR(out.AddSheet("汇总"));
  SH_RETURN_IF_ERROR(out.WriteString(0, 0, RegionDisplayName(RegionCatalog::Embedded(), region_code) +
                                               "外出务工岗位推荐表（每村一页；身份证号已脱敏）"));
  SH_RETURN_IF_ERROR(out.WriteHeaderRow(1, kSummaryColumns));
  SH_RETURN_IF_ERROR(out.SetColumnWidth(0, 0, 36));
  SH_RETURN_IF_ERROR(out.SetColumnWidth(1, 5, 16));
  if (sheets.empty()) return out.WriteString(2, 0, "本地区没有正在求职的人员");
  int row = 2;
  for (const VillageSheet& s : sheets) {
    SH_RETURN_IF_ERROR(out.WriteString(row, 0, RegionDisplayName(RegionCatalog::Embedded(), s.code)));
    SH_RETURN_IF_ERROR(out.WriteString(row, 1, s.code));
    SH_RETURN_IF_ERROR(out.WriteInt64(row, 2, s.people));
    SH_RETURN_IF_ERROR(out.WriteInt64(row, 3, s.with_jobs));
    SH_RETURN_IF_ERROR(out.WriteInt64(row, 4, s.confirmation_due));
    SH_RETURN_IF_ERROR(out.WriteInt64(row++, 5, s.without_jobs));
  }
  return Status::Ok();
}

Status WriteVillage(excel::XlsxWriter& out, const VillageSheet& sheet, const std::string& name) {
  SH_RETURN_IF_ERROR(out.AddSheet(name));
  SH_RETURN_IF_ERROR(out.WriteHeaderRow(0, kVillageColumns));
  for (size_t c = 0; c < kVillageColumns.size(); ++c)
    SH_RETURN_IF_ERROR(out.SetColumnWidth(int(c), int(c), kVillageWidths[c]));
  int row = 1;
  for (const OutreachLine& line : sheet.lines) {
    SH_RETURN_IF_ERROR(out.WriteInt64(row, 0, line.number));
    SH_RETURN_IF_ERROR(out.WriteString(row, 1, line.name));
    SH_RETURN_IF_ERROR(out.WriteString(row, 2, line.id_number));
    if (!line.job) {
      SH_RETURN_IF_ERROR(out.WriteString(row++, 3, line.text));
      continue;
    }
    SH_RETURN_IF_ERROR(out.WriteString(row, 3, line.job->name));
    SH_RETURN_IF_ERROR(out.WriteString(row, 4, line.job->organisation));
    SH_RETURN_IF_ERROR(out.WriteString(row, 5, line.job->place));
    SH_RETURN_IF_ERROR(out.WriteString(row, 6, WageText(*line.job)));
    SH_RETURN_IF_ERROR(out.WriteInt64(row, 7, line.points));
    SH_RETURN_IF_ERROR(out.WriteString(row++, 8, line.text));
  }
  return Status::Ok();
}

}  // namespace

Result<OutreachCounts> WriteOutreachWorkbook(Database& db, const PiiVault& vault,
                                             const std::vector<OutreachEntry>& entries, Viewer viewer,
                                             const std::string& region_code, const std::string& path) {
  JobCardCache jobs(db, vault, viewer);
  SH_ASSIGN_OR_RETURN(std::vector<VillageSheet> sheets, ReadSheets(db, vault, entries, viewer, jobs));
  SH_ASSIGN_OR_RETURN(std::unique_ptr<excel::XlsxWriter> out, excel::XlsxWriter::Open(path));
  SH_RETURN_IF_ERROR(WriteSummary(*out, region_code, sheets));
  OutreachCounts counts;
  std::set<std::string> taken = {"汇总"};
  for (const VillageSheet& sheet : sheets) {
    SH_RETURN_IF_ERROR(WriteVillage(*out, sheet, SheetNameOf(sheet.code, taken)));
    ++counts.villages;
    counts.people += sheet.people;
    counts.with_jobs += sheet.with_jobs;
    counts.confirmation_due += sheet.confirmation_due;
  }
  SH_RETURN_IF_ERROR(out->Close());
  return counts;
}

Status AuditOutreachExport(AuditLog& audit, const Actor& actor, const std::string& region_code,
                           const OutreachCounts& counts, Viewer viewer) {
  const boost::json::object detail{{"outreach", region_code},
                                   {"people", counts.people},
                                   {"villages", counts.villages},
                                   {"priority_shown", viewer == Viewer::kRevealer}};
  return audit.Write(actor, "export", SeekersLedger().name, 0, "", "", "", boost::json::serialize(detail));
}

}  // namespace shanhai::matching
