// Placements through the platform (平台安置), each taken step by step through the employment flow
// on the days it happened in spring 2020: application, a remote interview, offer, acceptance,
// placement (which opens the spell). The first is the article's case: a villager of
// 卡蒲毛南族乡甲坝村 (synthetic name and ID number) interviewed remotely in March 2020 and hired by
// the compressor maker in 白云区 at 5,100 yuan a month with board and lodging. One more
// interview is failed and one missed, so interviews held and people placed differ.
#include <chrono>
#include <memory>

#include "common/date.h"
#include "demo/demo_writer.h"

namespace shanhai::demo {

namespace {

// A service over the demo's connection whose clock stands on the day of each step: the offer
// step dates itself from the clock, and a placement starts no earlier than its offer, so a
// March 2020 placement is taken on a March 2020 clock (its history shows those days too).
class PastDays {
 public:
  PastDays(LedgerService& now, const Actor& actor)
      : context_(now.db(), now.context().vault, Clock([this] { return seconds_; }), now.context().changes) {
    context_.extra_checks = now.context().extra_checks;
    context_.sheet_forms = now.context().sheet_forms;
    context_.disclosure_limits = now.context().disclosure_limits;
    service_ = std::make_unique<LedgerService>(context_);
    writer_ = std::make_unique<DemoWriter>(*service_, actor);
  }

  // 10:00 China Standard Time on the ISO date.
  DemoWriter& On(const std::string& iso) {
    const std::chrono::year_month_day ymd{std::chrono::year(std::stoi(iso.substr(0, 4))),
                                          std::chrono::month(unsigned(std::stoi(iso.substr(5, 2)))),
                                          std::chrono::day(unsigned(std::stoi(iso.substr(8, 2))))};
    seconds_ = std::chrono::sys_days(ymd).time_since_epoch().count() * 86400 + 2 * 3600;
    return *writer_;
  }

 private:
  int64_t seconds_ = 0;
  ServiceContext context_;
  std::unique_ptr<LedgerService> service_;
  std::unique_ptr<DemoWriter> writer_;
};

enum class Outcome { kPlaced, kFailed, kNoShow };

struct Placement {
  size_t village;       // the villager's home: index into PingtangVillages (0: 甲坝村)
  const char* poverty;
  int job;              // index into the demo's jobs (demo_labor.cc)
  const char* applied;  // the steps follow: interview +4 days, offer +5, start +11
  const char* wage_fen;
  const char* place;
  Outcome outcome = Outcome::kPlaced;
};

// The article's case first; the jobs' wages lie in their published ranges.
const Placement kPlacements[] = {
    {0, "lifted", 0, "2020-03-05", "510000", "440111"},  // 甲坝村 → 压缩机装配工
    {1, "monitored", 0, "2020-03-05", "510000", "440111"},
    {2, "lifted", 1, "2020-03-12", "560000", "440111"},
    {3, "ordinary", 2, "2020-03-20", "460000", "440111"},
    {4, "lifted", 3, "2020-04-01", "470000", "440111"},
    {5, "lifted", 4, "2020-04-08", "500000", "440111"},
    {6, "monitored", 0, "2020-04-15", "510000", "440111"},
    {7, "lifted", 1, "2020-04-22", "580000", "440111"},
    {8, "ordinary", 2, "2020-05-06", "480000", "440111"},
    {9, "lifted", 4, "2020-05-13", "520000", "440111"},
    {10, "lifted", 3, "2020-05-20", "460000", "440111"},
    {11, "monitored", 1, "2020-06-03", "600000", "440111"},
    {12, "lifted", 2, "2020-06-10", "", "", Outcome::kFailed},
    {13, "ordinary", 4, "2020-06-17", "", "", Outcome::kNoShow},
};

Result<std::string> After(const char* iso, int days) { return AddDays(iso, days); }

Status Place(PastDays& past, const Placement& p, int n, int64_t job, const std::string& village) {
  DemoWriter& w = past.On(p.applied);
  SH_ASSIGN_OR_RETURN(int64_t person, AddSyntheticVillager(w, kExtraPeople + n, village, p.poverty));
  SH_ASSIGN_OR_RETURN(int64_t seeker,
                      w.Add("seekers", kCountyPair,
                            {{"person_id", std::to_string(person)}, {"education", "junior_middle"},
                             {"willing_out_of_province", "1"}, {"preferred_place_1", "440100"},
                             {"expected_wage_fen", "450000"}, {"status", "seeking"}, {"confirmed_date", p.applied},
                             {"note", n == 0 ? "演示：文章所述甲坝村村民，2020年3月经平台远程面试，到广州压缩机企业务工"
                                             : kDemoNote}}));
  SH_ASSIGN_OR_RETURN(int64_t application,
                      w.Add("applications", kCountyPair,
                            {{"seeker_id", std::to_string(seeker)}, {"job_id", std::to_string(job)},
                             {"source", n % 2 ? "staff_recommended" : "self"}, {"applied_date", p.applied},
                             {"status", "applied"}}));
  SH_ASSIGN_OR_RETURN(std::string interview, After(p.applied, 4));
  SH_RETURN_IF_ERROR(w.Take("applications", application, "schedule",
                            {{"interview_date", interview}, {"interview_time", "10:00-10:30"}, {"interview_mode", "video"}}));
  if (p.outcome == Outcome::kNoShow) return past.On(interview).Take("applications", application, "no_show", {});
  if (p.outcome == Outcome::kFailed) return past.On(interview).Take("applications", application, "fail", {});
  SH_RETURN_IF_ERROR(past.On(interview).Take("applications", application, "pass", {{"interview_note", "远程视频面试通过"}}));
  SH_ASSIGN_OR_RETURN(std::string offered, After(p.applied, 5));
  SH_ASSIGN_OR_RETURN(std::string start, After(p.applied, 11));
  SH_RETURN_IF_ERROR(past.On(offered).Take("applications", application, "offer",
                                           {{"offer_wage_fen", p.wage_fen}, {"offer_start_date", start}}));
  SH_RETURN_IF_ERROR(past.On(offered).Take("applications", application, "accept", {}));
  return past.On(start).Take("applications", application, "place",
                             {{"start_date", start}, {"monthly_wage_fen", p.wage_fen}, {"place_region", p.place}});
}

}  // namespace

Status AddPlacements(DemoWriter& w) {
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> jobs, w.FirstIds("jobs", kCountyPair, 5));
  const std::vector<const Region*> villages = PingtangVillages(20);
  PastDays past(w.service(), w.actor());
  int n = 0;
  for (const Placement& p : kPlacements)
    SH_RETURN_IF_ERROR(Place(past, p, n++, jobs[size_t(p.job)], std::string(villages.at(p.village)->code)));
  return Status::Ok();
}

}  // namespace shanhai::demo
