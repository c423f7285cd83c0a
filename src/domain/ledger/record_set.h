// Records with lines, as declarations: a parent ledger (a fund, an order, a trip) names the line
// ledgers whose records belong to each of its records (tranches, order lines, seats). A line
// ledger is an ordinary LedgerDef with its own table, fields and checks; one of its fields, a
// computed ref, holds the parent's id, and its records carry the parent's pair. A parent and its
// lines are created, changed and deleted together, in one transaction, by RecordSetService
// (record_set_service.h), which runs each LineSet's check over the parent and the whole new list.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace shanhai {

struct Record;
struct LedgerDef;
class RecordSetContext;

// The check over a parent record and the whole new list of one kind of its lines, run after
// every field of each has validated. before_parent is null on create. lines are in input order
// and carry their stored id when they are kept (0 when new). Appends problems to errors: row 0
// for a problem of the parent (field = a parent field key), row i (1-based) for line i (field =
// a line field key); the service adds the lines' JSON key. The context reads the database (as
// it is before this write: the parent's stored lines are still there, see RecordSetContext).
using RecordSetCheck = std::function<void(RecordSetContext& context, const Record* before_parent, const Record& parent,
                                          const std::vector<Record>& lines, std::vector<FieldError>& errors)>;

// One kind of line the records of a parent ledger own.
struct LineSet {
  const LedgerDef* ledger = nullptr;  // the line ledger; its LedgerDef::line_of names the parent
  std::string parent_field;           // the line ledger's computed ref field holding the parent's id
  std::string key;                    // JSON key of the list in the parent's body ("tranches", "seats")
  int64_t min = 0;                    // fewest lines a parent may have
  int64_t max = 500;                  // most lines a parent may have
  RecordSetCheck check;               // optional cross-record rules
  // Optional: the parent's field total_field holds the sum of the lines' field summed_field
  // (a fund's 已拨付 is the sum of its tranches). When a write leaves total_field out and the
  // record has lines, the service fills it in before the checks; a given value is the check's
  // to compare.
  std::string total_field, summed_field;
};

}  // namespace shanhai
