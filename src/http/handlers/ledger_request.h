// Request parsing shared by the ledger handlers.
#pragma once

#include <boost/json.hpp>

#include "domain/ledger/ledger_service.h"
#include "domain/ledger/record_set_service.h"
#include "http/api_routes.h"
#include "http/http_types.h"
#include "http/reply.h"

namespace shanhai {

// ?pair= as a person gives it, as the CLI's --pair takes it: a pair scope's code, or the name of
// a pair the request's user sees or of one of its sides (PairScopeNamed). "" → no pair scope.
// Errors, all InvalidArgument (400) in Chinese and English: no such pair, several pairs so named
// (each by name and code), a malformed code.
Result<std::optional<PairScope>> QueryPairScope(RequestContext& ctx);
// pair (QueryPairScope), q, from, to, sort, page, page_size, and <field>=<value> filters. Errors
// name an unknown parameter or pair, or a page or page_size out of bounds (see QueryPage).
Result<ListRequest> ListRequestFrom(RequestContext& ctx, const LedgerDef& def);
// A record's input from a JSON body; bookkeeping keys echoed back by clients are ignored.
// Errors: Status::Invalid naming each member that is an object or an array.
Result<RawRecord> RawRecordFrom(const boost::json::object& body);
// A change of one stored record: PUT /{id} and POST /{id}/transitions/<name>.
struct RecordChange {
  int64_t id = 0;
  RawRecord input;
  int64_t version = 0;  // 0 when the body has none
  RawLineSets lines;    // the lines sent with a record of a ledger that declares them
};
// The path's {id}, and the body's record input and version (an integer ≥ 1 when given); with
// with_lines, that ledger's line arrays are taken out of the body first (TakeRawLineSets).
// Errors: a bad id (see PathId), a body that is not a JSON object or has members of the wrong
// kind, as JsonBody, TakeRawLineSets and RawRecordFrom report them.
Result<RecordChange> RecordChangeFrom(const HttpRequest& request, const LedgerDef* with_lines = nullptr);
// 428 precondition_required: a change (PUT, a transition) sent without the version it was made
// from, which would overwrite unseen changes of others.
Reply VersionRequired();
// The member "transitions": the names of the transitions actor may take on record now (see
// AllowedTransitions), as text for AppendRecordJson when def has a workflow; "" otherwise.
std::string TransitionsMember(const Actor& actor, const LedgerDef& def, const Record& record);
// What a reader is shown beside a record's own values: the names of its pair and regions
// (RegionLabelMembers) and its TransitionsMember, as extra members for AppendRecordJson.
std::string ReaderMembers(const Actor& actor, const LedgerDef& def, const Record& record);
// RecordToJson(def, record, ref_labels) with ReaderMembers for actor.
boost::json::object RecordJsonFor(const Actor& actor, const LedgerDef& def, const Record& record,
                                  const RefLabels& ref_labels = {});

}  // namespace shanhai
