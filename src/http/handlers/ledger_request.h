// Request parsing shared by the ledger handlers.
#pragma once

#include <boost/json.hpp>

#include "domain/ledger/ledger_service.h"
#include "http/http_types.h"

namespace shanhai {

// pair, q, from, to, sort, page, page_size, and <field>=<value> filters. Errors name an
// unknown parameter, or a page or page_size out of bounds (see QueryPage).
Result<ListRequest> ListRequestFrom(const HttpRequest& request, const LedgerDef& def);
// A record's input from a JSON body; bookkeeping keys echoed back by clients are ignored.
// Errors: Status::Invalid naming each member that is an object or an array.
Result<RawRecord> RawRecordFrom(const boost::json::object& body);

}  // namespace shanhai
