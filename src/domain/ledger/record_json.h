// JSON form of records, shared by the HTTP API, the audit log and the CLI.
// {"id":1,"pair":"440111-522727","title":"…","person_times":12,…,"version":1}
// Money stays integer fen under its _fen key; references are ids, with the referenced
// record's natural key beside them under "<key>_label" when the caller supplies it.
#pragma once

#include <boost/json.hpp>
#include <map>

#include "domain/ledger/ledger_def.h"

namespace shanhai {

boost::json::value ValueToJson(const Value& v);
// labels: ref field key → (id → label) for "<key>_label" entries; may be empty.
boost::json::object RecordToJson(const LedgerDef& def, const Record& record,
                                 const std::map<std::string, std::map<int64_t, std::string>>& labels = {});
std::string RecordToJsonText(const LedgerDef& def, const Record& record);

}  // namespace shanhai
