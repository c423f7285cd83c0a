// Writes a parent record and its lines (record_set.h) in one call and one transaction, audit rows
// included: create, read, change and delete, with every field of the parent and of every line
// validated, and each LineSet's check run over the parent and its whole new list of lines.
//
// Errors are reported all at once and nothing is stored on any of them. A problem of line i of
// the list under JSON key k is a FieldError with row = i (1-based) and field = "k.<field>"
// ("tranches.amount_fen"), its messages starting with the line ledger's label and the line
// number; a problem of the list itself (too few, too many) has row 0 and field = k.
//
// Authorisation: the parent's permission for the call ("create", "read", "update", "delete") and,
// for the lines it reads or writes, the line ledger's: "read" to see them (without it they are
// left out of what is returned), "create" for a line
// added, "update" for one changed, "delete" for one removed (and "reveal" to set a sensitive
// value, as for plain records). Scope (region, owner) is the parent's: lines are reached only
// through a parent the actor may see, and an organisation's account cannot write a line ledger
// that has no owner field. Lines are shown as DisclosureFor(actor, line ledger) says.
// Thread safety: none; one per LedgerService (cheap to make).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "domain/ledger/ledger_service.h"
#include "domain/ledger/record_set.h"

namespace shanhai {

// One line as given. id: on an update, the stored line this one changes (0 = a new line).
struct RawLine {
  int64_t id = 0;
  RawRecord record;  // its fields; the pair is the parent's, whatever is given here
};

// The lists given, by their JSON key (LineSet::key). On an update a key that is present is the
// whole new list — lines with an id are changed, lines without are added, stored lines left out
// are deleted —, and a key that is absent keeps that kind of line as stored (still checked).
using RawLineSets = std::vector<std::pair<std::string, std::vector<RawLine>>>;

// A parent record with its lines: one list per LineSet of the parent's LedgerDef::lines, in that
// order, each in id order.
struct RecordWithLines {
  Record parent;
  std::vector<std::pair<const LineSet*, std::vector<Record>>> lines;
};

// What a RecordSetCheck may read: records of any ledger, whole and unscoped (a check about
// capacity or about one open line per person must see every record, also those the actor may
// not), as the database holds them before the write being checked. A check must therefore not
// put other records' values into its messages beyond what the rule needs to say. actor must
// outlive the context.
class RecordSetContext {
 public:
  RecordSetContext(LedgerService& ledgers, const Actor& actor) : ledgers_(ledgers), actor_(actor) {}

  // Records of def whose fields equal the values (field key → value as a parsed Record holds it;
  // a sensitive field is matched through its look-up hash), in id order.
  Result<std::vector<Record>> Find(const LedgerDef& def, const std::vector<std::pair<std::string, Value>>& equals);
  // Who is writing (a check may depend on it, e.g. an organisation's own capacity).
  const Actor& actor() const { return actor_; }
  // The first read that failed (the database's error), Ok if none: the service stops on it.
  const Status& status() const { return status_; }

 private:
  LedgerService& ledgers_;
  const Actor& actor_;
  Status status_;
};

class RecordSetService {
 public:
  explicit RecordSetService(LedgerService& ledgers) : ledgers_(ledgers) {}

  // Each call returns the parent with its lines as stored, shown as DisclosureFor says; a kind of
  // line the actor may not read is left out of what is returned (its lines are still written).
  // Creates the parent and then its lines. Lines must not carry an id.
  Result<RecordWithLines> Create(const Actor& actor, const LedgerDef& def, const RawRecord& parent,
                                 const RawLineSets& lines, InputSource source);
  // Changes the parent's fields present in parent and the lists present in lines (see
  // RawLineSets). expected_version is the parent's (0 skips the check); the parent is written on
  // every call, so its version moves whenever any of its lines changes and a stale version is
  // refused (Conflict) even when only lines were edited. A line left unchanged is not written.
  Result<RecordWithLines> Update(const Actor& actor, const LedgerDef& def, int64_t id, const RawRecord& parent,
                                 const RawLineSets& lines, InputSource source, int64_t expected_version);
  Result<RecordWithLines> Get(const Actor& actor, const LedgerDef& def, int64_t id);
  // Deletes the lines and then the parent, at the parent's expected_version (0 skips the check).
  Status Delete(const Actor& actor, const LedgerDef& def, int64_t id, int64_t expected_version = 0);

  // For a new parent written without lines (an import): appends the problems of an empty list
  // of each LineSet (fewer than min; its check). Errors: the database's.
  Status CheckWithoutLines(const Actor& actor, const LedgerDef& def, const Record& parent,
                           std::vector<FieldError>& errors);

 private:
  // parent (whole) with the lines the actor may read, shown as the actor may see them.
  Result<RecordWithLines> WithLines(const Actor& actor, const LedgerDef& def, Record parent);

  LedgerService& ledgers_;
};

// InvalidArgument naming the parent ledger when def is a line ledger (its records are written
// only with their parent); Ok otherwise.
Status RefuseLineWrite(const LedgerDef& def);

}  // namespace shanhai
