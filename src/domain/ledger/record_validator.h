// Validation of one record's input, the piece every write shares (create, update, the import,
// records with lines, transitions): each field parsed by its type, references resolved within
// the record's pair, the ledger's rules (a workflow's state fields, the cross-field check, the
// application's extra checks), uniqueness of the natural key, and the actor's owner and region
// scope. It reads the database (pairs, referenced records, natural keys) and never writes.
// Thread safety: none, except as Prepare states; owned by a LedgerService (one per connection).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "domain/dictionaries/dictionary_service.h"
#include "domain/ledger/actor.h"
#include "domain/ledger/field_parser.h"
#include "domain/ledger/ledger_repository.h"
#include "domain/service_context.h"

namespace shanhai {

struct RawRecord;

class RecordValidator {
 public:
  // The pair of a code, as FindPair found it.
  struct PairInfo {
    int64_t id = 0;
    std::string code, helper_region, helped_region;
  };

  // context and snapshot (the dictionaries' options in force, refreshed by the owner) must
  // outlive the validator.
  RecordValidator(const ServiceContext& context, const DictionarySnapshot& snapshot);

  // Validates and converts one input into a storable record without writing. before: the
  // stored record for updates (fields not in input are kept from it), else null.
  // check_unique = false leaves out the look-up of the natural key among stored records, for a
  // caller that checks many at once (the import, see KeyTakenError). Errors: Invalid with every
  // FieldError found; another Status when the database fails.
  // Touches the database for the pair (not between PreloadPairs and EndPairPreload), for
  // reference fields, and for the natural key: with PreloadPairs done, check_unique false and
  // a ledger without reference fields or lines, it may run on another thread than the one
  // using the connection (one such thread at a time; not while the snapshot is refreshed).
  Result<Record> Prepare(const Actor& actor, const LedgerDef& def, const RawRecord& input, InputSource source,
                         const Record* before, bool check_unique);
  // The error of a new record whose natural key record `existing` already holds, worded by
  // what the actor may see: the record is named only to a reader who may see it (and, for a
  // sensitive key, reveal it), otherwise creating records would tell which values others hold.
  // A sensitive key out of sight and one in sight but not revealable get one wording (which says
  // whom to ask), so that the answer tells nothing of where the record is.
  Result<FieldError> KeyTakenError(const Actor& actor, const LedgerDef& def, int64_t existing);

  // A sensitive natural key of def that actor typed or imported was found in stored record
  // `existing` (by a create, an update, an import or its dry run): that confirms whose number it
  // is, so it is remembered for LedgerService::SettleDisclosures to audit and count (see
  // domain/audit/disclosure_quota.h) — unless actor created that record and still sees it
  // (re-importing one's own sheet confirms nothing new). Returns the quota's refusal when the
  // day's key matches (or, for a record actor may reveal, its reveals) are used up; the refusal is
  // remembered too, for the alert. A key that is not sensitive is no match here.
  Status NoteKeyMatch(const Actor& actor, const LedgerDef& def, int64_t existing);
  // A refusal of kind on ledger made inside a transaction, for SettleDisclosures' alert.
  void NoteRefusal(const Actor& actor, DisclosureKind kind, const std::string& ledger) {
    refusals_.push_back({actor, kind, ledger});
  }
  struct KeyMatch {
    Actor actor;
    std::string ledger;
    int64_t record_id = 0;
    std::string helped_region;
    bool revealable = false;  // actor sees the record and may reveal it: counted as a reveal too
  };
  struct Refused {
    Actor actor;
    DisclosureKind kind;
    std::string ledger;
  };
  // What NoteKeyMatch and NoteRefusal remembered, handed over once.
  std::vector<KeyMatch> TakeKeyMatches() { return std::exchange(key_matches_, {}); }
  std::vector<Refused> TakeRefusals() { return std::exchange(refusals_, {}); }

  // The pair of that code, or so named (PairCodeNamed: 广州市白云区—黔南州平塘县 with any dash, or
  // one side), if it exists and the actor may see it (NotFound otherwise — to a user limited to
  // a region one message for both, so that no pair out of sight is told to exist; several so
  // named: InvalidArgument).
  Result<PairInfo> FindPair(const Actor& actor, const std::string& code_or_name);
  // Loads every pair into FindPair's cache (one query), which until EndPairPreload() answers
  // alone (a pair's name too): a code not found is NotFound without asking the database (pairs changed meanwhile
  // by others are not seen, so keep it to one import). Without a preload FindPair always asks.
  Status PreloadPairs();
  void EndPairPreload() {
    pair_cache_.clear();
    pair_code_by_name_.clear();
    pair_cache_complete_ = false;
    owner_pairs_.clear();
  }

 private:
  // Resolves raw (an id from the API, else the target's natural key) to the id of a record of the
  // field's ledger in pair_id, into out; appends the field's error if there is none, if actor is
  // limited to a town or a village and may not see it (one error for both, naming the region), or
  // if it fails field.ref_where — unless it is kept_id, the reference the stored record already
  // holds (re-sending an unchanged form is no new choice; 0 = none).
  Status ResolveRef(const Actor& actor, const FieldDef& field, const std::string& raw, InputSource source,
                    int64_t pair_id, int64_t kept_id, Value& out, std::vector<FieldError>& errors);
  // A record moved to another pair keeps no reference into the old one: each reference field
  // input leaves as stored must name a record of record's (new) pair, else its error is appended
  // (the user chooses again, in the new pair).
  Status CheckKeptRefsInPair(const Actor& actor, const LedgerDef& def, const RawRecord& input, const Record& record,
                             std::vector<FieldError>& errors);
  // Appends field's error unless record id of target meets field.ref_where (nothing to check
  // without one).
  Status CheckRefCondition(const FieldDef& field, const LedgerDef& target, int64_t id, std::vector<FieldError>& errors);
  // A region field's value that is a name, not a code (see ParseFieldValue), becomes the code of
  // the one region so called within the pair's two sides (pair->helper_region and helped_region,
  // and below) or, for a ledger without pairs (pair null), anywhere in the catalogue (down to
  // county for a pair's side); the field's error is appended when no region or several are so
  // called (naming each with its code).
  void ResolveRegionName(const FieldDef& field, const PairInfo* pair, Value& value, std::vector<FieldError>& errors);
  Status CheckUnique(const Actor& actor, const LedgerDef& def, const Record& record, std::vector<FieldError>& errors);

  // A pair code as given, or the code of the pair among those visible to actor that it names
  // (PairCodeNamed); during a preload the outcome is kept for the same text.
  Result<std::string> PairCodeOf(const Actor& actor, const std::string& code_or_name);

  const ServiceContext& context_;
  const DictionarySnapshot& snapshot_;
  std::map<std::string, PairInfo> pair_cache_;
  // Text as typed → PairCodeOf's outcome, during a preload (whose import has one actor); at most
  // kMaxCachedRegionNames, then cleared.
  std::map<std::string, Result<std::string>> pair_code_by_name_;
  bool pair_cache_complete_ = false;  // set by PreloadPairs
  // During a preload: an organisation account's owner id → the pair of its organisation's record
  // (OwnerPairId), read once for the import rather than for every row.
  std::map<int64_t, int64_t> owner_pairs_;
  std::vector<KeyMatch> key_matches_;  // since the last TakeKeyMatches
  std::vector<Refused> refusals_;      // since the last TakeRefusals
  // "helper|helped|name" → the codes of the regions so called there (at most
  // kMaxCachedRegionNames, then cleared).
  std::map<std::string, std::vector<std::string>> region_names_;
};

}  // namespace shanhai
