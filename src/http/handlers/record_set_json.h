// JSON of records with lines (domain/ledger/record_set.h) for the ledger routes: a parent's body
// carries each kind of its lines as an array under the declared key ("tranches": [{…}, …]).
#pragma once

#include <boost/json.hpp>

#include "domain/ledger/record_set_service.h"

namespace shanhai {

// Moves def's line arrays out of body (what is left is the parent's own input). Each present
// key must hold an array of objects; a line's "id", when given, is an integer naming the stored
// line it changes; its other members are read as RawRecordFrom reads a record. Errors:
// Status::Invalid naming each bad line (row = line number, field = "<key>" or "<key>.<member>").
Result<RawLineSets> TakeRawLineSets(const LedgerDef& def, boost::json::object& body);

// The parent as RecordJsonFor writes it for actor (with its transitions), with each kind of
// its lines under its key.
boost::json::object RecordWithLinesToJson(const Actor& actor, const LedgerDef& def, const RecordWithLines& record);

}  // namespace shanhai
