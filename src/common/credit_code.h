// Unified social credit codes of legal persons and other organisations
// (统一社会信用代码, GB 32100-2015): 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY"
// (no I, O, Z, S, V):
//   1      registration authority (登记管理部门), 2 organisation type (机构类别)
//   3–8    region code of the registering office (GB/T 2260, or 100000 for central bodies)
//   9–17   organisation code (主体标识码), 18 check character.
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

// The check character for the first 17 characters: weights
// 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 on the characters' values (their index in
// the charset), C18 = 31 − (sum mod 31), 31 written as '0'.
// Precondition: the 17 characters are all in the charset (otherwise returns '?').
char CreditCodeCheckCharacter(std::string_view body17);

// Parses a credit code and returns its 18 characters in upper case. The text goes
// through NormalizeInput first; lower-case letters are accepted.
// Errors (InvalidArgument, each naming the reason): empty; length not 18; a character
// outside the charset (position given; I, O, Z, S, V are named as never used); an
// unknown registration authority (1st); a type (2nd) the authority does not assign;
// characters 3–8 not a region code (six digits with a province prefix, or 100000);
// wrong check character (the message says which was expected).
Result<std::string> ParseCreditCode(std::string_view text);

}  // namespace shanhai
