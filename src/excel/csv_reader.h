// Streaming reader of CSV files as Chinese office users save them: UTF-8 with or without BOM,
// or GB18030/GBK (Excel's plain "CSV" on a Chinese Windows).
#pragma once

#include <string>

#include "common/status.h"
#include "excel/row_sink.h"
#include "excel/text_encoding.h"

namespace shanhai::excel {

// Calls on_row for every non-empty record of the CSV file at path (see CsvParser for the dialect),
// with cells converted to UTF-8. Encoding: a UTF-8 BOM is stripped; otherwise a file that is valid
// UTF-8 throughout is read as UTF-8, anything else as GB18030. The file is read in chunks, so
// memory stays bounded by the longest record whatever the file size (a file without BOM is read
// twice: once to check its encoding).
// Errors: NotFound (no such file); Unavailable (cannot be read); InvalidArgument (zh/en) for a
// UTF-16 file, bytes that are not GB18030 either, or an unclosed quote; else on_row's status.
// Thread-safe for distinct calls.
Status ReadCsv(const std::string& path, const RowCallback& on_row);

// The encoding ReadCsv would use for the file at path. Errors: NotFound, Unavailable.
Result<TextEncoding> DetectFileEncoding(const std::string& path);

}  // namespace shanhai::excel
