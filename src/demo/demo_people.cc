// The people registry: 1,036 synthetic villagers of Pingtang (no real person, no real ID
// number: the ID numbers are generated with valid check digits for Pingtang's region code).
#include "common/id_number.h"
#include "demo/demo_writer.h"

namespace shanhai::demo {

namespace {
constexpr int kPeople = 1036;
}  // namespace

Status AddPeople(DemoWriter& w) {
  for (int i = 0; i < kPeople; ++i) {
    const int year = 1970 + static_cast<int>(w.Next() % 32);
    const int month = 1 + static_cast<int>(w.Next() % 12);
    const int day = 1 + static_cast<int>(w.Next() % 28);
    // Sequence numbers 500–999 keep clear of low, commonly issued ranges.
    const int sequence = 500 + static_cast<int>(w.Next() % 500);
    std::string body = "522727" + std::to_string(year) + TwoDigits(month) + TwoDigits(day) + std::to_string(sequence);
    const std::string id = body + IdCheckCharacter(body);
    const uint32_t roll = w.Next() % 10;
    const char* status = roll < 6 ? "lifted" : (roll < 8 ? "monitored" : "ordinary");
    Result<int64_t> added = w.Add("people", kCountyPair,
                                  {{"name", w.PersonName()}, {"id_number", id}, {"region_code", "522727"},
                                   {"poverty_status", status}, {"note", "合成的演示人员"}});
    // Two generated numbers may coincide; the registry rightly refuses the second.
    if (!added.ok() && added.status().message_en().find("already exists") != std::string::npos) continue;
    SH_RETURN_IF_ERROR(added.status());
  }
  return Status::Ok();
}

}  // namespace shanhai::demo
