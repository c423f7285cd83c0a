// The shared-string table (sharedStrings.xml) that t="s" cells index into.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "excel/zip_archive.h"

namespace shanhai::excel {

// Reads every <si> as UTF-8: plain <t> text or the concatenated <r><t> runs of rich text;
// phonetic guides (<rPh>) are left out; _xHHHH_ escapes are decoded. An empty path gives an empty
// table. This is the one part of an xlsx read held fully in memory. Errors: InvalidArgument for
// malformed XML or a damaged entry.
Result<std::vector<std::string>> ReadSharedStrings(const ZipArchive& zip, const std::string& path);

}  // namespace shanhai::excel
