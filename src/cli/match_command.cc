// shanhai match: the jobs recommended to a seeker, or the people recommended for a job, with the
// score and its reasons in Chinese and English — the same service and wording as the API's. The
// operator at the machine holds the data key, so is shown what staff who may reveal are shown.
#include <iostream>

#include "cli/connect.h"
#include "common/date.h"
#include "common/money.h"
#include "domain/matching/match_service.h"
#include "domain/matching/match_view.h"
#include "domain/matching/outreach_workbook.h"
#include "regions/region_candidates.h"
#include "regions/region_catalog.h"

namespace shanhai::cli {

namespace {

struct Args {
  DbOptions db;
  std::string person, job, outreach, out, on, format = "table";
  size_t top = 10;
  bool top_given = false;  // --outreach lists kOutreachJobsPerPerson jobs a person unless --top says
};

// The clock of "today": --on DATE (noon China Standard Time that day), else the system's.
Result<Clock> ClockOn(const std::string& on) {
  if (on.empty()) return Clock();
  if (!IsIsoDate(on)) return Status::InvalidArgument("--on 应为日期 YYYY-MM-DD：" + on, "--on takes a date YYYY-MM-DD: " + on);
  return Clock::Fixed(UnixSecondsOfIso(on + "T04:00:00Z"));
}

// --outreach: the region's lists, one sheet per village, written to --out.
Status RunOutreach(const Args& a, Connected& c, matching::MatchService& service) {
  if (a.out.empty())
    return Status::InvalidArgument("--outreach 须同时给出 --out 文件名（.xlsx）", "--outreach needs --out FILE.xlsx");
  SH_ASSIGN_OR_RETURN(std::string code, RegionCodeNamedAnywhere(RegionCatalog::Embedded(), a.outreach, "--outreach"));
  SH_ASSIGN_OR_RETURN(std::vector<matching::OutreachEntry> entries,
                      service.OutreachFor(RegionPrefix(code), a.top_given ? a.top : matching::kOutreachJobsPerPerson));
  SH_ASSIGN_OR_RETURN(matching::OutreachCounts counts,
                      matching::WriteOutreachWorkbook(c.conn->db(), c.env->vault(), entries,
                                                      matching::Viewer::kRevealer, code, a.out));
  SH_RETURN_IF_ERROR(matching::AuditOutreachExport(c.conn->ledgers().audit(), Actor::System(), code, counts,
                                                   matching::Viewer::kRevealer));
  if (a.format == "json") {
    std::cout << boost::json::serialize(boost::json::object{{"on", service.Today()},
                                                            {"region", code},
                                                            {"file", a.out},
                                                            {"villages", counts.villages},
                                                            {"people", counts.people},
                                                            {"with_jobs", counts.with_jobs},
                                                            {"confirmation_due", counts.confirmation_due}})
              << "\n";
  } else {
    std::cout << "已写入 " << a.out << "：" << counts.villages << " 个村，" << counts.people << " 人（有推荐岗位 "
              << counts.with_jobs << " 人，须先确认仍在求职 " << counts.confirmation_due << " 人）\n";
  }
  return Status::Ok();
}

Status Run(const Args& a) {
  if (int(!a.person.empty()) + int(!a.job.empty()) + int(!a.outreach.empty()) != 1)
    return Status::InvalidArgument("请给出 --person、--job 或 --outreach 之一", "give one of --person, --job and --outreach");
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  SH_ASSIGN_OR_RETURN(Clock clock, ClockOn(a.on));
  matching::MatchService service(c.conn->db(), c.env->vault(), clock);
  SH_RETURN_IF_ERROR(service.Load());
  if (!a.outreach.empty()) return RunOutreach(a, c, service);
  boost::json::object answer{{"on", service.Today()}};
  std::vector<matching::MatchCard> cards;
  if (!a.person.empty()) {
    SH_ASSIGN_OR_RETURN(int64_t seeker, service.SeekerNamed(a.person));
    SH_ASSIGN_OR_RETURN(std::vector<matching::RankedMatch> jobs, service.JobsFor(seeker, a.top));
    SH_ASSIGN_OR_RETURN(cards, matching::JobCards(c.conn->db(), c.env->vault(), jobs, matching::Viewer::kRevealer));
    answer["seeker_id"] = seeker;
    answer["jobs"] = matching::JobCardsJson(cards);
  } else {
    Result<int64_t> parsed = ParseInteger(a.job, 1);
    if (!parsed.ok())
      return Status::InvalidArgument("--job 应为岗位编号：" + a.job, "--job takes a job's record id: " + a.job);
    const int64_t job = *parsed;
    SH_ASSIGN_OR_RETURN(std::vector<matching::RankedMatch> seekers, service.SeekersFor(job, a.top, ""));
    SH_ASSIGN_OR_RETURN(cards, matching::SeekerCards(c.conn->db(), c.env->vault(), seekers, matching::Viewer::kRevealer));
    answer["job_id"] = job;
    answer["seekers"] = matching::SeekerCardsJson(cards);
  }
  if (a.format == "json") std::cout << boost::json::serialize(answer) << "\n";
  else std::cout << matching::CardsTable(cards);
  return Status::Ok();
}

}  // namespace

void RegisterMatch(CLI::App& app) {
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("match", "就业推荐：为求职人员推荐岗位，或为岗位推荐人选（附理由）/ "
                                              "recommended jobs for a seeker, or people for a job, with the reasons");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("--person", a->person, "求职人员：劳动力台账编号或18位身份证号 / the seeker: record id or ID number");
  cmd->add_option("--job", a->job, "岗位编号 / the job's record id");
  cmd->add_option("--outreach", a->outreach,
                  "外出务工岗位推荐表：该地区（名称或代码，如 平塘县）每村一页，写入 --out / the outreach lists of a "
                  "region, one sheet per village");
  cmd->add_option("--out", a->out, "推荐表文件（.xlsx）/ the outreach workbook to write");
  cmd->add_option("--top", a->top, "推荐条数（默认10）/ how many")->check(CLI::Range(1, 100));
  cmd->add_option("--format", a->format, "table | json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--on", a->on, "按该日判断是否超期未确认（默认今天）YYYY-MM-DD / judge availability on this day");
  cmd->callback([a, cmd] {
    a->top_given = cmd->count("--top") > 0;
    ExitCode() = PrintError(Run(*a));
  });
}

}  // namespace shanhai::cli
