// Citizen ID numbers of the People's Republic of China (公民身份号码, GB 11643-1999):
// 6-digit region code (GB/T 2260), 8-digit birth date YYYYMMDD, 3-digit sequence whose
// last digit is odd for men, and a MOD 11-2 check character (0–9 or X).
// All functions are pure (apart from the clock read by the one-argument ParseIdNumber)
// and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "common/status.h"

namespace shanhai {

enum class Sex { kFemale, kMale };

// A validated 18-character ID number. Only ParseIdNumber makes one.
class IdNumber {
 public:
  // The 18 characters, check character 'X' in upper case, e.g. "11010519491231002X".
  const std::string& value() const { return value_; }
  // The first 6 digits, a GB/T 2260 code. Only its province prefix has been checked here;
  // callers check the whole code against the region catalogue (src/regions).
  std::string region_code() const { return value_.substr(0, 6); }
  // Birth date as "YYYY-MM-DD".
  const std::string& birth_date() const { return birth_date_; }
  // From the 17th digit: odd = male, even = female.
  Sex sex() const { return (value_[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale; }

 private:
  friend Result<IdNumber> ParseIdNumber(std::string_view text, std::string_view today);
  IdNumber(std::string value, std::string birth_date) : value_(std::move(value)), birth_date_(std::move(birth_date)) {}
  std::string value_;
  std::string birth_date_;
};

// The GB 11643 check character for the first 17 digits: sum of digit × weight
// (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), mod 11, mapped through "10X98765432".
// Precondition: body17 is exactly 17 ASCII digits (otherwise returns '?').
char IdCheckCharacter(std::string_view body17);

// Parses and validates an ID number typed by a person or read from a spreadsheet.
// The text goes through NormalizeInput first (full-width digits and blanks are fine);
// a lower-case x is accepted. Accepts 18 characters (17 digits + check digit or X) and
// old 15-digit numbers, which are converted: "19" inserted before the 6-digit birth date
// (yymmdd) and the check character appended.
// `today` is an ISO date ("YYYY-MM-DD") against which birth dates in the future are refused.
// Errors (InvalidArgument, each naming the reason): empty; a character that is not a digit
// (or X in the last place; the message gives its position); length other than 15 or 18;
// first two digits not a province code; birth date not a real calendar date, before
// 1900-01-01 or after `today`; wrong check character (the message says which was expected).
// Internal when `today` is not an ISO date.
Result<IdNumber> ParseIdNumber(std::string_view text, std::string_view today);

// As above with today = Today() (China Standard Time).
Result<IdNumber> ParseIdNumber(std::string_view text);

// "52270119900101123X" → "52****************": only the province (first 2 characters)
// is kept. Every other character is either repeated by fields shown beside the number
// (home region, birth year) or is the sequence and check part that, added to those, would
// rebuild the whole number; so nothing of it is shown. Anything that is not 18 characters
// is starred whole (one '*' per code point).
std::string MaskIdNumber(std::string_view id18);

}  // namespace shanhai
