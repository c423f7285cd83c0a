// Secondments (east→west: 3 cadres incl. 1 county-level, 21 doctors, 5 teachers;
// west→east: 4 cadres, 14 doctors, 43 teachers) and trainings (cadres 1 session/131,
// professionals 36/4600, rural business leaders 220, the disabled 1/32).
#include "demo/demo_writer.h"

namespace shanhai::demo {

namespace {

struct Batch {
  const char* category;
  const char* direction;
  int count;
};

std::string StartDate(DemoWriter& w) {
  const int year = 2016 + static_cast<int>(w.Next() % 5);
  const int month = 1 + static_cast<int>(w.Next() % (year == 2020 ? 6 : 12));
  return std::to_string(year) + "-" + TwoDigits(month) + "-01";
}

}  // namespace

Status AddTalent(DemoWriter& w) {
  // The article names 马韧凯, seconded from Baiyun as deputy head of 平塘县人民医院.
  SH_RETURN_IF_ERROR(w.Add("secondments", kCountyPair,
                           {{"person_name", "马韧凯"}, {"category", "doctor"}, {"direction", "to_helped"},
                            {"host_unit", "平塘县人民医院"}, {"post", "挂职副院长"}, {"start_date", "2018-03-01"}})
                         .status());
  SH_RETURN_IF_ERROR(w.Add("secondments", kCountyPair,
                           {{"person_name", w.PersonName()}, {"category", "cadre"}, {"rank", "county_level"},
                            {"direction", "to_helped"}, {"home_unit", "广州市白云区"}, {"host_unit", "平塘县人民政府"},
                            {"post", "挂职副县长"}, {"start_date", "2018-06-01"}})
                         .status());
  const Batch batches[] = {{"cadre", "to_helped", 2},  {"doctor", "to_helped", 20}, {"teacher", "to_helped", 5},
                           {"cadre", "to_helper", 4},  {"doctor", "to_helper", 14}, {"teacher", "to_helper", 43}};
  for (const Batch& b : batches) {
    const bool to_helped = std::string(b.direction) == "to_helped";
    for (int i = 0; i < b.count; ++i) {
      SH_RETURN_IF_ERROR(w.Add("secondments", kCountyPair,
                               {{"person_name", w.PersonName()},
                                {"category", b.category},
                                {"rank", std::string(b.category) == "cadre" ? "township_level" : "none"},
                                {"direction", b.direction},
                                {"home_unit", to_helped ? "广州市白云区" : "平塘县"},
                                {"host_unit", to_helped ? "平塘县" : "广州市白云区"},
                                {"start_date", StartDate(w)}})
                             .status());
    }
  }

  SH_RETURN_IF_ERROR(w.Add("trainings", kCountyPair,
                           {{"title", "平塘县党政干部能力提升培训班"}, {"category", "cadre"}, {"direction", "to_helped"},
                            {"sessions", "1"}, {"person_times", "131"}, {"organiser", "广州市白云区"},
                            {"start_date", "2019-05-13"}})
                         .status());
  // 36 sessions and 4,600 person-times of doctors, teachers and other professionals, in 12 batches.
  for (int i = 0; i < 12; ++i) {
    SH_RETURN_IF_ERROR(w.Add("trainings", kCountyPair,
                             {{"title", i % 2 == 0 ? "平塘县医务人员业务培训" : "平塘县教师教学能力培训"},
                              {"category", "professional"}, {"direction", "to_helped"}, {"sessions", "3"},
                              {"person_times", i < 11 ? "380" : "420"}, {"organiser", "广州市白云区"},
                              {"start_date", StartDate(w)}})
                           .status());
  }
  for (int i = 0; i < 4; ++i) {
    SH_RETURN_IF_ERROR(w.Add("trainings", kCountyPair,
                             {{"title", "致富带头人培训班"}, {"category", "leader"}, {"direction", "to_helped"},
                              {"sessions", "1"}, {"person_times", "55"}, {"poverty_person_times", "36"},
                              {"organiser", "广州市白云区"}, {"start_date", StartDate(w)}})
                           .status());
  }
  return w.Add("trainings", kCountyPair,
               {{"title", "残疾人创业（就业）培训班"}, {"category", "disabled"}, {"direction", "to_helped"},
                {"sessions", "1"}, {"person_times", "32"}, {"poverty_person_times", "21"},
                {"organiser", "广州市白云区"}, {"start_date", "2019-09-16"}})
      .status();
}

}  // namespace shanhai::demo
