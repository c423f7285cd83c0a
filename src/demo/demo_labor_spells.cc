// The labour ledger's people at work, 2016 to mid-2020: the article's "共输出1000余名群众到广东省务工"
// grown from records — every person of the registry after the 40 of AddLabor (and 160 more
// synthetic villagers of Pingtang's villages) in the labour ledger, most with employment spells
// recorded by staff (自主就业 / 劳务输出: no application behind them). The design, so that the
// labour figures are checkable (demo_figures_test):
// - kGuangdong people work in Guangdong during 2016-01-01..2020-07-22, a quarter of them separated
//   again, every tenth of those re-employed there (a second spell: still one person), every
//   fiftieth also worked in Guizhou before (counted in both destinations);
// - kGuangdongOutside more worked in Guangdong only before 2016 or start after 2020-07-22 (not counted);
// - then people in work in Guizhou outside Pingtang, in Pingtang, and elsewhere (Zhejiang, Fujian);
// - the rest are still looking for work.
#include <optional>

#include "common/date.h"
#include "demo/demo_writer.h"

namespace shanhai::demo {

namespace {

constexpr int kFirstSeekers = 40;  // AddLabor's

constexpr int kGuangdong = 1016;
constexpr int kGuangdongOutside = 12;
constexpr int kInProvince = 40;
constexpr int kInCounty = 30;
constexpr int kElsewhere = 25;

const char* const kGuangdongPlaces[] = {"440111", "440111", "440106", "441900", "440113", "440111"};
const char* const kProvincePlaces[] = {"522701", "520115", "522702"};  // 都匀市, 观山湖区, 福泉市
const char* const kElsewherePlaces[] = {"330106", "350203"};           // 杭州市西湖区, 厦门市思明区
const char* const kReasons[] = {"contract_ended", "resigned", "family", "contract_ended", "health"};

using Fields = std::vector<std::pair<std::string, std::string>>;

// The extra villagers, numbered 0.. (demo_placements.cc numbers its own after them).
Status AddExtraPeople(DemoWriter& w) {
  const std::vector<const Region*> villages = PingtangVillages(40);
  for (int j = 0; j < kExtraPeople; ++j) {
    const char* status = j % 10 < 6 ? "lifted" : (j % 10 < 8 ? "monitored" : "ordinary");
    SH_RETURN_IF_ERROR(AddSyntheticVillager(w, j, std::string(villages[size_t(j) % villages.size()]->code), status).status());
  }
  return Status::Ok();
}

// A spell of seeker: open when end is "", else separated on end with a reason.
Status AddSpell(DemoWriter& w, int64_t seeker, std::optional<int64_t> employer, const std::string& place,
                const std::string& start, const std::string& end, int64_t wage_fen, int j) {
  Fields f = {{"seeker_id", std::to_string(seeker)}, {"place_region", place}, {"start_date", start},
              {"monthly_wage_fen", std::to_string(wage_fen)},
              {"verification", j % 3 == 0 ? "payroll" : (j % 3 == 1 ? "callback" : "social_insurance")},
              {"status", end.empty() ? "in_work" : "separated"}};
  if (employer) f.emplace_back("employer_id", std::to_string(*employer));
  if (!end.empty()) {
    f.emplace_back("end_date", end);
    f.emplace_back("separation_reason", kReasons[j % 5]);
  }
  return w.Add("spells", kCountyPair, std::move(f)).status();
}

// Person j's start in 2016..2020 (none after June 2020), spread over months and days.
std::string StartOf(int j) {
  const int year = 2016 + j % 5;
  const int month = year == 2020 ? 1 + (j * 7) % 6 : 1 + (j * 7) % 12;
  return FormatIsoDate(year, month, 1 + (j * 11) % 28);
}

int64_t WageOf(int j) { return 400000 + int64_t(j * 37 % 26) * 10000; }

// One Guangdong worker j: the spells as the file comment says.
Status AddGuangdongWorker(DemoWriter& w, int64_t seeker, int j, const std::vector<int64_t>& employers) {
  const std::string place = kGuangdongPlaces[j % 6];
  // The demo's employers are in Baiyun: the spells there are theirs (their HR sees them).
  const std::optional<int64_t> employer = place == "440111" ? std::optional(employers[size_t(j) % employers.size()])
                                                            : std::nullopt;
  const std::string start = StartOf(j);
  if (j % 50 == 7) {  // worked in Guizhou first
    SH_ASSIGN_OR_RETURN(std::string before_start, AddDays(start, -200));
    SH_ASSIGN_OR_RETURN(std::string before_end, AddDays(start, -100));
    SH_RETURN_IF_ERROR(AddSpell(w, seeker, std::nullopt, "522701", before_start, before_end, 350000, j));
  }
  if (j % 4 != 0) return AddSpell(w, seeker, employer, place, start, "", WageOf(j), j);
  SH_ASSIGN_OR_RETURN(std::string end, AddDays(start, 30 * (1 + j % 10)));
  SH_RETURN_IF_ERROR(AddSpell(w, seeker, employer, place, start, end, WageOf(j), j));
  if (j % 40 != 0) return Status::Ok();
  // Re-employed in Guangdong: after one idle day (one run) or after three weeks (two).
  SH_ASSIGN_OR_RETURN(std::string again, AddDays(end, j % 80 == 0 ? 2 : 22));
  return AddSpell(w, seeker, std::nullopt, "440106", again, "", WageOf(j + 1), j);
}

}  // namespace

Status AddLaborSpells(DemoWriter& w) {
  SH_RETURN_IF_ERROR(AddExtraPeople(w));
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> employers, w.FirstIds("employers", kCountyPair, 3));
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> people, w.FirstIds("people", kCountyPair, 100000));
  const int working = kGuangdong + kGuangdongOutside + kInProvince + kInCounty + kElsewhere;
  if (int(people.size()) < kFirstSeekers + working)
    return Status::Internal("demo: too few people for the labour ledger");
  for (size_t i = kFirstSeekers; i < people.size(); ++i) {
    const int j = int(i) - kFirstSeekers;
    // In work at the end of it all, or looking again (separated) or still looking (no spell).
    const bool outside = j >= kGuangdong && j < kGuangdong + kGuangdongOutside;
    const bool open = j < working && (outside ? j % 2 != 0 : j >= kGuangdong || j % 4 != 0 || j % 40 == 0);
    Fields seeker = {{"person_id", std::to_string(people[i])}, {"education", j % 3 ? "junior_middle" : "senior_middle"},
                     {"willing_in_county", j % 4 == 0 ? "1" : "0"}, {"willing_in_province", j % 2 ? "1" : "0"},
                     {"willing_out_of_province", "1"}, {"preferred_place_1", "440100"},
                     {"expected_wage_fen", std::to_string(450000 + 10000 * int64_t(j % 10))},
                     {"status", open ? "employed" : "seeking"}, {"note", kDemoNote}};
    if (!open) seeker.emplace_back("confirmed_date", "2020-07-0" + std::to_string(1 + j % 9));
    SH_ASSIGN_OR_RETURN(int64_t id, w.Add("seekers", kCountyPair, std::move(seeker)));
    if (j < kGuangdong) {
      SH_RETURN_IF_ERROR(AddGuangdongWorker(w, id, j, employers));
    } else if (j < kGuangdong + kGuangdongOutside) {
      const bool before = j % 2 == 0;  // ended in 2015, or starts after the article (as `open` says)
      SH_RETURN_IF_ERROR(AddSpell(w, id, std::nullopt, "440111", before ? "2014-03-01" : "2020-08-03",
                                  before ? "2015-12-31" : "", WageOf(j), j));
    } else if (j < kGuangdong + kGuangdongOutside + kInProvince) {
      SH_RETURN_IF_ERROR(AddSpell(w, id, std::nullopt, kProvincePlaces[j % 3], StartOf(j), "", WageOf(j) - 80000, j));
    } else if (j < kGuangdong + kGuangdongOutside + kInProvince + kInCounty) {
      SH_RETURN_IF_ERROR(AddSpell(w, id, std::nullopt, "522727", StartOf(j), "", WageOf(j) - 150000, j));
    } else if (j < working) {
      SH_RETURN_IF_ERROR(AddSpell(w, id, std::nullopt, kElsewherePlaces[j % 2], StartOf(j), "", WageOf(j) + 50000, j));
    }
  }
  return Status::Ok();
}

}  // namespace shanhai::demo
