// How much one cell and one file's shared text may hold when read. Excel itself never writes a
// cell longer than 32,767 characters, so a longer one is a broken or hostile file; the limits keep
// the memory a read needs in proportion to what a real office workbook needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/status.h"

namespace shanhai::excel {

// 32,767 characters of up to 4 UTF-8 bytes each.
constexpr size_t kMaxCellBytes = 32767 * 4;
// The shared-string table of one workbook (its text plus a per-string allowance for the table
// itself). An estimate, not a measurement: a million rows of names, ID numbers and phones typed as
// text would need roughly 150 MiB by this count.
constexpr int64_t kMaxSharedStringBytes = int64_t(256) << 20;

inline Status CellTooLong(const std::string& where_zh, const std::string& where_en) {
  return Status::InvalidArgument(where_zh + "的单元格超过 32767 个字符（Excel 的上限）",
                                 "a cell in " + where_en + " exceeds 32767 characters (Excel's limit)");
}

}  // namespace shanhai::excel
