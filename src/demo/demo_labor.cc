// 劳务协作: three verified employers in 广州市白云区 (names are demonstration data; the compressor maker
// is the article's case), five published jobs (the compressor assembly job pays 5,100 yuan a month
// with board and lodging, as the article's villager earns), and 40 of the demo people of 平塘县 in
// the labour ledger. Nothing here is a figure of the report. No random numbers are drawn, so the
// parts loaded before keep their data.
#include "common/credit_code.h"
#include "demo/demo_writer.h"

namespace shanhai::demo {

namespace {

constexpr int kSeekers = 40;

// A valid demonstration 统一社会信用代码 for an enterprise registered in Baiyun, numbered n (0–9).
std::string DemoCreditCode(int n) {
  const std::string body = "91440111MA5DEM0X" + std::to_string(n);
  return body + CreditCodeCheckCharacter(body);
}

struct DemoJob {
  int employer;  // index into the employers added
  const char* title;
  const char* occupation;
  const char* wage_min_fen;
  const char* wage_max_fen;
  const char* composition;
  bool board, lodging;
};

}  // namespace

Status AddLabor(DemoWriter& w) {
  const char* employers[] = {"广州白云演示压缩机有限公司", "广州白云演示电子科技有限公司", "广州白云演示物流有限公司"};
  std::vector<int64_t> employer_ids;
  for (int i = 0; i < 3; ++i) {
    SH_ASSIGN_OR_RETURN(int64_t id, w.Add("employers", kCountyPair,
                                          {{"credit_code", DemoCreditCode(i + 1)}, {"name", employers[i]},
                                           {"region_code", "440111"}, {"contact_name", "招聘部"},
                                           {"address", "广州市白云区（演示地址）"}, {"status", "draft"},
                                           {"note", kDemoNote}}));
    SH_RETURN_IF_ERROR(w.Take("employers", id, "verify", {}));
    employer_ids.push_back(id);
  }
  const DemoJob jobs[] = {
      {0, "白云压缩机·压缩机装配工", "6-20-02", "510000", "", "底薪＋计件＋加班费，扣社保公积金后约4500元", true, true},
      {0, "白云压缩机·数控车工", "6-18-01", "550000", "700000", "底薪＋技能津贴＋加班费", true, true},
      {1, "白云电子·电子元件检验员", "6-25-04", "450000", "550000", "底薪＋全勤奖＋加班费", true, false},
      {1, "白云电子·贴片操作工", "6-25-02", "460000", "560000", "底薪＋计件", false, true},
      {2, "白云物流·仓储理货员", "4-02-06", "480000", "600000", "底薪＋绩效", true, true}};
  for (const DemoJob& j : jobs) {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"employer_id", std::to_string(employer_ids[j.employer])}, {"title", j.title},
        {"occupation_code", j.occupation}, {"headcount", "20"}, {"wage_min_fen", j.wage_min_fen},
        {"wage_composition", j.composition}, {"social_insurance", "five_and_fund"},
        {"board", j.board ? "1" : "0"}, {"lodging", j.lodging ? "1" : "0"}, {"work_region", "440111"},
        {"working_hours", "8:00–17:30，每天8小时，加班另计"}, {"rest_days", "每月休4天，法定节假日休息"},
        {"start_date", "2020-03-16"}, {"min_age", "18"}, {"max_age", "50"}, {"gender_rule", "any"},
        {"min_education", "junior_middle"}, {"description", "演示岗位：免费乘坐就业快递直通车到岗，无押金"},
        {"status", "draft"}};
    if (*j.wage_max_fen) fields.emplace_back("wage_max_fen", j.wage_max_fen);
    SH_ASSIGN_OR_RETURN(int64_t id, w.Add("jobs", kCountyPair, std::move(fields)));
    SH_RETURN_IF_ERROR(w.Take("jobs", id, "publish", {}));
  }

  SH_ASSIGN_OR_RETURN(std::vector<int64_t> people, w.FirstIds("people", kCountyPair, kSeekers));
  const char* education[] = {"primary", "junior_middle", "junior_middle", "senior_middle", "college"};
  const char* skills[] = {"6-20-02", "6-18-01", "6-25-04；6-25-02", "4-02-06", "5-01-01"};
  const char* places[] = {"440100", "440000", "522700"};  // 广州市, 广东省, 黔南州
  for (size_t i = 0; i < people.size(); ++i) {
    // 30 seeking (confirmed over May–July 2020), 6 already employed, 4 not going out for now.
    const char* status = i < 30 ? "seeking" : (i < 36 ? "employed" : "not_now");
    std::vector<std::pair<std::string, std::string>> fields = {
        {"person_id", std::to_string(people[i])}, {"education", education[i % 5]}, {"skills", skills[i % 5]},
        {"health", i % 10 == 9 ? "fair" : "good"}, {"disability", "none"},
        {"willing_in_county", i % 4 == 0 ? "1" : "0"}, {"willing_in_province", i % 2 ? "1" : "0"},
        {"willing_out_of_province", "1"}, {"preferred_place_1", places[i % 3]},
        {"expected_wage_fen", std::to_string(450000 + 10000 * int64_t(i % 10))},
        {"wage_floor_fen", std::to_string(380000 + 10000 * int64_t(i % 5))},
        {"earliest_start_date", "2020-08-01"}, {"status", status}, {"note", kDemoNote}};
    if (i < 30) fields.emplace_back("confirmed_date", "2020-0" + std::to_string(5 + i % 3) + "-" + TwoDigits(1 + int(i % 28)));
    SH_RETURN_IF_ERROR(w.Add("seekers", kCountyPair, std::move(fields)).status());
  }
  return Status::Ok();
}

}  // namespace shanhai::demo
