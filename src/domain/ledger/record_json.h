// JSON form of records, shared by the HTTP API, the audit log and the CLI.
// {"id":1,"pair":"440111-522727","title":"…","person_times":12,…,"version":1}
// Money stays integer fen under its _fen key; references are ids, with the referenced
// record's natural key beside them under "<key>_label" when the caller supplies it.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <string>

#include "domain/ledger/ledger_def.h"

namespace shanhai {

boost::json::value ValueToJson(const Value& v);
// Appends record's JSON text to out (the members in the order of record.values, "<key>_label"
// after a reference whose label is in labels, then extra_members: the text of further members,
// e.g. "\"transitions\":[…]", without a leading comma; "" for none). Every other form below is
// built from this one.
void AppendRecordJson(std::string& out, const LedgerDef& def, const Record& record,
                      const std::map<std::string, std::map<int64_t, std::string>>& labels = {},
                      std::string_view extra_members = {});
// labels: ref field key → (id → label) for "<key>_label" entries; may be empty.
boost::json::object RecordToJson(const LedgerDef& def, const Record& record,
                                 const std::map<std::string, std::map<int64_t, std::string>>& labels = {});
std::string RecordToJsonText(const LedgerDef& def, const Record& record);
// The JSON text the audit log keeps of a record that holds whole values: masked as
// Disclosure::kMasked shows it, so no reader of the log can rebuild a sensitive value; without
// internal fields (FieldDef::internal), which only repeat others.
std::string AuditRecordJsonText(const LedgerDef& def, Record record);
// A record's JSON text (as the audit log keeps it) with its sensitive values and the fields
// that disclose them masked as Disclosure::kMasked shows them; masking what is already masked
// changes nothing. Text that is empty or not a JSON object is returned as it is.
std::string MaskedRecordJsonText(const LedgerDef& def, const std::string& json);

}  // namespace shanhai
