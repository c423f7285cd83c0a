#include "domain/ledger/ledger_io.h"

#include "common/personal_numbers.h"
#include "domain/ledger/sheet_layout.h"
#include "excel/sheet_out.h"
#include "excel/xlsx_writer.h"

namespace shanhai {

namespace {

// options: the field's options in force (enum fields).
std::string InstructionOf(const FieldDef& f, const std::vector<EnumOption>& options) {
  std::string note = f.required ? "必填" : "选填";
  switch (f.type) {
    case FieldType::kDate: note += "；日期，如 2020-06-09"; break;
    case FieldType::kMoney: note += "；金额（元），最多两位小数"; break;
    case FieldType::kInteger: note += "；整数"; break;
    case FieldType::kBool: note += "；是/否"; break;
    case FieldType::kEnum:
    case FieldType::kSensitiveEnum: {
      note += "；可选：";
      bool first = true;
      for (const EnumOption& o : options) {
        if (o.disabled) continue;
        note += (first ? "" : "、") + o.label_zh;
        first = false;
      }
      break;
    }
    case FieldType::kRegion: note += "；行政区划代码"; break;
    case FieldType::kIdNumber: note += "；18位身份证号"; break;
    case FieldType::kMobile: note += "；11位手机号"; break;
    case FieldType::kCreditCode: note += "；18位统一社会信用代码"; break;
    default: break;
  }
  if (!f.hint_zh.empty()) note += "；" + f.hint_zh;
  return note;
}

}  // namespace

Status WriteTemplate(const LedgerDef& def, const std::string& path, const DictionarySnapshot* dictionaries) {
  const DictionarySnapshot declared;
  excel::XlsxWriterOptions options;
  SH_ASSIGN_OR_RETURN(auto xlsx, excel::XlsxWriter::Open(path, options));
  SH_RETURN_IF_ERROR(xlsx->AddSheet(def.label_zh));
  const std::vector<std::string> headers = Headers(def, false);
  SH_RETURN_IF_ERROR(xlsx->WriteHeaderRow(0, headers));
  std::vector<std::string> notes;
  int col = 0;
  if (def.pair_scoped) {
    notes.push_back(std::string(kInstructionsMarker) + "（导入时跳过本行）：帮扶关系必填，帮扶方代码-受帮扶方代码，如 440111-522727");
    ++col;
  }
  for (const FieldDef* f : SheetFields(def, false)) {
    const std::vector<EnumOption>& options = (dictionaries ? *dictionaries : declared).OptionsFor(def, *f);
    std::string note = InstructionOf(*f, options);
    if (notes.empty()) note = std::string(kInstructionsMarker) + "（导入时跳过本行）：" + note;
    notes.push_back(note);
    if (f->type == FieldType::kEnum || f->type == FieldType::kSensitiveEnum || f->type == FieldType::kBool) {
      std::vector<std::string> items;
      if (f->type == FieldType::kBool) items = {"是", "否"};
      for (const EnumOption& o : options)
        if (!o.disabled) items.push_back(o.label_zh);
      SH_RETURN_IF_ERROR(xlsx->AddListValidation(2, 10000, col, items));
    }
    ++col;
  }
  SH_RETURN_IF_ERROR(xlsx->WriteInstructionsRow(1, notes, 60));
  SH_RETURN_IF_ERROR(xlsx->FreezeTopRows(2));
  SH_RETURN_IF_ERROR(xlsx->SetColumnWidth(0, static_cast<int>(headers.size()) - 1, 20));
  return xlsx->Close();
}

Status WriteErrorSheet(const std::vector<FieldError>& errors, const std::string& path) {
  SH_ASSIGN_OR_RETURN(auto out, excel::SheetOut::Open(path, "导入错误"));
  SH_RETURN_IF_ERROR(out->Header({"行号 Row", "列 Column", "原因", "Reason"}));
  // The sheet outlives the request: whatever produced a message, no personal number stays whole in it.
  for (const FieldError& e : errors)
    SH_RETURN_IF_ERROR(out->Row({std::to_string(e.row), e.field, MaskPersonalNumbers(e.message_zh),
                                 MaskPersonalNumbers(e.message_en)},
                                {true, false, false, false}));
  return out->Close();
}

}  // namespace shanhai
