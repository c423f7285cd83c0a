// Writes demo records through the real LedgerService (so they pass the same validation as
// users' input) and generates deterministic synthetic names and numbers.
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"
#include "regions/region_catalog.h"

namespace shanhai::demo {

inline constexpr const char* kCountyPair = "440111-522727";
inline constexpr const char* kCityPair = "440100-522700";
inline constexpr const char* kProvincePair = "440000-520000";
inline constexpr const char* kDemoNote = "演示数据";
// The synthetic villagers demo_labor_spells.cc adds (AddSyntheticVillager 0..kExtraPeople-1);
// demo_placements.cc numbers its own after them.
inline constexpr int kExtraPeople = 160;

class DemoWriter {
 public:
  DemoWriter(LedgerService& service, const Actor& actor) : service_(service), actor_(actor) {}

  // Creates one record of ledger in pair from key/value text (API units: money in fen).
  // Returns its id; any validation error aborts the demo load.
  Result<int64_t> Add(const std::string& ledger, const std::string& pair,
                      std::vector<std::pair<std::string, std::string>> fields);

  // Takes a workflow transition on record id of ledger (fields as Add's), at its current
  // version, so the record's history shows how it got there. Any refusal aborts the demo load.
  Status Take(const std::string& ledger, int64_t id, const std::string& transition,
              std::vector<std::pair<std::string, std::string>> fields);

  // The ids of the first `limit` records of ledger in pair (any number), oldest first (the
  // demo's people, to enter them in the labour ledger).
  Result<std::vector<int64_t>> FirstIds(const std::string& ledger, const std::string& pair, int64_t limit);

  // The service records are written through, and as whom (a part writing on another clock
  // builds its own service over the same connection: demo_placements.cc).
  LedgerService& service() { return service_; }
  const Actor& actor() const { return actor_; }

  // Deterministic pseudo-random numbers (the same data on every machine and library).
  uint32_t Next();
  // A synthetic Chinese personal name.
  std::string PersonName();

 private:
  LedgerService& service_;
  Actor actor_;
  uint64_t state_ = 20200722;
};

// Adds the n-th synthetic villager of Pingtang (people registry) living in region_code: born on
// consecutive 61-day steps from 1975, so the ID numbers never repeat (sequence numbers 100–499
// stay clear of AddPeople's 500–999). Returns the record's id.
Result<int64_t> AddSyntheticVillager(DemoWriter& w, int n, const std::string& region_code, const char* poverty_status);

// `count` villages of Pingtang (the region catalogue's), one or two per town, with 甲坝村 (the
// article's, 522727200205) first.
std::vector<const Region*> PingtangVillages(size_t count);

// "01", "02", … for synthetic unit names.
std::string TwoDigits(int n);

// Parts of the dataset, each in its own file.
Status AddPairs(DemoWriter& w);
Status AddExchange(DemoWriter& w);
Status AddTalent(DemoWriter& w);
Status AddPairing(DemoWriter& w);
Status AddProjectsAndFunds(DemoWriter& w);
Status AddNeeds(DemoWriter& w);
Status AddInvestments(DemoWriter& w);
Status AddPeople(DemoWriter& w);
Status AddTargets(DemoWriter& w);
Status AddLabor(DemoWriter& w);
Status AddLaborSpells(DemoWriter& w);
Status AddPlacements(DemoWriter& w);

}  // namespace shanhai::demo
