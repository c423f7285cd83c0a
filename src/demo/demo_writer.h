// Writes demo records through the real LedgerService (so they pass the same validation as
// users' input) and generates deterministic synthetic names and numbers.
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"

namespace shanhai::demo {

inline constexpr const char* kCountyPair = "440111-522727";
inline constexpr const char* kCityPair = "440100-522700";
inline constexpr const char* kProvincePair = "440000-520000";
inline constexpr const char* kDemoNote = "演示数据";

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

  // The ids of the first `limit` records of ledger in pair, oldest first (the demo's people, to
  // enter some of them in the labour ledger).
  Result<std::vector<int64_t>> FirstIds(const std::string& ledger, const std::string& pair, int64_t limit);

  // Deterministic pseudo-random numbers (the same data on every machine and library).
  uint32_t Next();
  // A synthetic Chinese personal name.
  std::string PersonName();

 private:
  LedgerService& service_;
  Actor actor_;
  uint64_t state_ = 20200722;
};

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

}  // namespace shanhai::demo
