// Investment attraction: 吉森水电 and 14 other enterprises (names are demonstration data),
// planned investment 70亿元 in all; one more still negotiating, which is not counted. They land
// in Pingtang: 吉森水电 and every fifth enterprise in 卡蒲毛南族乡 (the town a demo clerk may be
// scoped to), the others in the county as a whole.
#include "demo/demo_writer.h"

namespace shanhai::demo {

namespace {
constexpr const char* kKapuTown = "522727200";  // 黔南州平塘县卡蒲毛南族乡
}  // namespace

Status AddInvestments(DemoWriter& w) {
  SH_RETURN_IF_ERROR(w.Add("investments", kCountyPair,
                           {{"enterprise_name", "吉森水电"}, {"industry", "水力发电"}, {"stage", "producing"},
                            {"landing_region", kKapuTown}, {"planned_fen", "120000000000"}, {"signed_date", "2018-08-08"},
                            {"note", "计划投资额为演示数据"}})
                         .status());
  const char* industries[] = {"农产品加工", "新型建材", "旅游康养", "电子元件", "纺织服装", "茶叶", "中药材"};
  for (int i = 1; i <= 14; ++i) {
    const char* stage = i % 3 == 0 ? "producing" : (i % 3 == 1 ? "landed" : "signed");
    // 13 × 4亿元 + 6亿元 = 58亿元; with 吉森水电's 12亿元, 70亿元.
    const std::string planned = i < 14 ? "40000000000" : "60000000000";
    const std::string date = i > 11 ? "2020-06-19" : std::to_string(2017 + i % 4) + "-" + TwoDigits(1 + i % 6) + "-18";
    SH_RETURN_IF_ERROR(w.Add("investments", kCountyPair,
                             {{"enterprise_name", "珠三角招商企业" + TwoDigits(i)}, {"industry", industries[i % 7]},
                              {"origin_region", i % 2 ? "440100" : "440300"},
                              {"landing_region", i % 5 == 0 ? kKapuTown : "522727"}, {"stage", stage},
                              {"planned_fen", planned}, {"signed_date", date}, {"note", kDemoNote}})
                           .status());
  }
  return w.Add("investments", kCountyPair,
               {{"enterprise_name", "珠三角洽谈企业01"}, {"industry", "物流"}, {"landing_region", "522727"},
                {"stage", "negotiating"},
                {"planned_fen", "5000000000"}, {"signed_date", "2020-06-20"}, {"note", kDemoNote}})
      .status();
}

}  // namespace shanhai::demo
