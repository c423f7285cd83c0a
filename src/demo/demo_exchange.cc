// Pairs, visits (19 batches, 229 person-times), joint meetings (7) and agreements.
#include "demo/demo_writer.h"

namespace shanhai::demo {

Status AddPairs(DemoWriter& w) {
  SH_RETURN_IF_ERROR(w.Add("pairs", "", {{"helper_region", "440000"}, {"helped_region", "520000"},
                                         {"name", "广东省—贵州省东西部协作"}}).status());
  SH_RETURN_IF_ERROR(w.Add("pairs", "", {{"helper_region", "440100"}, {"helped_region", "522700"},
                                         {"name", "广州市—黔南州东西部协作"}}).status());
  return w.Add("pairs", "", {{"helper_region", "440111"}, {"helped_region", "522727"},
                             {"name", "广州市白云区—黔南州平塘县对口帮扶"}, {"established_date", "2016-01-01"}})
      .status();
}

Status AddExchange(DemoWriter& w) {
  // The two June 2020 visits are the article's; the other 17 batches are demonstration
  // records whose totals make the article's 19 batches and 229 person-times.
  SH_RETURN_IF_ERROR(w.Add("visits", kCountyPair,
                           {{"title", "白云区党政代表团赴平塘县开展东西部扶贫协作对接考察"},
                            {"direction", "to_helped"}, {"leader_name", "苏小澎"},
                            {"leader_title", "白云区委副书记、区长"}, {"person_times", "15"},
                            {"start_date", "2020-06-09"}, {"end_date", "2020-06-09"}})
                         .status());
  SH_RETURN_IF_ERROR(w.Add("visits", kCountyPair,
                           {{"title", "平塘县党政代表团赴白云区考察学习"}, {"direction", "to_helper"},
                            {"leader_name", "臧侃、莫君锋"}, {"leader_title", "平塘县委书记；县委副书记、县长"},
                            {"person_times", "14"}, {"start_date", "2020-06-18"}, {"end_date", "2020-06-19"}})
                         .status());
  const int persons[] = {12, 15, 8, 10, 14, 9, 11, 13, 16, 10, 12, 8, 14, 11, 9, 13, 15};
  const char* dates[] = {"2016-04-12", "2016-09-20", "2017-03-15", "2017-06-08", "2017-10-24", "2018-03-27",
                         "2018-05-16", "2018-08-21", "2018-11-13", "2019-03-19", "2019-05-22", "2019-07-10",
                         "2019-09-17", "2019-11-26", "2020-01-09", "2020-04-14", "2020-05-20"};
  for (int i = 0; i < 17; ++i) {
    const bool east_to_west = i % 2 == 0;
    SH_RETURN_IF_ERROR(w.Add("visits", kCountyPair,
                             {{"title", east_to_west ? "白云区代表团赴平塘县调研对接" : "平塘县代表团赴白云区考察学习"},
                              {"direction", east_to_west ? "to_helped" : "to_helper"},
                              {"person_times", std::to_string(persons[i])},
                              {"start_date", dates[i]},
                              {"note", kDemoNote}})
                           .status());
  }
  // A city-level visit: counted for 广州–黔南 and 广东–贵州, not for 白云–平塘.
  SH_RETURN_IF_ERROR(w.Add("visits", kCityPair,
                           {{"title", "广州市代表团赴黔南州考察东西部协作"}, {"direction", "to_helped"},
                            {"person_times", "20"}, {"start_date", "2019-04-16"}, {"note", kDemoNote}})
                         .status());

  struct Meeting {
    const char* date;
    const char* region;
    const char* note;
  };
  const Meeting meetings[] = {{"2016-10-20", "522727", kDemoNote}, {"2017-05-16", "440111", kDemoNote},
                              {"2018-04-12", "522727", kDemoNote}, {"2018-11-08", "440111", kDemoNote},
                              {"2019-07-23", "522727", kDemoNote}, {"2020-06-09", "522727", "双方签订消费扶贫合作协议"},
                              {"2020-06-18", "440111", "共商扶贫协作，共谋合作发展"}};
  for (const Meeting& m : meetings) {
    SH_RETURN_IF_ERROR(w.Add("meetings", kCountyPair,
                             {{"title", "广州市白云区·黔南州平塘县东西部扶贫协作党政联席会议"},
                              {"kind", "joint"},
                              {"meeting_date", m.date},
                              {"location_region", m.region},
                              {"outcome", m.note}})
                           .status());
  }
  SH_RETURN_IF_ERROR(w.Add("meetings", kCountyPair,
                           {{"title", "东西部协作工作推进会"}, {"kind", "working"}, {"meeting_date", "2019-03-05"},
                            {"location_region", "522727"}, {"outcome", kDemoNote}})
                         .status());

  SH_RETURN_IF_ERROR(w.Add("agreements", kCountyPair,
                           {{"title", "消费扶贫合作协议"}, {"kind", "consumption"}, {"year", "2020"},
                            {"signed_date", "2020-06-09"}, {"signatories", "广州市白云区人民政府、平塘县人民政府"}})
                         .status());
  SH_RETURN_IF_ERROR(w.Add("agreements", kCountyPair,
                           {{"title", "“天眼·就业快递”促进劳务就业扶贫协议"}, {"kind", "labor"}, {"year", "2020"},
                            {"signed_date", "2020-03-01"}, {"summary", "签订日期为演示数据"}})
                         .status());
  for (const char* year : {"2019", "2020"}) {
    SH_RETURN_IF_ERROR(w.Add("agreements", kCountyPair,
                             {{"title", std::string(year) + "年度东西部协作帮扶协议"}, {"kind", "annual"},
                              {"year", year}, {"signed_date", std::string(year) + "-02-28"}, {"summary", kDemoNote}})
                           .status());
  }
  return Status::Ok();
}

}  // namespace shanhai::demo
