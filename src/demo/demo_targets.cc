// Yearly targets of the 2019 and 2020 agreements (demonstration values).
#include "demo/demo_writer.h"

namespace shanhai::demo {

Status AddTargets(DemoWriter& w) {
  struct Target {
    const char* year;
    const char* key;
    const char* value;
  };
  const Target targets[] = {{"2019", "leadership.visit_batches", "4"},  {"2020", "leadership.visit_batches", "4"},
                            {"2019", "leadership.joint_meetings", "1"}, {"2020", "leadership.joint_meetings", "2"},
                            {"2020", "talent.secondment.doctor.to_helped", "5"},
                            {"2020", "investment.enterprises", "5"},    {"2020", "pairing.aid_fen", "100000000"},
                            {"2020", "people.registered", "1000"}};
  for (const Target& t : targets) {
    SH_RETURN_IF_ERROR(w.Add("targets", kCountyPair,
                             {{"year", t.year}, {"indicator_key", t.key}, {"target_value", t.value},
                              {"agreement_id", std::string(t.year) + "年度东西部协作帮扶协议"}, {"note", kDemoNote}})
                           .status());
  }
  return Status::Ok();
}

}  // namespace shanhai::demo
