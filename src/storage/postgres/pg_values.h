// Converting between Value and PostgreSQL's text format: parameters, result cells, COPY fields.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "storage/database.h"

namespace shanhai {

// Text form of a non-NULL parameter: integers in decimal, doubles in shortest round-trip form.
std::string PgParamText(const Value& v);

// A result cell from its text and its column's type OID: int2/int4/int8/oid → int64;
// float4/float8 → double; numeric → int64 when it is a whole number that fits, else double
// (SUM over bigint is numeric in PostgreSQL); bool → int64 1/0; any other type → the text.
Value PgCellValue(std::string_view text, unsigned type_oid);

// Appends v as one field of COPY's text format: NULL as \N; backslash, tab, newline and
// carriage return escaped.
void AppendCopyField(std::string& out, const Value& v);

}  // namespace shanhai
