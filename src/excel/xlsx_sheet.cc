#include "excel/xlsx_sheet.h"

#include <charconv>
#include <cstring>

#include "excel/cell_limits.h"
#include "excel/xlsx_text.h"
#include "excel/xml_stream.h"

namespace shanhai::excel {
namespace {

constexpr int kMaxColumns = 16384;  // XFD, Excel's last column

enum class CellType { kNumber, kSharedString, kInlineString, kFormulaString, kBoolean, kError, kIsoDate };

CellType ParseCellType(const char* t) {
  if (t == nullptr) return CellType::kNumber;
  switch (t[0]) {
    case 's': return t[1] == '\0' ? CellType::kSharedString : CellType::kFormulaString;  // "s" / "str"
    case 'i': return CellType::kInlineString;
    case 'b': return CellType::kBoolean;
    case 'e': return CellType::kError;
    case 'd': return CellType::kIsoDate;
    default: return CellType::kNumber;
  }
}

// "2024-01-05T08:30:00.000Z" → "2024-01-05 08:30:00"; midnight → "2024-01-05".
std::string IsoDateText(std::string_view v) {
  std::string out(v.substr(0, std::min<size_t>(v.size(), 19)));
  if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
  if (out.size() == 19 && out.compare(10, 9, " 00:00:00") == 0) out.resize(10);
  return out;
}

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const SheetContext& ctx, const RowCallback& on_row) : ctx_(ctx), on_row_(on_row) {}

  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "c") {
      StartCell(attrs);
    } else if (name == "v") {
      collecting_ = in_cell_;
    } else if (name == "t") {
      collecting_ = in_inline_ && phonetic_depth_ == 0;
    } else if (name == "row") {
      StartRow(attrs);
    } else if (name == "is") {
      in_inline_ = in_cell_;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    }
  }

  void OnEnd(std::string_view name) override {
    if (name == "v" || name == "t") {
      collecting_ = false;
    } else if (name == "c") {
      EndCell();
    } else if (name == "row") {
      EndRow();
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      --phonetic_depth_;
    }
  }

  void OnText(std::string_view text) override {
    if (!collecting_) return;
    value_.append(text);
    if (value_.size() > kMaxCellBytes) {
      const std::string row = std::to_string(row_number_);
      Stop(CellTooLong("第 " + row + " 行", "row " + row));
    }
  }

 private:
  void StartRow(const char** attrs) {
    int64_t r = 0;
    const char* ref = FindAttr(attrs, "r");
    if (ref == nullptr || std::from_chars(ref, ref + std::strlen(ref), r).ec != std::errc() || r <= 0) {
      r = row_number_ + 1;  // r is optional; rows then follow one another
    }
    row_number_ = r;
    for (auto& cell : cells_) cell.clear();
    last_filled_ = -1;
    next_column_ = 0;
  }

  void StartCell(const char** attrs) {
    const char* ref = nullptr;
    const char* type = nullptr;
    const char* style = nullptr;
    for (; attrs[0] != nullptr; attrs += 2) {
      const char* a = attrs[0];
      if (a[0] == 'r' && a[1] == '\0') ref = attrs[1];
      else if (a[0] == 't' && a[1] == '\0') type = attrs[1];
      else if (a[0] == 's' && a[1] == '\0') style = attrs[1];
    }
    column_ = next_column_;
    if (ref != nullptr && ref[0] >= 'A') {
      int col = 0;
      for (const char* p = ref; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); ++p) {
        col = col * 26 + ((*p | 0x20) - 'a' + 1);
        if (col > kMaxColumns) break;
      }
      column_ = col - 1;
    }
    if (column_ < 0 || column_ >= kMaxColumns) {
      Stop(DamagedXlsx("第 " + std::to_string(row_number_) + " 行的单元格引用无效：" + (ref ? ref : ""),
                       "invalid cell reference in row " + std::to_string(row_number_) + ": " + (ref ? ref : "")));
      return;
    }
    type_ = ParseCellType(type);
    kind_ = NumberFormatKind::kNumber;
    if (style != nullptr) {
      size_t index = 0;
      std::from_chars(style, style + std::strlen(style), index);
      if (index < ctx_.format_kinds->size()) kind_ = (*ctx_.format_kinds)[index];
    }
    value_.clear();
    in_cell_ = true;
  }

  void EndCell() {
    in_cell_ = false;
    next_column_ = column_ + 1;
    if (value_.empty()) return;
    if (static_cast<size_t>(column_) >= cells_.size()) cells_.resize(static_cast<size_t>(column_) + 1);
    std::string& cell = cells_[static_cast<size_t>(column_)];
    switch (type_) {
      case CellType::kSharedString: {
        size_t index = 0;
        auto res = std::from_chars(value_.data(), value_.data() + value_.size(), index);
        if (res.ec != std::errc() || index >= ctx_.shared_strings->size()) {
          Stop(DamagedXlsx("第 " + std::to_string(row_number_) + " 行引用了不存在的共享字符串 " + value_,
                           "row " + std::to_string(row_number_) + " refers to missing shared string " + value_));
          return;
        }
        cell = (*ctx_.shared_strings)[index];
        break;
      }
      case CellType::kInlineString:
      case CellType::kFormulaString:
        DecodeOoxmlEscapes(value_);
        cell = value_;
        break;
      case CellType::kBoolean:
        cell = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
        break;
      case CellType::kError:
        cell = value_;
        break;
      case CellType::kIsoDate:
        cell = IsoDateText(value_);
        break;
      case CellType::kNumber:
        cell = NumberCellText(value_, kind_, ctx_.date1904);
        break;
    }
    if (!cell.empty() && column_ > last_filled_) last_filled_ = column_;
  }

  void EndRow() {
    if (last_filled_ < 0) return;  // entirely empty rows (e.g. only styled blanks) are skipped
    cells_.resize(static_cast<size_t>(last_filled_) + 1);
    Status status = on_row_(row_number_, cells_);
    if (!status.ok()) Stop(std::move(status));
  }

  const SheetContext& ctx_;
  const RowCallback& on_row_;
  std::vector<std::string> cells_;
  std::string value_;
  int64_t row_number_ = 0;
  int column_ = 0;
  int next_column_ = 0;
  int last_filled_ = -1;
  CellType type_ = CellType::kNumber;
  NumberFormatKind kind_ = NumberFormatKind::kNumber;
  bool in_cell_ = false;
  bool in_inline_ = false;
  bool collecting_ = false;
  int phonetic_depth_ = 0;
};

}  // namespace

Status StreamSheet(const ZipArchive& zip, const std::string& part_path, const SheetContext& ctx,
                   const RowCallback& on_row) {
  SheetHandler handler(ctx, on_row);
  return ParseZipXml(zip, part_path, handler);
}

}  // namespace shanhai::excel
