// shanhai match: the jobs recommended to a seeker, or the people recommended for a job, with the
// score and its reasons in Chinese and English — the same service and wording as the API's. The
// operator at the machine holds the data key, so is shown what staff who may reveal are shown.
#include <iostream>

#include "cli/connect.h"
#include "common/date.h"
#include "common/money.h"
#include "domain/matching/match_service.h"
#include "domain/matching/match_view.h"

namespace shanhai::cli {

namespace {

struct Args {
  DbOptions db;
  std::string person, job, on, format = "table";
  size_t top = 10;
};

// The clock of "today": --on DATE (noon China Standard Time that day), else the system's.
Result<Clock> ClockOn(const std::string& on) {
  if (on.empty()) return Clock();
  if (!IsIsoDate(on)) return Status::InvalidArgument("--on 应为日期 YYYY-MM-DD：" + on, "--on takes a date YYYY-MM-DD: " + on);
  return Clock::Fixed(UnixSecondsOfIso(on + "T04:00:00Z"));
}

Status Run(const Args& a) {
  if (a.person.empty() == a.job.empty())
    return Status::InvalidArgument("请给出 --person 或 --job 之一", "give one of --person and --job");
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  SH_ASSIGN_OR_RETURN(Clock clock, ClockOn(a.on));
  matching::MatchService service(c.conn->db(), c.env->vault(), clock);
  SH_RETURN_IF_ERROR(service.Load());
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
  cmd->add_option("--top", a->top, "推荐条数（默认10）/ how many")->check(CLI::Range(1, 100));
  cmd->add_option("--format", a->format, "table | json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--on", a->on, "按该日判断是否超期未确认（默认今天）YYYY-MM-DD / judge availability on this day");
  cmd->callback([a] { ExitCode() = PrintError(Run(*a)); });
}

}  // namespace shanhai::cli
