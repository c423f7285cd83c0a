// Occupation codes of 《中华人民共和国职业分类大典》 (2015 edition), as the labour ledgers take them:
// "6-31-01-03" (major group, medium group, minor group, occupation) or shortened to the minor
// group, "6-31-01". The eight major groups are the ones the catalogue has; major group 8 (不便分类的
// 其他从业人员) has no subdivisions, so its codes are all zeros below it ("8-00-00"). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace shanhai::labor {

// The Chinese name of major group 1–8, or "" for any other number.
std::string_view MajorGroupName(int major);

// The code as one number, as the matching engine keys occupations (matching::OccupationCode):
// "6-31-01-03" → 6310103, "6-31-01" → 6310100. The text is taken after NFKC (full-width digits and
// dashes are fine) and surrounding blanks. Errors (InvalidArgument, naming the code and the reason
// in Chinese and English): not the dash-separated form, a major group outside 1–8, a group of the
// wrong width or 00 (other than under group 8), anything after the occupation.
Result<uint32_t> ParseOccupationCode(std::string_view text);

// The codes of one cell, separated by "；", ";", "，" or "," (blank items ignored), each parsed as
// above, in the order given. Errors: the first bad code's, as above.
Result<std::vector<uint32_t>> ParseOccupationList(std::string_view text);

}  // namespace shanhai::labor
