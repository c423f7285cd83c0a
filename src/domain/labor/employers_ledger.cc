// 用工企业: the helper side's employers offering jobs to the helped county's workers. An employer
// is verified by staff before its jobs may be published; suspending it takes its jobs down.
#include "domain/labor/job_withdrawal.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/labor/labor_options.h"
#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

namespace {

const Workflow& EmployersWorkflow() {
  static const Workflow w{
      .state_field = "status",
      .states = {{"draft", "待核验", "awaiting verification"},
                 {"verified", "已核验", "verified"},
                 {"suspended", "已暂停", "suspended"}},
      .transitions = {
          {.name = "verify", .label_zh = "核验通过", .label_en = "Verify", .done_zh = "核验", .done_en = "verified",
           .from = {"draft"}, .to = "verified"},
          {.name = "suspend", .label_zh = "暂停招聘", .label_en = "Suspend", .done_zh = "暂停", .done_en = "suspended",
           .from = {"verified"}, .to = "suspended",
           .effect = [](TransitionContext& context, const Record&, const Record& after) {
             return labor::WithdrawEmployerJobs(context, after.id, "企业已暂停招聘", "the employer was suspended");
           }},
          {.name = "reinstate", .label_zh = "恢复招聘", .label_en = "Reinstate", .done_zh = "恢复",
           .done_en = "reinstated", .from = {"suspended"}, .to = "verified"}}};
  return w;
}

// The helper side's own region, from a pair code "440111-522727", without its trailing zero
// pairs ("4401" for the city 440100), so a region code starting with it lies within it.
std::string HelperPrefix(const std::string& pair_code) {
  std::string helper = pair_code.substr(0, pair_code.find('-'));
  while (helper.size() > 2 && helper.compare(helper.size() - 2, 2, "00") == 0) helper.resize(helper.size() - 2);
  return helper;
}

// What staff verified stays as verified: once an employer leaves 待核验, its name, credit code and
// region cannot be edited (its HR could otherwise rename it after verification and post as another
// company). A wrong record is suspended and a new one registered for verification.
void VerifiedIdentityIsFixed(const Record* before, const Record& after, std::vector<FieldError>& errors) {
  const Value* status = before ? before->Get("status") : nullptr;
  if (!status || IsNull(*status) || AsText(*status) == "draft") return;
  for (const char* key : {"credit_code", "name", "region_code"}) {
    const Value* was = before->Get(key);
    const Value* now = after.Get(key);
    const std::string was_text = was && !IsNull(*was) ? AsText(*was) : "";
    const std::string now_text = now && !IsNull(*now) ? AsText(*now) : "";
    if (was_text != now_text)
      errors.push_back({0, key, "企业已核验，名称、统一社会信用代码和所在地不能再改；如有错误，请暂停该企业并重新登记核验",
                        "the employer is verified: its name, credit code and region cannot change; suspend it and "
                        "register it again for verification"});
  }
}

}  // namespace

const LedgerDef& EmployersLedger() {
  static const LedgerDef def{
      .name = "employers", .module = "labor", .label_zh = "用工企业", .label_en = "Employers",
      .fields = {
          CreditCode("credit_code", "统一社会信用代码", "Unified social credit code").Required(),
          Text("name", "企业名称", "Name").MaxChars(kMaxNameChars).Required().Searchable(),
          Region("region_code", "所在地", "Region").Hint("帮扶方的区、镇街，如 白云区"),
          Text("contact_name", "联系人", "Contact").MaxChars(kMaxNameChars),
          Text("contact_phone", "单位电话", "Office phone").MaxChars(40).Hint("单位的招聘电话，勿填个人手机"),
          Text("address", "地址", "Address").MaxChars(kMaxNameChars),
          Enum("status", "状态", "Status", EmployersWorkflow().Options()).Required(),
          Text("note", "备注", "Note")},
      .natural_key = "credit_code",
      .check = AllChecks({labor::StartsInState("draft", "待核验", "awaiting verification"), VerifiedIdentityIsFixed,
                          [](const Record*, const Record& r, std::vector<FieldError>& errors) {
                            const Value* region = r.Get("region_code");
                            if (!region || IsNull(*region) || r.pair_code.empty()) return;
                            if (AsText(*region).rfind(HelperPrefix(r.pair_code), 0) != 0)
                              errors.push_back({0, "region_code", "用工企业应位于帮扶方", "an employer lies on the helper side"});
                          }}),
      // An employer's HR accounts see and write their own employer's record.
      .owner_field = "id",
      // A verified employer is read with its published jobs by town and village staff.
      .open_state = "verified",
      .workflow = &EmployersWorkflow()};
  return def;
}

}  // namespace shanhai
