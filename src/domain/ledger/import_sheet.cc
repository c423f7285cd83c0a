#include "domain/ledger/import_sheet.h"

#include <algorithm>

#include "common/text.h"
#include "excel/formula_guard.h"

namespace shanhai {

namespace {

// Maps a header cell to a field: "*名称", "名称", "Name" or "name" all name the same field (and
// the field's former label, FieldDef::former_label_zh, as its label); a
// money field's header also says its unit (MoneyHeaderUnit), into unit; a region field's may
// have its "（名称或代码）" (IsRegionHeader); sheet_form is set for a field's sheet label (full-width
// and half-width brackets alike), whose cells are in the sheet's form.
const FieldDef* FieldForHeader(const LedgerDef& def, std::string header, MoneyUnit& unit, bool& sheet_form) {
  while (!header.empty() && (header[0] == '*' || header[0] == ' ')) header.erase(0, 1);
  unit = MoneyUnit::kYuan;
  sheet_form = false;
  const std::string typed = NormalizeInputLossy(header);
  for (const FieldDef& f : def.fields) {
    if (!f.sheet_label_zh.empty() &&
        (typed == NormalizeInputLossy(f.sheet_label_zh) || typed == NormalizeInputLossy(f.sheet_label_en))) {
      sheet_form = true;
      return &f;
    }
    if (std::optional<MoneyUnit> named = MoneyHeaderUnit(f, header)) {
      unit = *named;
      return &f;
    }
    if (header == f.label_zh || header == f.label_en || header == f.key || IsRegionHeader(f, header) ||
        (!f.former_label_zh.empty() && header == f.former_label_zh))
      return &f;
  }
  return nullptr;
}

}  // namespace

ImportSheet::ImportSheet(const LedgerDef& def, bool from_csv, std::string default_pair)
    : def_(def), from_csv_(from_csv), default_pair_(std::move(default_pair)) {}

Status ImportSheet::ReadHeader(int64_t row_number, const std::vector<std::string>& cells) {
  std::vector<std::string> unknown;
  auto wan_yuan = std::make_shared<std::vector<std::string>>();
  auto sheet_form = std::make_shared<std::vector<std::string>>();
  for (size_t c = 0; c < cells.size(); ++c) {
    std::string h = cells[c];
    while (!h.empty() && h[0] == '*') h.erase(0, 1);
    MoneyUnit unit = MoneyUnit::kYuan;
    bool in_sheet_form = false;
    const FieldDef* f = FieldForHeader(def_, cells[c], unit, in_sheet_form);
    if (f && unit == MoneyUnit::kWanYuan) wan_yuan->push_back(f->key);
    if (f && in_sheet_form) sheet_form->push_back(f->key);
    if (h == kPairHeader || h == "pair") pair_column_ = static_cast<int>(c);
    else if (!f && !h.empty() && h != "编号" && h != "id" && h != kErrorRowHeader && h != kErrorReasonHeader)
      unknown.push_back(Excerpt(cells[c]));  // an error sheet's own columns are no data: its fixed rows import
    columns_.push_back(f && !f->computed ? f : nullptr);
    names_.push_back(f && h == f->key ? f->label_zh : std::move(h));  // a field key is no column name for a clerk
  }
  if (!wan_yuan->empty()) wan_yuan_fields_ = std::move(wan_yuan);
  if (!sheet_form->empty()) sheet_form_fields_ = std::move(sheet_form);
  if (!unknown.empty()) {
    constexpr size_t kNamedAtMost = 10;  // a sheet of thousands of stray columns names the first few
    std::string list;
    for (size_t i = 0; i < std::min(unknown.size(), kNamedAtMost); ++i) list += (list.empty() ? "" : "、") + unknown[i];
    const std::string more = std::to_string(unknown.size() - std::min(unknown.size(), kNamedAtMost));
    const bool cut = unknown.size() > kNamedAtMost;
    return Status::InvalidArgument("第" + std::to_string(row_number) + "行表头有无法识别的列：" + list +
                                       (cut ? "，另有 " + more + " 列" : "") + "（请使用“" + def_.label_zh + "”导入模板）",
                                   "row " + std::to_string(row_number) + ": unknown columns: " + list +
                                       (cut ? " and " + more + " more" : "") + " (use the " + def_.name + " template)");
  }
  have_header_ = true;
  return Status::Ok();
}

bool ImportSheet::IsInstructions(const std::vector<std::string>& cells) {
  return !cells.empty() && cells[0].starts_with(kInstructionsMarker);
}

RawRecord ImportSheet::RecordOf(const std::vector<std::string>& cells) const {
  RawRecord raw;
  raw.pair = pair_column_ >= 0 && pair_column_ < static_cast<int>(cells.size()) ? cells[pair_column_] : "";
  if (raw.pair.empty()) raw.pair = default_pair_;
  raw.fields.reserve(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (!columns_[c]) continue;
    const std::string empty;
    const std::string& cell = c < cells.size() ? cells[c] : empty;
    raw.fields.emplace_back(columns_[c]->key, from_csv_ ? excel::UndefusedCsvText(cell) : cell);
  }
  raw.wan_yuan_fields = wan_yuan_fields_;
  raw.sheet_form_fields = sheet_form_fields_;
  return raw;
}

const std::string* ImportSheet::ColumnName(std::string_view key) const {
  for (size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c] && columns_[c]->key == key) return &names_[c];
  return nullptr;
}

}  // namespace shanhai
