// The one service behind every ledger: create, read, list, update, delete, reveal, history.
// The CLI and the HTTP handlers both call it. Every call:
//  - authorises the actor ("<module>:<ledger>:<action>") and limits it to its region;
//  - validates every field and reports all problems at once (field, reason, zh + en);
//  - runs in one transaction together with its audit-log row.
// Thread safety: none; one per Database connection, over its ServiceContext (cheap).
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/money.h"
#include "domain/changes/change_writer.h"
#include "domain/ledger/actor.h"
#include "domain/ledger/field_parser.h"
#include "domain/ledger/ledger_repository.h"
#include "domain/ledger/record_codec.h"
#include "domain/ledger/record_validator.h"
#include "domain/pairing/pair_scope.h"
#include "domain/service_context.h"

namespace shanhai {

// One record's raw input: field key → text, plus the pair's code for pair-scoped ledgers.
struct RawRecord {
  std::string pair;  // "440111-522727"
  std::vector<std::pair<std::string, std::string>> fields;
  // The money fields whose bare numbers are 万元 (a spreadsheet column headed "金额（万元）"),
  // shared by the rows of one sheet; null: every bare amount is in 元.
  std::shared_ptr<const std::vector<std::string>> wan_yuan_fields;
  // The fields whose column is headed by its sheet label (FieldDef::sheet_label_zh): their cells
  // are in the sheet's form, which the ledger's SheetForm reads; shared like wan_yuan_fields.
  std::shared_ptr<const std::vector<std::string>> sheet_form_fields;

  bool InSheetForm(std::string_view key) const {
    return sheet_form_fields &&
           std::find(sheet_form_fields->begin(), sheet_form_fields->end(), key) != sheet_form_fields->end();
  }

  // The unit a bare number of money field key is in.
  MoneyUnit MoneyUnitOf(std::string_view key) const {
    return wan_yuan_fields && std::find(wan_yuan_fields->begin(), wan_yuan_fields->end(), key) != wan_yuan_fields->end()
               ? MoneyUnit::kWanYuan
               : MoneyUnit::kYuan;
  }

  // True if the input names field key (with any value, "" included).
  bool Gives(std::string_view key) const {
    return std::any_of(fields.begin(), fields.end(), [&](const auto& kv) { return kv.first == key; });
  }
};

// ref field key → id → natural key of the referenced record (for display).
using RefLabels = std::map<std::string, std::map<int64_t, std::string>>;

struct RecordPage {
  int64_t total = -1;      // records selected; -1 when not counted (ListRequest::count_total)
  bool has_more = false;   // records follow this page
  ListCursor next;         // hand back as ListRequest::after for the records after this page
  std::vector<Record> records;
  RefLabels ref_labels;
};

// List filters as users give them (query string or CLI flags); the pair already parsed.
struct ListRequest {
  std::optional<PairScope> pair;  // records of that pair and the pairs inside it; none = every pair
  std::string text;        // q
  std::vector<std::pair<std::string, std::string>> equals;  // field key → raw value
  std::string date_from, date_to;
  std::string sort;        // "field" or "-field"
  int64_t page = 1, page_size = 20;
  bool count_total = true;            // false: no COUNT (RecordPage::total = -1), cheaper
  std::optional<ListCursor> after;    // keyset paging from RecordPage::next (page ignored)
  // The records behind a figure: a constant condition from the indicator catalogue (never
  // user text, see ListQuery::condition) with its parameters, and what selected it
  // ("indicator=<key>"), named in the sensitive-query and export audit rows.
  std::string condition;
  std::vector<Value> condition_params;
  std::string selected_by;
};

// One step of a record's history: its audit entry, and who took it as any reader may be shown.
struct HistoryStep : AuditEntry {
  // The actor's masked display name (王芳 → 王*, MaskDisplayName), or its login name when the
  // account has none (or no account: "system").
  std::string by;
};

class LedgerService {
 public:
  // context (the connection's: database, vault, clock, audit log, dictionaries, feed) must
  // outlive the service.
  explicit LedgerService(ServiceContext& context);
  // Its validator refers to its own members: neither copied nor moved.
  LedgerService(const LedgerService&) = delete;
  LedgerService& operator=(const LedgerService&) = delete;

  // Create, Update and Delete of a ledger that declares lines (LedgerDef::lines) go through
  // RecordSetService: a create makes the record without lines, an update keeps its lines, a
  // delete deletes them with it, and the lines' checks run each time. A line ledger's records
  // (LedgerDef::line_of) are refused here (InvalidArgument naming the parent): they are written
  // only with their parent.
  Result<Record> Create(const Actor& actor, const LedgerDef& def, const RawRecord& input, InputSource source);
  // Changes the fields present in input (others keep their values). expected_version must be
  // the record's current version (optimistic concurrency); 0 skips that check. Setting a
  // sensitive field needs "<m>:<l>:reveal" too (PermissionDenied otherwise). A ledger with a
  // workflow keeps its state: input giving the state field another value is Invalid (naming
  // the field and the transitions); re-sending the current state is accepted.
  Result<Record> Update(const Actor& actor, const LedgerDef& def, int64_t id, const RawRecord& input,
                        InputSource source, int64_t expected_version);
  // Deletes; the record stays readable in its history (audit log). expected_version as for
  // Update: Conflict if the record has moved on since the caller read it; 0 skips the check.
  Status Delete(const Actor& actor, const LedgerDef& def, int64_t id, int64_t expected_version = 0);

  // The steps of a write, for services that write several records in one transaction
  // (RecordSetService). Call them inside the caller's transaction, after authorising; each
  // audit row carries detail ("" for none).
  // The stored record whole, within the actor's write scope (Scope::for_change; NotFound
  // otherwise), at expected_version (Conflict otherwise; 0 skips the check).
  Result<Record> ReadForChange(const Actor& actor, const LedgerDef& def, int64_t id, int64_t expected_version);
  // The stored record whole if the actor sees it (NotFound otherwise), no permission checked: for
  // a caller that answers a record out of sight as missing before checking its own permission.
  Result<Record> ReadVisible(const Actor& actor, const LedgerDef& def, int64_t id);
  // Stores a record from Prepare(…, nullptr) with its "create" audit row; returns it whole. A
  // record of a ledger without a natural key is fingerprinted as an import's row is, and each
  // UpdatePrepared version too (import_fingerprints.h).
  Result<Record> InsertPrepared(const Actor& actor, const LedgerDef& def, const Record& record,
                                const std::string& detail);
  // Stores record (from Prepare(…, &before)) over before with its audit row (action, e.g.
  // "update" or a transition's name) and change_log row (kind); returns it whole. Conflict if
  // before's version is no longer the stored one.
  Result<Record> UpdatePrepared(const Actor& actor, const LedgerDef& def, const Record& before, const Record& record,
                                const std::string& detail, const std::string& action = "update",
                                const char* kind = kChangeUpdated);
  // A plain update leaves a workflow's state alone: the state moves only through a transition,
  // which has its own permission, checks and audit entry. Re-sending the stored state (a form
  // echoing every field) is no change and passes; any other state in input is Invalid. The same holds
  // for the workflow's transition_fields. after is input as Prepare parsed it (a money cell in
  // the unit of its column), so values are compared, never the typed text with the stored one.
  static Status KeepState(const LedgerDef& def, const Record& before, const Record& after, const RawRecord& input);
  // Deletes before (as read by ReadForChange) with its "delete" audit row.
  Status DeletePrepared(const Actor& actor, const LedgerDef& def, const Record& before, const std::string& detail);
  // The permissions an update of input needs: "update", and "reveal" when it sets a sensitive field.
  Status AuthorizeUpdate(const Actor& actor, const LedgerDef& def, const RawRecord& input);
  // Records are shown as DisclosureFor(actor, def) says.
  Result<Record> Get(const Actor& actor, const LedgerDef& def, int64_t id);
  // Filtering or sorting by a field that NeedsReveal needs "<m>:<l>:reveal" and writes a
  // "sensitive_query" audit row (who, which fields, how many rows) for each page.
  Result<RecordPage> List(const Actor& actor, const LedgerDef& def, const ListRequest& request);
  // The pairs inside the actor's data scope, by code (at most 1000), for pair pickers: a user may
  // know the pairs of their region (every record of it names one) whether or not they may list
  // the pairs ledger itself.
  Result<RecordPage> PairsInScope(const Actor& actor);
  // The natural key of each referenced record, for showing references by their label:
  // ids_by_field is ref field key → ids of def's records; the answer is field key → id → label.
  // Reads the referenced ledgers without scope (a label names what the reader's record points to).
  Result<RefLabels> LabelsOfRefs(const LedgerDef& def, const std::map<std::string, std::vector<int64_t>>& ids_by_field);
  // The ids each ref field of records holds (for LabelsOfRefs).
  static std::map<std::string, std::vector<int64_t>> RefIdsOf(const LedgerDef& def, const std::vector<Record>& records);
  // As List with every value whole, for an export that reveals: needs "<m>:<l>:reveal" and
  // writes one "reveal" audit row per record returned (its revealed fields, and purpose),
  // in the caller's transaction; no row, no record. The records count against the actor's daily
  // reveals: past them the page is refused and the refusal remembered for SettleDisclosures.
  Result<RecordPage> ListRevealed(const Actor& actor, const LedgerDef& def, const ListRequest& request,
                                  const std::string& purpose);
  // PermissionDenied (naming the fields) unless the actor may reveal def, when fields (keys
  // of fields that NeedsReveal, used to select records) is not empty.
  Status AuthorizeSensitiveQuery(const Actor& actor, const LedgerDef& def, const std::vector<std::string>& fields);
  // The "sensitive_query" audit row of a selection by such fields: "by=<fields> <context>
  // rows=<on this page> total=<selected>" (total left out when -1, not counted); context says where (e.g. "indicator=<key>").
  Status AuditSensitiveQuery(const Actor& actor, const LedgerDef& def, const std::vector<std::string>& fields,
                             const std::string& context, int64_t rows, int64_t total);
  // Audits and counts what the validator remembered (RecordValidator::NoteKeyMatch): one
  // "key_match" row per match naming the record, its helped region and "reveal=counted" for a
  // record the actor may reveal (counted against reveals too), and a "disclosure_quota_exceeded"
  // alert per refusal. In a transaction of its own: call it once the request's transaction has
  // ended, committed or rolled back (a dry run's matches are audited too). Create, Update,
  // ImportLedger and ExportLedger do.
  Status SettleDisclosures();
  // The whole value of a sensitive field, audited ("reveal") and counted against the actor's
  // daily reveals (refused past them, with an alert). Needs "<m>:<l>:reveal".
  Result<std::string> Reveal(const Actor& actor, const LedgerDef& def, int64_t id, const std::string& field);
  // The record's audit entries, newest first, to whoever may read it (a deleted one's within the
  // actor's region), record JSON masked; each names its actor by HistoryStep::by (one query for
  // all the actors). Its "key_match" entries (someone's ID-number check found this record) only
  // to a reader holding the ledger's reveal.
  Result<std::vector<HistoryStep>> History(const Actor& actor, const LedgerDef& def, int64_t id);

  // Validates and converts one input into a storable record without writing: the shared
  // path of Create, Update and Import (RecordValidator::Prepare, which states the contract).
  Result<Record> Prepare(const Actor& actor, const LedgerDef& def, const RawRecord& input, InputSource source,
                         const Record* before, bool check_unique = true);
  // Stored columns for a prepared record, with bookkeeping for a new row by actor made at now.
  // Thread-safe as Prepare is.
  Columns StoredRowForInsert(const Actor& actor, const LedgerDef& def, const Record& record,
                             const std::string& now) const;
  // Stored columns for a prepared change of a stored record by actor (version is the repository's).
  Columns StoredRowForUpdate(const Actor& actor, const LedgerDef& def, const Record& record) const;
  // The record validator of this service (the pair cache, natural keys taken: see its header).
  RecordValidator& validator() { return validator_; }
  // The stored record whole, if the actor may read it (authorised "read", limited to scope);
  // NotFound otherwise. Callers mask it (ApplyDisclosure) before showing it.
  Result<Record> ReadWhole(const Actor& actor, const LedgerDef& def, int64_t id);
  // ReadWhole without the "read" permission, for the write that just stored the record (it was
  // authorised for that): in the actor's scope, except that a line ledger's record is read
  // without the owner scope, whose check the write made on the parent. NotFound outside it.
  Result<Record> ReadWritten(const Actor& actor, const LedgerDef& def, int64_t id);

  using PairInfo = RecordValidator::PairInfo;
  // The pair of that code, if it exists and the actor may see it (RecordValidator::FindPair).
  Result<PairInfo> FindPair(const Actor& actor, const std::string& code) { return validator_.FindPair(actor, code); }

  // Brings the dictionaries' merged options up to date: one look-up of their generation
  // (DictionaryService::Generation), and a reload only when it moved since the last one, so a
  // change committed by any connection or process is seen by the next call. Create, Update
  // and List call it first, ImportLedger once per file; Prepare and list filters use the last snapshot.
  Status RefreshDictionaries();
  // The options in force as of the last RefreshDictionaries() (declared ones before any).
  const DictionarySnapshot& dictionary_snapshot() const { return snapshot_; }
  DictionaryService& dictionaries() { return context_.dictionaries; }

  Database& db() { return *context_.db; }
  AuditLog& audit() { return context_.audit; }
  // Where writes record their changes (in the transaction) and announce them (after it).
  ChangeWriter& changes() { return changes_; }
  const ServiceContext& context() const { return context_; }

 private:
  // The stored record id of def within scope, whole; NotFound outside it.
  Result<Record> ReadInScope(const LedgerDef& def, int64_t id, const Scope& scope);
  Result<RecordPage> ListAs(const Actor& actor, const LedgerDef& def, const ListRequest& request,
                            Disclosure disclosure);
  // ListAs's reads once authorised, within scope; run in one read transaction.
  Result<RecordPage> ReadPage(const LedgerDef& def, const ListRequest& request, Scope scope, Disclosure disclosure);
  // Ids of the records query selects whose sealed fields (sensitive enums, which have no look-up
  // hash: sealed holds key → value) hold those values, found by decrypting each one's column, in
  // the list's order from its cursor: all of them when the page counts a total, else those up to
  // the page's end and one more (what the page and its has_more need).
  static Result<std::vector<int64_t>> SealedMatches(LedgerRepository& repo, const RecordCodec& codec,
                                                    const ListQuery& query, const Scope& scope,
                                                    const std::vector<std::pair<std::string, std::string>>& sealed);

  ServiceContext& context_;
  ChangeWriter changes_;
  DictionarySnapshot snapshot_;
  int64_t snapshot_generation_ = -1;  // DictionaryService::Generation() of snapshot_; -1: never loaded
  RecordValidator validator_;  // reads context_ and snapshot_, declared before it
};

// The records actor may see: its region and its owner organisation (see Scope).
Scope ScopeOf(const Actor& actor);

// The change_log row of a write of record (version: the record's version after the write).
Change ChangeOf(const LedgerDef& def, const Record& record, const char* kind, int64_t version);

// "<module>:<ledger>:<action>"
std::string LedgerPermission(const LedgerDef& def, const std::string& action);

// kMaskedForRevealer if the actor holds def's reveal permission, else kMasked.
Disclosure DisclosureFor(const Actor& actor, const LedgerDef& def);

// Keys of def's fields that NeedsReveal and that request filters or sorts by.
std::vector<std::string> RevealGuardedFields(const LedgerDef& def, const ListRequest& request);

}  // namespace shanhai
