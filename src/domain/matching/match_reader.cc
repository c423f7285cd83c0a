#include "domain/matching/match_reader.h"

#include "domain/labor/labor_ledgers.h"
#include "domain/ledger/ledger_repository.h"
#include "domain/ledger/record_codec.h"
#include "domain/people/people_ledgers.h"

namespace shanhai::matching {
namespace {

// The people columns the rules read: no name, no ID number, no mobile.
constexpr const char* kPersonFactColumns = "r.id, r.region_code, r.sex, r.birth_date, r.poverty_status_enc";

Result<std::vector<Record>> Decoded(Database& db, const PiiVault& vault, const LedgerDef& def, ListQuery query) {
  query.page_size = 0;  // all
  query.count_total = false;
  SH_ASSIGN_OR_RETURN(StoredPage page, LedgerRepository(db, def).List(query, Scope{}));
  return RecordCodec(def, vault).DecodeAll(std::move(page.rows), Disclosure::kMasked);
}

}  // namespace

Result<std::vector<Record>> MatchReader::All(const LedgerDef& def) const { return Decoded(db_, vault_, def, {}); }

Result<std::vector<Record>> MatchReader::Where(const LedgerDef& def, const std::string& key, const Value& value) const {
  ListQuery query;
  query.equals = {{key, value}};
  return Decoded(db_, vault_, def, std::move(query));
}

Result<std::optional<Record>> MatchReader::One(const LedgerDef& def, int64_t id) const {
  ListQuery query;
  query.only_ids = std::vector<int64_t>{id};
  SH_ASSIGN_OR_RETURN(std::vector<Record> records, Decoded(db_, vault_, def, std::move(query)));
  if (records.empty()) return std::optional<Record>();
  return std::optional<Record>(std::move(records.front()));
}

Result<std::map<int64_t, PersonFacts>> MatchReader::People(const std::optional<std::vector<int64_t>>& ids) const {
  ListQuery query;
  if (ids) query.only_ids = *ids;
  query.page_size = 0;
  SH_ASSIGN_OR_RETURN(Rows rows, LedgerRepository(db_, PeopleLedger()).ListColumns(query, Scope{}, kPersonFactColumns));
  const RecordCodec codec(PeopleLedger(), vault_);
  std::map<int64_t, PersonFacts> out;
  for (const std::vector<Value>& row : rows.rows) {
    PersonFacts facts{IsNull(row[1]) ? "" : AsText(row[1]), IsNull(row[2]) ? "" : AsText(row[2]),
                      IsNull(row[3]) ? "" : AsText(row[3]), ""};
    if (!IsNull(row[4])) {
      SH_ASSIGN_OR_RETURN(facts.poverty_status, codec.Open("poverty_status", row[4]));
    }
    out.emplace(AsInt(row[0]), std::move(facts));
  }
  return out;
}

Result<int64_t> MatchReader::SeekerOfIdNumber(const std::string& id_number) const {
  const std::string hash = RecordCodec(PeopleLedger(), vault_).HashOf("id_number", id_number);
  SH_ASSIGN_OR_RETURN(std::vector<TakenKey> people, LedgerRepository(db_, PeopleLedger()).FindTakenKeys({Value{hash}}));
  if (people.empty()) return int64_t{0};
  SH_ASSIGN_OR_RETURN(std::vector<Record> seekers, Where(SeekersLedger(), "person_id", Value{people.front().id}));
  return seekers.empty() ? int64_t{0} : seekers.front().id;
}

}  // namespace shanhai::matching
