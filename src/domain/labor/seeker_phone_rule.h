// The rule for a job seeker's mobile number on the employer's side: an employer's HR sees
// it only once the person applied (source "self") or accepted the interview time it proposed
// (interview_answer "accepted"); before that, a person recommended by staff has not agreed to be
// called. The one place the rule is written: the interview room and every candidate view ask it.
#pragma once

#include <string_view>

namespace shanhai::labor {

// source and interview_answer: the application's stored codes ("" when empty). Pure; thread-safe.
inline bool EmployerMaySeeSeekerPhone(std::string_view source, std::string_view interview_answer) {
  return source == "self" || interview_answer == "accepted";
}

}  // namespace shanhai::labor
