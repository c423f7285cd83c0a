// What the matching engine is told of a stored seeker and a stored job (matching/match_profile.h),
// made from their ledger records: the one place where ledger codes ("junior_middle", "female_only",
// "440100") turn into the engine's values. Pure, apart from CertificateKinds, which numbers the
// certificate names it meets (not thread-safe: its owner serialises the calls).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ledger/ledger_def.h"
#include "matching/match_profile.h"

namespace shanhai::matching {

// A seeker confirmed "still looking" is recommended until its confirm_due_date (seekers ledger);
// the day after, it is stale and is asked again before it is recommended again.
enum class Availability : uint8_t {
  kAvailable,
  kNotSeeking,  // status employed or not_now
  kInWork,      // an employment spell in work
  kStale,       // seeking, but the confirmation is due (or was never given)
};
// status: the seekers ledger's; due_date and today ISO dates ("" due: never confirmed).
Availability AvailabilityOf(std::string_view status, std::string_view due_date, bool in_work, std::string_view today);

// Certificates are free text in both ledgers ("电工证；叉车证"): each distinct name (NFKC, blanks
// trimmed, so "电工证" typed full- or half-width is one kind) gets a number, the same for seekers and jobs.
class CertificateKinds {
 public:
  // The numbers of the names in a cell separated by "；", ";", "，", "," or "、", sorted, no duplicates.
  std::vector<uint32_t> KindsIn(std::string_view cell);

 private:
  std::map<std::string, uint32_t, std::less<>> numbers_;
};

// The facts of the people registry the rules need: home region, sex, birth date and the
// household's poverty status (decrypted by the reader; never logged).
struct PersonFacts {
  std::string region_code;     // "522727103201" or shorter
  std::string sex;             // "male" | "female"
  std::string birth_date;      // ISO
  std::string poverty_status;  // "lifted" | "monitored" | "ordinary"
};

// A GB/T 2260 code of 2–12 digits as 12 digits ("440111" → 440111000000); 0 for anything else.
uint64_t RegionCode12(std::string_view code);
// The shortest code of the same region (522727000000 → "522727", 440100000000 → "4401"); "" for 0.
std::string RegionCodeText(uint64_t code12);
// "2020-03-16" → 20200316; 0 for "" or anything else.
int32_t DateNumber(std::string_view iso);

// The engine's seeker for a stored seekers record and its person; available as AvailabilityOf says.
Seeker SeekerOf(const Record& seeker, const PersonFacts& person, Availability availability, CertificateKinds& kinds);

// The engine's job for a stored jobs record: open when published, its employer verified and fewer
// than headcount placed; a job with no start date is taken as starting today (ages on that day).
Job JobOf(const Record& job, bool employer_verified, int placed, std::string_view today, CertificateKinds& kinds);

// An integer field of a stored record (0 when absent or NULL); its text is Record::Text.
int64_t IntField(const Record& record, std::string_view key);

}  // namespace shanhai::matching
