// The column layout every ledger sheet shares (templates, imports, exports): an optional
// "帮扶关系" pair column, then one column per field under its Chinese label ("*" = required).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"

#include "domain/ledger/ledger_def.h"

namespace shanhai {

// The pair column's header, and how a template's instructions row (skipped on import) begins.
inline constexpr const char* kPairHeader = "帮扶关系";
inline constexpr const char* kInstructionsMarker = "填写说明";
// The two columns an error sheet (error_sheet.h) adds after the user's own; an import ignores
// them, so the fixed sheet imports as it is.
inline constexpr const char* kErrorRowHeader = "原行号 Row";
inline constexpr const char* kErrorReasonHeader = "错误原因 Problems";

// Fields a sheet carries, in column order; computed fields only when with_computed (exports),
// internal ones never.
std::vector<const FieldDef*> SheetFields(const LedgerDef& def, bool with_computed);
// "*人次" for a required field, "备注" otherwise; a money field's column is in 万元, as reports
// count money: "*金额（万元）" for the field labelled "金额（元）" — a wage's stays in 元
// (SheetMoneyUnit); a region field's says what to
// write: "所在地（名称或代码）"; a field with a sheet label (FieldDef::sheet_label_zh) is headed by it.
std::string HeaderOf(const FieldDef& f);
// A money field's label for amounts in unit: "金额（万元）" / "Amount (10,000 yuan)" for 万元,
// the field's own labels ("金额（元）" / "Amount (yuan)") for 元.
std::string MoneyLabelZh(const FieldDef& f, MoneyUnit unit);
// The unit templates and exports write a money column in: 元 for a wage (FieldDef::typed_in_yuan),
// else 万元.
MoneyUnit SheetMoneyUnit(const FieldDef& f);
std::string MoneyLabelEn(const FieldDef& f, MoneyUnit unit);
// The unit a money field's column is in, by its header (without the "*"): "金额（万元）" or
// "金额(万)" → 万元; "金额（元）", "金额", the English label or the key → 元 (templates before
// 万元 columns still import); nullopt when the header is not the field's.
std::optional<MoneyUnit> MoneyHeaderUnit(const FieldDef& f, std::string_view header);
// A region field's column says a name may be written: "所在地（名称或代码）". Headers of earlier
// templates still name the field: "所在地（行政区划代码）", "Region code", "Held in (region code)".
inline constexpr const char* kRegionHeaderSuffix = "（名称或代码）";
bool IsRegionHeader(const FieldDef& f, std::string_view header);
// The header row: "*帮扶关系" first for pair-scoped ledgers, then HeaderOf each SheetFields.
std::vector<std::string> Headers(const LedgerDef& def, bool with_computed);

}  // namespace shanhai
