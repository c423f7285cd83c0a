#include "domain/matching/match_profiles.h"

#include <algorithm>

#include "common/text.h"
#include "domain/labor/labor_options.h"
#include "domain/labor/occupation_code.h"
#include "matching/match_rules.h"

namespace shanhai::matching {
namespace {

// The three bands of willingness, as the seekers ledger declares them.
constexpr std::pair<const char*, Band> kBandFields[] = {{"willing_in_county", Band::kInCounty},
                                                        {"willing_in_province", Band::kInProvince},
                                                        {"willing_out_of_province", Band::kOutOfProvince}};

// The level of an education code: its position in the one option set (labor_options.h says the
// order is the engine's).
Education EducationOf(std::string_view code) {
  const auto& options = labor::EducationSet().options;
  for (size_t i = 0; i < options.size(); ++i)
    if (options[i].code == code) return Education(i);
  return Education::kNone;
}

std::vector<OccupationCode> Occupations(std::string_view cell) {
  Result<std::vector<uint32_t>> codes = labor::ParseOccupationList(cell);  // validated when written
  if (!codes.ok()) return {};
  std::vector<OccupationCode> out = std::move(*codes);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A preferred place: a province ("440000") or a city; a county names its city.
void AddPreferredPlace(std::string_view code, Seeker& seeker) {
  const uint64_t code12 = RegionCode12(code);
  if (code12 == 0) return;
  if (CityOf(code12) % 100 == 0) seeker.preferred_provinces.push_back(ProvinceOf(code12));
  else seeker.preferred_cities.push_back(CityOf(code12));
}

void SortUnique(std::vector<uint32_t>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

Availability AvailabilityOf(std::string_view status, std::string_view due_date, bool in_work, std::string_view today) {
  if (status != "seeking") return Availability::kNotSeeking;
  if (in_work) return Availability::kInWork;
  if (due_date.empty() || due_date < today) return Availability::kStale;
  return Availability::kAvailable;
}

std::vector<uint32_t> CertificateKinds::KindsIn(std::string_view cell) {
  const std::string folded = NormalizeInputLossy(cell);  // NFKC: "；" → ";", "，" → ","
  std::vector<uint32_t> out;
  size_t start = 0;
  while (start <= folded.size()) {
    size_t end = folded.size();
    for (std::string_view sep : {";", ",", "、"}) end = std::min(end, folded.find(sep, start));
    const std::string name = NormalizeInputLossy(std::string_view(folded).substr(start, end - start));
    if (!name.empty()) {
      auto found = numbers_.find(name);
      if (found == numbers_.end()) found = numbers_.emplace(name, uint32_t(numbers_.size() + 1)).first;
      out.push_back(found->second);
    }
    if (end == folded.size()) break;
    start = end + (folded.compare(end, 3, "、") == 0 ? 3 : 1);
  }
  SortUnique(out);
  return out;
}

uint64_t RegionCode12(std::string_view code) {
  // Province, city, county, town, village: 2, 4, 6, 9, 12 digits.
  const size_t n = code.size();
  if ((n != 2 && n != 4 && n != 6 && n != 9 && n != 12) || !IsAsciiDigits(code)) return 0;
  std::string padded(code);
  padded.resize(12, '0');
  return std::stoull(padded);
}

std::string RegionCodeText(uint64_t code12) {
  if (code12 == 0) return "";
  std::string text = std::to_string(code12);
  for (size_t shorter : {9, 6, 4, 2})
    if (text.size() > shorter && text.find_first_not_of('0', shorter) == std::string::npos) text.resize(shorter);
  return text;
}

int32_t DateNumber(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return 0;
  const std::string digits = std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) + std::string(iso.substr(8, 2));
  return IsAsciiDigits(digits) ? std::stoi(digits) : 0;
}

int64_t IntField(const Record& record, std::string_view key) {
  const Value* v = record.Get(key);
  return v && !IsNull(*v) ? AsInt(*v) : 0;
}

Seeker SeekerOf(const Record& record, const PersonFacts& person, Availability availability, CertificateKinds& kinds) {
  Seeker s;
  s.id = record.id;
  s.home_village = RegionCode12(person.region_code);
  s.birth_date = DateNumber(person.birth_date);
  s.gender = person.sex == "male" ? Gender::kMale : Gender::kFemale;
  s.education = EducationOf(record.Text("education"));
  s.household = person.poverty_status == "lifted"      ? Household::kPovertyLifted
                : person.poverty_status == "monitored" ? Household::kMonitored
                                                       : Household::kGeneral;
  s.occupations = Occupations(record.Text("skills"));
  s.certificates = kinds.KindsIn(record.Text("certificates"));
  // A seeker willing to work in no band at all has not said (the flags default to false; someone
  // who would work nowhere is not seeking): every band is open then.
  s.willing_bands = 0;
  for (const auto& [key, band] : kBandFields)
    if (IntField(record, key) != 0) s.willing_bands |= BandBit(band);
  if (s.willing_bands == 0) s.willing_bands = kAllBands;
  for (const char* key : {"preferred_place_1", "preferred_place_2", "preferred_place_3"})
    AddPreferredPlace(record.Text(key), s);
  SortUnique(s.preferred_cities);
  SortUnique(s.preferred_provinces);
  s.expected_wage_fen = IntField(record, "expected_wage_fen");
  s.wage_floor_fen = IntField(record, "wage_floor_fen");
  s.available = availability == Availability::kAvailable;
  return s;
}

Job JobOf(const Record& record, bool employer_verified, int placed, std::string_view today, CertificateKinds& kinds) {
  Job j;
  j.id = record.id;
  j.employer_id = IntField(record, "employer_id");
  const std::vector<OccupationCode> occupation = Occupations(record.Text("occupation_code"));
  j.occupation = occupation.empty() ? 0 : occupation.front();
  j.place = RegionCode12(record.Text("work_region"));
  const std::string start = record.Text("start_date");
  j.start_date = DateNumber(start.empty() ? today : std::string_view(start));
  j.wage_min_fen = IntField(record, "wage_min_fen");
  // No top stated: the range is its lowest wage (a floor is compared with the top).
  j.wage_max_fen = record.Text("wage_max_fen").empty() ? j.wage_min_fen : IntField(record, "wage_max_fen");
  j.board = IntField(record, "board") != 0;
  j.lodging = IntField(record, "lodging") != 0;
  j.min_age = int(IntField(record, "min_age"));
  j.max_age = int(IntField(record, "max_age"));
  const std::string gender = record.Text("gender_rule");
  j.gender = gender == "male_only" ? GenderRule::kMaleOnly : gender == "female_only" ? GenderRule::kFemaleOnly : GenderRule::kAny;
  j.min_education = EducationOf(record.Text("min_education"));
  j.required_certificates = kinds.KindsIn(record.Text("certificates"));
  j.open = record.Text("status") == "published" && employer_verified && placed < IntField(record, "headcount");
  return j;
}

}  // namespace shanhai::matching
