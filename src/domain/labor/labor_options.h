// Option sets the labour ledgers share, each one dictionary for every field declaring it.
#pragma once

#include "domain/ledger/field_builders.h"

namespace shanhai::labor {

// Highest completed schooling, lowest first; the codes are matching::Education's levels in the
// same order (match_profile.h), so the engine reads a seeker's level and a job's minimum alike.
inline const fields::OptionSet& EducationSet() {
  static const fields::OptionSet set{"education",
                                     {{"none", "无", "none"},
                                      {"primary", "小学", "primary school"},
                                      {"junior_middle", "初中", "junior middle school"},
                                      {"senior_middle", "高中（中专）", "senior middle or vocational school", {"高中", "中专", "职高", "技校"}},
                                      {"college", "大专", "junior college", {"专科", "高职"}},
                                      {"bachelor", "本科", "bachelor's degree", {"大学本科", "学士"}},
                                      {"postgraduate", "研究生", "postgraduate", {"硕士", "博士"}}}};
  return set;
}

// How a spell of work is verified, and each month in work confirmed: one dictionary for both.
inline const fields::OptionSet& VerificationSet() {
  static const fields::OptionSet set{"employment_verification",
                                     {{"callback", "回访", "call-back"},
                                      {"payroll", "工资单", "payroll"},
                                      {"social_insurance", "社保记录", "social-insurance record"}}};
  return set;
}

// A rule on a record's occupation codes field (skills, a job's occupation): each code valid
// (occupation_code.h), at most max_codes of them; the error stands beside the field, in the code
// parser's words.
RecordCheck OccupationCodesValid(std::string key, size_t max_codes);

// A rule that a new record's "status" is `state` (labelled label_zh / label_en): an employer awaits
// verification and a job is a draft until a staff or publishing step moves it, so no create or
// import skips that step's checks. Changes of a stored record are not checked.
RecordCheck StartsInState(std::string state, std::string label_zh, std::string label_en);

}  // namespace shanhai::labor
