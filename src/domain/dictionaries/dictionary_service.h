// Dictionaries (数据字典): every non-computed kEnum field of every ledger is a dictionary named
// "<ledger>.<field>" (e.g. "trainings.category"), or, for fields declaring a shared option set
// (FieldDef::option_set), the set's name ("direction"): one dictionary for all those fields. Its options are the declared ones — whose
// labels an administrator may change but which can never be disabled, since indicators and
// state machines use those codes — followed by options administrators added (ordered by
// sort_order, then code). An added option may be disabled: refused for new input, yet still
// labelling the records that carry it. Sensitive enums (poverty status) are not dictionaries.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/audit/audit_log.h"
#include "domain/ledger/actor.h"
#include "domain/ledger/ledger_def.h"
#include "storage/database.h"

namespace shanhai {

inline constexpr const char* kDictionaryPermission = "admin:dictionaries:admin";

// One option of a dictionary as administrators see it.
struct DictionaryEntry {
  std::string code;
  std::string label_zh;
  std::string label_en;
  int64_t sort_order = 0;  // only orders added options; declared ones keep their order
  bool disabled = false;
  bool builtin = false;    // declared in code
};

// One field using a dictionary. Both pointers never null; they live forever.
struct DictionaryUser {
  const LedgerDef* ledger = nullptr;
  const FieldDef* field = nullptr;
};

struct DictionaryInfo {
  std::string name;  // "<ledger>.<field>", or the shared option set's name
  const LedgerDef* ledger = nullptr;  // the first field using it: never null; lives forever
  const FieldDef* field = nullptr;    // never null; lives forever
  std::vector<DictionaryUser> used_by;  // every field using it, in ledger order (the first included)
  std::vector<DictionaryEntry> entries;  // merged, in display order
};

// The merged options of every dictionary at one moment. Cheap to copy; immutable once built.
// A default-constructed snapshot is "no changes": every field has its declared options.
class DictionarySnapshot {
 public:
  // The options in force for field of def: the merged list if field is a dictionary with
  // stored entries, else field.options. The reference lives as long as the snapshot (or def).
  const std::vector<EnumOption>& OptionsFor(const LedgerDef& def, const FieldDef& field) const;

 private:
  friend class DictionaryService;
  std::map<std::string, std::vector<EnumOption>> merged_;  // dictionary name → options
};

// The dictionary name of a field, or "" if the field is not a dictionary.
std::string DictionaryName(const LedgerDef& def, const FieldDef& field);

// Thread safety: none; one per Database connection, owned by its ServiceContext.
class DictionaryService {
 public:
  // db and audit must outlive the service. clock stamps the entries' updated_at.
  DictionaryService(Database& db, AuditLog& audit, Clock clock) : db_(db), audit_(audit), clock_(std::move(clock)) {}

  // Every dictionary's merged options, in one query. No permission needed (forms need them).
  Result<DictionarySnapshot> Load();
  // The stored entries' generation, one look-up: every Upsert raises it in its transaction (the
  // only writer of dictionary_entries), so equal generations mean equal Load() results.
  Result<int64_t> Generation();

  // All dictionaries (ledger order, then field order; a shared option set once, where its first
  // field is) with their merged entries.
  // Needs kDictionaryPermission.
  Result<std::vector<DictionaryInfo>> List(const Actor& actor);

  // Creates or changes the entry code of dictionary, in one transaction with an audit row
  // ("dictionary_update", its before the entry as it was: the stored one, or the declared
  // option's labels on a first change, or none for a new code). Needs kDictionaryPermission.
  // Errors: NotFound for an unknown dictionary; Invalid (with field errors) for an empty
  // label, a new code not matching [a-z][a-z0-9_]{0,31}, a Chinese label another option
  // already uses, or disabling a declared option.
  Result<DictionaryEntry> Upsert(const Actor& actor, const std::string& dictionary, const std::string& code,
                                 const std::string& label_zh, const std::string& label_en, int64_t sort_order,
                                 bool disabled);

 private:
  Database& db_;
  AuditLog& audit_;
  Clock clock_;
};

}  // namespace shanhai
