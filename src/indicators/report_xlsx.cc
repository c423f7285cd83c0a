// The report as a workbook: one row per indicator with group, label, key, value (万元 for
// money, so leaders read the same unit as in the narrative), unit, 其中脱贫人口, target,
// completion rate and definition; a report of part of the pair states its scope after the title,
// and a figure not counted for that scope reads "—" with the reason in the last column. The years
// of the period without an annual target ("2026年未设目标") stand in the last column of each figure
// whose target they leave out, and on a row of their own below the table.
#include "excel/xlsx_writer.h"
#include "indicators/report.h"

namespace shanhai {

Status WriteReportXlsx(const Report& report, const std::string& path) {
  SH_ASSIGN_OR_RETURN(auto xlsx, excel::XlsxWriter::Open(path));
  SH_RETURN_IF_ERROR(xlsx->AddSheet("223指标"));
  const std::string scope = FigureScopeText(report.scope);
  SH_RETURN_IF_ERROR(xlsx->WriteString(0, 0, report.helper_name + "—" + report.helped_name + "东西部协作指标（" +
                                                 report.pair + "，" + (report.from.empty() ? "建立以来" : report.from) +
                                                 " 至 " + (report.to.empty() ? "今" : report.to) + "）" +
                                                 (scope.empty() ? "" : "　" + scope)));
  SH_RETURN_IF_ERROR(xlsx->WriteHeaderRow(
      1, {"分组", "指标", "代码", "数值", "单位", "其中脱贫人口", "目标", "完成率(%)", "定义", "说明"}));
  const std::string missing = TargetMissingText(report.target_missing_years);
  int row = 2;
  for (const IndicatorValue& v : report.values) {
    SH_RETURN_IF_ERROR(xlsx->WriteString(row, 0, GroupLabelZh(v.def->group)));
    SH_RETURN_IF_ERROR(xlsx->WriteString(row, 1, v.def->label_zh));
    SH_RETURN_IF_ERROR(xlsx->WriteString(row, 2, v.def->key));
    const bool money = v.def->money;
    if (v.not_in_scope != ScopeExclusion::kNone) {
      SH_RETURN_IF_ERROR(xlsx->WriteString(row, 3, "—"));
      SH_RETURN_IF_ERROR(xlsx->WriteString(row, 9, NotInScopeText(v.not_in_scope)));
    } else if (!IsNull(v.actual)) {
      const double value = std::holds_alternative<double>(v.actual) ? std::get<double>(v.actual)
                                                                    : static_cast<double>(AsInt(v.actual));
      SH_RETURN_IF_ERROR(xlsx->WriteNumber(row, 3, money ? value / 1'000'000.0 : value));
    }
    SH_RETURN_IF_ERROR(xlsx->WriteString(row, 4, money ? "万元" : v.def->unit_zh));
    if (v.poverty) SH_RETURN_IF_ERROR(xlsx->WriteNumber(row, 5, static_cast<double>(*v.poverty)));
    if (v.target)
      SH_RETURN_IF_ERROR(xlsx->WriteNumber(row, 6, money ? *v.target / 1'000'000.0 : static_cast<double>(*v.target)));
    if (v.completion) SH_RETURN_IF_ERROR(xlsx->WriteNumber(row, 7, *v.completion));
    if (v.target_partial && !missing.empty()) SH_RETURN_IF_ERROR(xlsx->WriteString(row, 9, missing));
    SH_RETURN_IF_ERROR(xlsx->WriteString(row, 8, v.def->definition_zh));
    ++row;
  }
  if (!missing.empty()) SH_RETURN_IF_ERROR(xlsx->WriteString(row + 1, 0, "年度目标：" + missing));
  SH_RETURN_IF_ERROR(xlsx->SetColumnWidth(0, 0, 22));
  SH_RETURN_IF_ERROR(xlsx->SetColumnWidth(1, 1, 30));
  SH_RETURN_IF_ERROR(xlsx->SetColumnWidth(2, 2, 44));
  SH_RETURN_IF_ERROR(xlsx->SetColumnWidth(3, 7, 12));
  SH_RETURN_IF_ERROR(xlsx->SetColumnWidth(8, 8, 60));
  SH_RETURN_IF_ERROR(xlsx->SetColumnWidth(9, 9, 30));
  return xlsx->Close();
}

}  // namespace shanhai
