// A ledger (台账) is declared, not hand-coded: a LedgerDef lists its fields with their
// types, Chinese/English labels and rules. The generic repository, service, import/export,
// JSON API and OpenAPI document are all driven by these declarations, so adding a ledger
// means writing one declaration plus its table in a migration (a test checks both agree).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/ledger/record_set.h"
#include "storage/database.h"

namespace shanhai {

struct Workflow;      // domain/ledger/workflow.h
struct Actor;         // domain/ledger/actor.h
class StoredReader;   // domain/ledger/stored_reader.h

enum class FieldType {
  kText,
  kInteger,     // int64
  kMoney,       // int64 fen; key ends in _fen; spreadsheets carry amounts in the header's unit (万元 or 元)
  kDate,        // ISO YYYY-MM-DD
  kEnum,        // a code from options; input may name it by label too (option_match.h)
  kBool,        // 0/1; spreadsheets carry 是/否
  kRegion,      // GB/T 2260 code, validated against the region catalogue; input may give a name
                // within the record's pair (RecordValidator resolves it)
  kRef,         // id of a record of ref_ledger in the same pair; spreadsheets carry its natural key
  kIdNumber,    // resident ID: stored encrypted (<key>_enc) + keyed hash (<key>_hash), shown masked
  kMobile,      // mobile number: stored like kIdNumber
  kSensitiveEnum,  // an enum stored encrypted (<key>_enc) only, never hashed (e.g. poverty status):
                   // filtered and counted by decrypting (see FieldDef::HasLookupHash)
  kCreditCode,  // 统一社会信用代码, validated
};

// How a field that discloses a sensitive one (FieldDef::discloses) is shown to a reader who
// may not reveal that ledger's sensitive values.
enum class DerivedMask {
  kHidden,    // "***"
  kYearOnly,  // a date reduced to its year: "1990-01-01" → "1990"
};

struct EnumOption {
  std::string code;
  std::string label_zh;
  std::string label_en;
  // Other words offices write for this option ("乡", "村委会"), matched as its labels are (see
  // MatchOption); declared with the option, never shown. No alias of a field names another of
  // its options (option_match_test checks every ledger).
  std::vector<std::string> aliases;
  // Set only on options added through a dictionary (see domain/dictionaries) and then
  // switched off: refused for new input, still used to label stored records.
  bool disabled = false;
};

// A condition a kRef field's referenced record must meet whenever a write chooses it (create,
// update, import, transition): its field `field` — a plain enum of the target ledger — holds the
// option code `code` (a need is claimed by a unit of the helper side). A write re-sending the
// reference the record already holds is not checked again. reason_zh/en say it in the error
// ("须是帮扶方的单位"). An empty field: no condition. The registry test checks the declaration.
struct RefCondition {
  std::string field, code, reason_zh, reason_en;
};

struct FieldDef {
  std::string key;  // column name and JSON key
  std::string label_zh;
  std::string label_en;
  FieldType type = FieldType::kText;
  bool required = false;
  std::vector<EnumOption> options;  // kEnum / kSensitiveEnum
  // kEnum: the named option set the field uses ("direction"), shared by every field declaring
  // it: one dictionary for all of them, so a relabelled or added option applies to each.
  // "" = the field's own options (dictionary "<ledger>.<key>").
  std::string option_set;
  std::string ref_ledger;           // kRef
  RefCondition ref_where;           // kRef, optional
  std::string hint_zh;              // shown in the template's instructions row
  // kRegion: a province, city or county that a name finds anywhere in the catalogue and that need
  // not lie within the record's pair: one side of a pair (there is no pair yet to search within),
  // an enterprise's origin. Other regions are looked up within, and must lie within, the pair's sides.
  bool anywhere = false;
  // kRegion: the record lies in this region, so a clerk of a town or village sees it there
  // (record_placement.h). False for a region the record only names — where a seeker would like
  // to work, where a job is — which shows the record to no one below county level.
  bool places = true;
  int64_t min = 0;                  // kInteger/kMoney lower bound (inclusive)
  // kMoney: the console's form takes and shows it in 元 (a monthly wage: 5,100元), not in the 万元 of
  // funds and investment. Only the form's unit: the API takes fen, sheets take 元 either way.
  bool typed_in_yuan = false;
  bool searchable = false;          // included in the list's free-text search (?q=)
  bool computed = false;            // derived by the ledger's derive hook; never taken from input
  // A computed key made of other fields only to find a record by them (a natural key such as a
  // target's "2021:leadership.visit_batches"): stored and in the API's records, but no column of a
  // sheet and not among the fields the console's meta lists, since its text is codes.
  bool internal = false;
  // A computed field's inputs (a pair's code: its two sides): an error on its value — a natural
  // key stored already or repeated in a file — names these fields, the ones a person typed.
  std::vector<std::string> made_of;
  // Key of the sensitive field whose hidden part this field repeats (birth date and sex are
  // digits of the ID number). Shown whole only to readers who may reveal the ledger,
  // otherwise reduced by derived_mask; filtering and sorting by it need reveal too.
  std::string discloses;
  DerivedMask derived_mask = DerivedMask::kHidden;
  int64_t max_chars = 0;            // longest input in characters; 0 = the type's default (MaxChars())
  // The column's header in templates and exports when its cells are not the API's values but what
  // a clerk writes (the targets sheet: "指标" holds a catalogue name, "目标值（金额类指标为万元）"
  // a money target in 万元); the ledger's ServiceContext::sheet_forms entry reads and writes those
  // cells. A column under the field's labels or key still imports, its cells as the API takes them.
  std::string sheet_label_zh, sheet_label_en;
  // The field's label_zh before it was renamed: a sheet headed by it (an old template or export)
  // still imports, the column read as under label_zh.
  std::string former_label_zh;

  bool IsSensitive() const {
    return type == FieldType::kIdNumber || type == FieldType::kMobile || type == FieldType::kSensitiveEnum;
  }
  // Stored with a keyed look-up hash column (<key>_hash) beside its ciphertext: the ID and mobile
  // numbers, one per person, found and kept unique by it. Not a sensitive enum: a deterministic
  // tag over its few values would split a stolen table into groups whose sizes name them.
  bool HasLookupHash() const { return type == FieldType::kIdNumber || type == FieldType::kMobile; }
  // Reading it record by record, or filtering or sorting by it, needs "<m>:<l>:reveal".
  bool NeedsReveal() const { return IsSensitive() || !discloses.empty(); }
  const EnumOption* FindOption(std::string_view code_or_label) const;
  // The longest input accepted, in Unicode characters: max_chars if declared, else
  // kMaxFreeTextChars for free text and kMaxCodeChars for every other type (codes, numbers,
  // dates, option labels are all far shorter).
  int64_t MaxChars() const;
};

inline constexpr int64_t kMaxFreeTextChars = 2000;
inline constexpr int64_t kMaxNameChars = 200;  // names and titles (declared with .MaxChars)
inline constexpr int64_t kMaxCodeChars = 200;

// A record as the services see it: field key → value, in declaration order.
struct Record {
  int64_t id = 0;
  int64_t pair_id = 0;       // 0 for ledgers that are not pair-scoped
  std::string pair_code;     // "440111-522727"
  std::string helped_region; // the distribution key, copied from the pair
  std::vector<std::pair<std::string, Value>> values;

  const Value* Get(std::string_view key) const;
  // The field's text: "" when the record has no such field or it is NULL.
  std::string Text(std::string_view key) const;
  void Set(const std::string& key, Value v);
};

// Checks that involve several fields or the stored record before a change.
// before is null on create. Appends problems to errors (row left 0; callers fill it).
using RecordCheck = std::function<void(const Record* before, const Record& after, std::vector<FieldError>& errors)>;
// A rule that reads other stored records (the job an application names, a person's other
// spells), run by every write (create, update, import row, transition) once the record's fields
// parsed and passed the ledger's checks, before the owner and region checks. It may fill the
// record's computed fields from what it reads (an application's employer is its job's) and
// appends problems to errors; a non-OK Status is a failure of the database, not of the input.
using StoredRule = std::function<Status(const StoredReader& reader, const Record* before, Record& after,
                                        std::vector<FieldError>& errors)>;
// A rule on who may write a value (an application "by the person" only from the person's own
// session, and a person's session only the person's own applications), run by every write with its
// actor, beside the ledger's check; it may read the stored records the value names (the seeker an
// application is of). Appends problems to errors; a non-OK Status is a failure of the database.
using ActorCheck = std::function<Status(const Actor& actor, const StoredReader& reader, const Record* before,
                                        const Record& after, std::vector<FieldError>& errors)>;

struct LedgerDef {
  std::string name;    // "visits": the CLI's LEDGER name, the table name and the API entity
  std::string module;  // "exchange": src/domain/<module>, /api/v1/<module>/<name>
  std::string label_zh;
  std::string label_en;
  std::vector<FieldDef> fields;
  std::string date_field;   // the date placing a record in a report period ("" = none)
  std::string natural_key;  // field other ledgers' spreadsheets use to name a record ("" = none)
  bool pair_scoped = true;  // every record belongs to one pair (carries pair_id, helped_region)
  RecordCheck check;        // optional cross-field rules
  StoredRule stored_rule;   // optional rule over other stored records (see StoredRule)
  ActorCheck actor_check;   // optional rule on who writes what (see ActorCheck)
  // Optional: fills computed fields from the parsed input before checks and storage.
  std::function<void(Record&)> derive;
  // Owner scope: the field naming the organisation record that owns each record (a ref field),
  // or "id" for an organisation ledger, whose records own themselves. "" = no owner: users with
  // an owner scope see none of this ledger's records.
  std::string owner_field;
  // Actions beyond the standard ones (e.g. a workflow step "approve"), each its own permission.
  std::vector<std::string> extra_actions;
  // Reference data every scope may read (the pairs): not filtered by the owner scope, though an
  // organisation's account still cannot write it.
  bool shared_reference = false;
  // Records with lines (record_set.h). On a parent: the line ledgers its records own, written
  // with it in one call. On a line ledger: the name of its parent ledger; its records are then
  // written only through the parent, so the parent's checks over all its lines cannot be bypassed.
  std::vector<LineSet> lines;
  std::string line_of;
  // Below county level (record_placement.h): a reference to a record of this ledger places the
  // referring record where the referenced one lies — a pairing where its units are, a seeker where
  // its person lives, an application or a spell where its seeker's person lives. Only on a ledger
  // whose records are placed themselves (the registry test checks). Not on employers: an
  // employer's 所在地 on the helper side says who looks after it, not whose a job or spell is.
  bool places_referrers = false;
  // Open demand (issue #9: "staff of both sides see every open demand"): the records in this
  // state of the workflow (a published job, a verified employer) are read by every account that
  // sees their pair, a town's or a village's too wherever the record lies, so that a village cadre
  // reads the jobs it recommends. Reading only: such an account changes a record only where it is
  // placed in its region, as any other. "" = none.
  std::string open_state;

  const FieldDef* Field(std::string_view key) const;
  // How an error on the natural key names it to a person: the key field and its label, or for a
  // computed key (FieldDef::made_of) its first input and the labels of all its inputs
  // ("帮扶方、受帮扶方", "Helper region and Helped region"; several: plural). Only with a natural key.
  struct KeyNaming {
    std::string field, label_zh, label_en;
    bool plural = false;
  };
  KeyNaming NaturalKeyNaming() const;
  // The organisation ledger owner_field points to ("" when the ledger has no owner).
  std::string OwnerLedger() const;
  // The standard actions, extra_actions, then the workflow's transition actions.
  std::vector<std::string> Actions() const;

  // Optional state machine (domain/ledger/workflow.h): its state field then changes only
  // through its transitions. Lives as long as the declaration.
  const Workflow* workflow = nullptr;
};

// All ledgers, in the order reports and menus show them. Never empty; lives forever.
const std::vector<const LedgerDef*>& AllLedgers();
// The ledger of that name, or nullptr.
const LedgerDef* FindLedger(std::string_view name);
// True if some ledger has a field of that key which needs reveal (FieldDef::NeedsReveal: an ID
// number, a mobile, a poverty status, or what an ID number discloses: birth date, sex), so a
// filter by that key (a query parameter named after it) selects by personal information and its
// value must not be written in clear where readers without reveal look (the access log).
// Built once from AllLedgers; thread-safe.
bool IsRevealOnlyFieldKey(std::string_view key);

}  // namespace shanhai
