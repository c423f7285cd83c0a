// Projects of the article: 平塘县第四中学 (2,225.5万元 of pairing funds, works began 2019-10,
// opened 2020-05-06) and 平塘县人民医院胸痛中心 (certified 中国基层胸痛中心, 3,843 chest-pain
// patients treated), with their milestones, outcomes and the fiscal aid that paid for the school.
// Needs of the 订单式 mode are demonstration records in every status.
#include "demo/demo_writer.h"

namespace shanhai::demo {

Status AddProjectsAndFunds(DemoWriter& w) {
  SH_ASSIGN_OR_RETURN(int64_t school,
                      w.Add("projects", kCountyPair,
                            {{"name", "平塘县第四中学"}, {"category", "education"}, {"stage", "in_use"},
                             {"budget_fen", "2225500000"}, {"spent_fen", "2225500000"}, {"start_date", "2019-10-01"},
                             {"end_date", "2020-05-06"},
                             {"description", "东西部对口帮扶重要教育项目，估算总投入对口帮扶资金2225.5万元"}}));
  SH_RETURN_IF_ERROR(w.Add("milestones", kCountyPair,
                           {{"project_id", std::to_string(school)}, {"title", "开工建设"}, {"milestone_date", "2019-10-01"},
                            {"note", "2019年10月开工（日为演示）"}})
                         .status());
  SH_RETURN_IF_ERROR(w.Add("milestones", kCountyPair,
                           {{"project_id", std::to_string(school)}, {"title", "迎来第一批学生，开学"},
                            {"milestone_date", "2020-05-06"}})
                         .status());
  SH_ASSIGN_OR_RETURN(int64_t chest,
                      w.Add("projects", kCountyPair,
                            {{"name", "平塘县人民医院胸痛中心"}, {"category", "medical"}, {"stage", "in_use"},
                             {"start_date", "2018-05-01"},
                             {"description", "获“中国基层胸痛中心”认证，全国第一家通过东西部扶贫协作成立的国家级专科认证胸痛中心"}}));
  SH_RETURN_IF_ERROR(w.Add("milestones", kCountyPair,
                           {{"project_id", std::to_string(chest)}, {"title", "通过“中国基层胸痛中心”认证"},
                            {"milestone_date", "2019-08-01"}, {"note", "日期为演示数据"}})
                         .status());
  SH_RETURN_IF_ERROR(w.Add("outcomes", kCountyPair,
                           {{"project_id", std::to_string(chest)}, {"metric", "累计收治胸痛病人"}, {"value", "3843"},
                            {"unit", "例"}, {"as_of", "2020-07-22"}})
                         .status());
  SH_RETURN_IF_ERROR(w.Add("projects", kCountyPair,
                           {{"name", "中国儿童健康管理1+N工程"}, {"category", "medical"}, {"stage", "in_use"},
                            {"start_date", "2019-06-01"}, {"description", "成功落户平塘县（日期为演示数据）"}})
                         .status());
  // The school's 2,225.5万元 of aid funds, allocated over two years.
  SH_RETURN_IF_ERROR(w.Add("funds", kCountyPair,
                           {{"title", "平塘县第四中学建设资金（第一批）"}, {"kind", "fiscal"}, {"direction", "to_helped"},
                            {"amount_fen", "1500000000"}, {"paid_fen", "1500000000"}, {"fund_date", "2019-09-20"},
                            {"project_id", std::to_string(school)}, {"note", "分批金额为演示数据"}})
                         .status());
  return w.Add("funds", kCountyPair,
               {{"title", "平塘县第四中学建设资金（第二批）"}, {"kind", "fiscal"}, {"direction", "to_helped"},
                {"amount_fen", "725500000"}, {"paid_fen", "725500000"}, {"fund_date", "2020-03-20"},
                {"project_id", std::to_string(school)}, {"note", "分批金额为演示数据"}})
      .status();
}

Status AddNeeds(DemoWriter& w) {
  struct Need {
    const char* title;
    const char* category;
    const char* status;
    const char* value_fen;
  };
  const Need needs[] = {{"平塘县第四中学多媒体教学设备", "education", "delivered", "48000000"},
                        {"乡镇卫生院心电图机", "medical", "delivered", "9600000"},
                        {"农村电商运营人才", "talent", "claimed", "0"},
                        {"茶叶加工生产线技术指导", "industry", "posted", "0"},
                        {"留守儿童冬衣", "goods", "cancelled", "1200000"}};
  // Each need is posted, then walked through its transitions, so its history is the real one.
  for (const Need& n : needs) {
    SH_ASSIGN_OR_RETURN(int64_t id, w.Add("needs", kCountyPair,
                                          {{"title", n.title}, {"category", n.category}, {"value_fen", n.value_fen},
                                           {"posted_date", "2019-04-01"}, {"status", "posted"},
                                           {"description", kDemoNote}}));
    const std::string status = n.status;
    if (status == "claimed" || status == "delivered")
      // A reference by name works in the API too.
      SH_RETURN_IF_ERROR(w.Take("needs", id, "claim",
                                {{"claimed_by_unit_id", "白云区结对企业01"}, {"claimed_date", "2019-04-20"}}));
    if (status == "delivered") SH_RETURN_IF_ERROR(w.Take("needs", id, "deliver", {{"delivered_date", "2019-08-30"}}));
    if (status == "cancelled") SH_RETURN_IF_ERROR(w.Take("needs", id, "cancel", {}));
  }
  return Status::Ok();
}

}  // namespace shanhai::demo
