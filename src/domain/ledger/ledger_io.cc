#include "domain/ledger/ledger_io.h"

#include <algorithm>

#include "domain/ledger/count_unit.h"
#include "domain/ledger/option_match.h"
#include "domain/ledger/sheet_layout.h"
#include "excel/sheet_out.h"
#include "excel/xlsx_writer.h"

namespace shanhai {

namespace {

// options: the field's options in force (enum fields); in_pair: the ledger's records belong to a
// pair, within whose regions a region cell's name is looked for (elsewhere: the whole catalogue).
std::string InstructionOf(const FieldDef& f, const std::vector<EnumOption>& options, bool in_pair) {
  std::string note = f.required ? "必填" : "选填";
  // A column in the sheet's own form says what it holds in its hint, not by its type.
  if (!f.sheet_label_zh.empty()) return f.hint_zh.empty() ? note : note + "；" + f.hint_zh;
  switch (f.type) {
    case FieldType::kDate: note += "；日期，如 2020-06-09"; break;
    case FieldType::kMoney:
      note += SheetMoneyUnit(f) == MoneyUnit::kYuan ? "；月薪（元），如 5100；也可写 0.51万"
                                                    : "；金额（万元），如 50 或 1,033.98；也可写 500元、0.5亿";
      break;
    case FieldType::kInteger: {
      const std::string unit = CountUnitOf(f);  // as ParseFieldValue reads a count cell
      note += unit.empty() ? "；整数" : "；整数，如 3 或 3" + unit;
      break;
    }
    case FieldType::kBool: note += "；是/否"; break;
    case FieldType::kEnum:
    case FieldType::kSensitiveEnum: {
      note += "；可选：";
      bool first = true, bracketed = false;
      for (const EnumOption& o : options) {
        if (o.disabled) continue;
        note += (first ? "" : "、") + o.label_zh;
        first = false;
        bracketed = bracketed || OptionShortLabel(o.label_zh) != o.label_zh;
      }
      if (bracketed) note += "（括号内的说明可省略）";  // as MatchOption reads them
      break;
    }
    case FieldType::kRegion:
      note += in_pair       ? "；地区名称或行政区划代码（名称在本帮扶关系两方地区之内，如 甲坝村、卡蒲乡甲坝村、石门街道）"
              : f.anywhere ? "；省、市或县的名称或行政区划代码"
                            : "；地区名称或行政区划代码";
      break;
    case FieldType::kIdNumber: note += "；18位身份证号"; break;
    case FieldType::kMobile: note += "；11位手机号"; break;
    case FieldType::kCreditCode: note += "；18位统一社会信用代码"; break;
    default: break;
  }
  if (!f.hint_zh.empty()) note += "；" + f.hint_zh;
  return note;
}

// What a template holds, whichever the format: the header row, the instructions row under it
// (its first cell begins with kInstructionsMarker, so the import skips it), and for each column
// the choices a drop-down offers (empty: none) and what Excel says of a value not among them.
struct TemplateColumns {
  std::vector<std::string> headers, notes;
  std::vector<std::vector<std::string>> choices;
  std::vector<std::string> warnings;
};

// Excel's warning for a value outside a column's drop-down: each says what else the import reads
// in that column (the pair column's list holds pairs, so its example is a pair, not an option).
constexpr const char* kPairListWarning =
    "帮扶关系可写名称（如 广州市白云区—黔南州平塘县，连接号不拘）或代码（如 440111-522727），选“是”保留。"
    "A pair is read by its name (广州市白云区—黔南州平塘县, any dash) or code (440111-522727); choose Yes to keep it.";
constexpr const char* kOptionListWarning =
    "简称（如 东部-西部）导入时也能识别，选“是”保留。Short forms are read on import too; choose Yes to keep it.";
constexpr const char* kNameListWarning =
    "列表之外的名称、代码或其他写法导入时也能识别，选“是”保留。Other names, codes and spellings are read on import too; choose Yes to keep it.";

// The choices sheet_choices gives field f of def (none: no drop-down).
std::vector<std::string> SheetChoicesOf(const SheetChoices* sheet_choices, const LedgerDef& def, const FieldDef& f) {
  if (!sheet_choices || f.sheet_label_zh.empty()) return {};
  auto ledger = sheet_choices->find(def.name);
  if (ledger == sheet_choices->end()) return {};
  auto field = ledger->second.find(f.key);
  return field == ledger->second.end() ? std::vector<std::string>() : field->second;
}

// What the instructions add about a names list: where it comes from, and that it was cut short.
std::string ListNote(const char* what, bool capped, size_t shown) {
  return std::string("；下拉列表为") + what +
         (capped ? "（较多，仅列出前 " + std::to_string(shown) + " 个，其余照样填写名称或代码）" : "");
}

TemplateColumns TemplateColumnsOf(const LedgerDef& def, const DictionarySnapshot* dictionaries,
                                  const SheetChoices* sheet_choices, const TemplateNames* names) {
  const DictionarySnapshot declared;
  TemplateColumns out;
  out.headers = Headers(def, false);
  const bool listed = names && def.pair_scoped;  // the names belong to pairs
  if (def.pair_scoped) {
    std::string note = std::string(kInstructionsMarker) +
                       "（导入时跳过本行）：帮扶关系必填，代码（帮扶方代码-受帮扶方代码，如 440111-522727）"
                       "或名称（如 广州市白云区—黔南州平塘县）";
    if (listed && !names->pairs.empty())
      note += ListNote("您可写入的帮扶关系", names->pairs_capped, names->pairs.size());
    out.notes.push_back(std::move(note));
    out.choices.push_back(listed ? names->pairs : std::vector<std::string>());
    out.warnings.push_back(kPairListWarning);
  }
  for (const FieldDef* f : SheetFields(def, false)) {
    const std::vector<EnumOption>& options = (dictionaries ? *dictionaries : declared).OptionsFor(def, *f);
    std::string note = InstructionOf(*f, options, def.pair_scoped);
    if (out.notes.empty()) note = std::string(kInstructionsMarker) + "（导入时跳过本行）：" + note;
    const bool region_list = listed && f->type == FieldType::kRegion && !f->anywhere && !names->regions.empty();
    if (region_list) note += ListNote("这些帮扶关系两方的地区", names->regions_capped, names->regions.size());
    out.notes.push_back(note);
    std::vector<std::string> items = SheetChoicesOf(sheet_choices, def, *f);
    if (region_list) items = names->regions;
    if (f->type == FieldType::kBool) items = {"是", "否"};
    const bool enumerated = f->type == FieldType::kEnum || f->type == FieldType::kSensitiveEnum;
    if (enumerated)
      for (const EnumOption& o : options)
        if (!o.disabled) items.push_back(o.label_zh);
    out.choices.push_back(std::move(items));
    out.warnings.push_back(enumerated ? kOptionListWarning : kNameListWarning);
  }
  return out;
}

// The template's sheet of def, named after the ledger (as a workbook import expects).
Status AddTemplateSheet(excel::XlsxWriter& xlsx, const LedgerDef& def, const TemplateColumns& columns) {
  SH_RETURN_IF_ERROR(xlsx.AddSheet(def.label_zh));
  SH_RETURN_IF_ERROR(xlsx.WriteHeaderRow(0, columns.headers));
  for (size_t col = 0; col < columns.choices.size(); ++col)
    if (!columns.choices[col].empty())
      SH_RETURN_IF_ERROR(xlsx.AddListValidation(2, 10000, static_cast<int>(col), columns.choices[col], columns.warnings[col]));
  SH_RETURN_IF_ERROR(xlsx.WriteInstructionsRow(1, columns.notes, 60));
  SH_RETURN_IF_ERROR(xlsx.FreezeTopRows(2));
  return xlsx.SetColumnWidth(0, static_cast<int>(columns.headers.size()) - 1, 20);
}

}  // namespace

Status WriteTemplate(const LedgerDef& def, const std::string& path, const DictionarySnapshot* dictionaries,
                     const SheetChoices* sheet_choices, const TemplateNames* names) {
  const TemplateColumns columns = TemplateColumnsOf(def, dictionaries, sheet_choices, names);
  if (excel::PathEndsWith(path, ".csv")) {  // no drop-downs: the instructions row lists the choices
    SH_ASSIGN_OR_RETURN(auto csv, excel::CsvWriter::Open(path));
    SH_RETURN_IF_ERROR(csv->WriteRow(columns.headers));
    SH_RETURN_IF_ERROR(csv->WriteRow(columns.notes));
    return csv->Close();
  }
  if (!excel::PathEndsWith(path, ".xlsx"))
    return Status::InvalidArgument("模板只能写成 .xlsx 或 .csv 文件：" + path, "a template is an .xlsx or .csv file: " + path);
  excel::XlsxWriterOptions options;
  SH_ASSIGN_OR_RETURN(auto xlsx, excel::XlsxWriter::Open(path, options));
  SH_RETURN_IF_ERROR(AddTemplateSheet(*xlsx, def, columns));
  return xlsx->Close();
}

Status WriteWorkbookTemplate(const std::string& path, const std::vector<const LedgerDef*>& ledgers,
                             const DictionarySnapshot* dictionaries, const SheetChoices* sheet_choices,
                             const TemplateNames* names) {
  if (!excel::PathEndsWith(path, ".xlsx"))
    return Status::InvalidArgument("多台账模板只能写成 .xlsx 工作簿：" + path, "a workbook template is an .xlsx file: " + path);
  if (ledgers.empty()) return Status::InvalidArgument("模板中没有台账", "a workbook template of no ledger");
  excel::XlsxWriterOptions options;
  SH_ASSIGN_OR_RETURN(auto xlsx, excel::XlsxWriter::Open(path, options));
  for (const LedgerDef* def : ledgers)
    SH_RETURN_IF_ERROR(AddTemplateSheet(*xlsx, *def, TemplateColumnsOf(*def, dictionaries, sheet_choices, names)));
  return xlsx->Close();
}

namespace {

void AppendErrors(const std::string& sheet, const ImportReport& report, std::vector<SheetError>& out) {
  for (const FieldError& e : report.errors) out.push_back({sheet, e, report.stored_rows.contains(e.row)});
}

}  // namespace

std::vector<SheetError> ErrorsOfFile(const std::vector<FieldError>& errors) {
  std::vector<SheetError> rows;
  rows.reserve(errors.size());
  for (const FieldError& e : errors) rows.push_back({"", e});
  return rows;
}

std::vector<SheetError> ErrorsOfFile(const ImportReport& report) {
  std::vector<SheetError> rows;
  rows.reserve(report.errors.size());
  AppendErrors("", report, rows);
  return rows;
}

std::vector<SheetError> WorkbookErrors(const WorkbookReport& report) {
  std::vector<SheetError> out;
  for (const SheetImport& s : report.sheets) AppendErrors(s.sheet, s.report, out);
  return out;
}

}  // namespace shanhai
