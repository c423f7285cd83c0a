// Test-only helpers of the labour ledgers' tests (include only from *_test.cc): accounts as the
// seeded roles grant them (0020_labor.sql, 0022_labor_flow.sql), and a fixture with the county
// pair and two employers awaiting verification.
#pragma once

#include <string>

#include "common/credit_code.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/ledger/ledger_test_util.h"
#include "domain/ledger/transition_service.h"

namespace shanhai::labor_test {

// A valid 统一社会信用代码 of an enterprise registered in Baiyun (440111), numbered n (0–9).
inline std::string CreditCode(int n) {
  const std::string body = "91440111MA59TQ7X" + std::to_string(n);
  return body + CreditCodeCheckCharacter(body);
}

// An employer's HR account as the seeded employer_hr role grants it.
inline Actor HrOf(int64_t employer_id) {
  return Actor{"hr_" + std::to_string(employer_id),
               {"employer_hr"},
               {"labor:employers:list", "labor:employers:read", "labor:employers:update", "labor:jobs:list",
                "labor:jobs:read", "labor:jobs:create", "labor:jobs:update", "labor:jobs:delete", "labor:jobs:import",
                "labor:jobs:export", "labor:jobs:publish", "labor:jobs:withdraw", "labor:applications:list",
                "labor:applications:read", "labor:applications:schedule", "labor:applications:interview_result",
                "labor:applications:offer", "labor:spells:list", "labor:spells:read"},
               "",
               "employers",
               employer_id,
               "test"};
}

// Staff as the seeded staff role grants it, with the labour steps the migrations add.
inline Actor Staff() {
  Actor a = domain_test::StaffIn("");
  for (const char* step :
       {"labor:seekers:confirm", "labor:seekers:hold", "labor:seekers:employ", "labor:employers:verify",
        "labor:employers:suspend", "labor:employers:reinstate", "labor:jobs:publish", "labor:jobs:withdraw",
        "labor:job_reports:uphold", "labor:job_reports:dismiss", "labor:applications:schedule",
        "labor:applications:interview_result", "labor:applications:offer", "labor:applications:accept",
        "labor:applications:decline", "labor:applications:place", "labor:applications:withdraw",
        "labor:spells:confirm_month", "labor:spells:separate"})
    a.grants.emplace_back(step);
  return a;
}

// The county pair 440111-522727 and two employers of Baiyun awaiting verification.
class LaborTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
    employer_ = Add("employers", domain_test::kCountyPair,
                    {{"credit_code", CreditCode(1)}, {"name", "广州白云演示压缩机有限公司"}, {"region_code", "440111"},
                     {"status", "draft"}});
    other_employer_ = Add("employers", domain_test::kCountyPair,
                          {{"credit_code", CreditCode(2)}, {"name", "广州白云演示电子有限公司"}, {"status", "draft"}});
  }

  // A draft job of employer with the disclosures publishing needs.
  domain_test::Fields JobFields(const std::string& title, int64_t employer) {
    return {{"employer_id", std::to_string(employer)},
            {"title", title},
            {"headcount", "10"},
            {"wage_min_fen", "510000"},
            {"gender_rule", "any"},
            {"status", "draft"},
            {"working_hours", "8:00–17:30"},
            {"rest_days", "每月休4天"},
            {"wage_composition", "底薪＋计件"},
            {"social_insurance", "five_and_fund"}};
  }

  // Takes transition name on record id at its current version.
  Result<Record> Take(const LedgerDef& def, int64_t id, const std::string& name, RawRecord input = {},
                      const Actor& actor = Staff()) {
    Result<Record> current = service().Get(Actor::System(), def, id);
    if (!current.ok()) return current.status();
    return TransitionService(service()).Take(actor, def, id, name, input, AsInt(*current->Get("version")));
  }

  std::string Status(const LedgerDef& def, int64_t id) {
    Result<Record> r = service().Get(Actor::System(), def, id);
    return r.ok() ? AsText(*r->Get("status")) : r.status().ToString();
  }

  int64_t employer_ = 0, other_employer_ = 0;
};

}  // namespace shanhai::labor_test
