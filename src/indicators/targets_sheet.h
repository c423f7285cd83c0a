// The targets ledger's spreadsheet form, as its console form speaks: the indicator by its
// catalogue name (its key still accepted), a money indicator's target in 万元 ("50", "50万",
// "0.5亿"), any other target a count in the indicator's unit. Injected into ServiceContext::
// sheet_forms by the application; the columns are those the ledger gives sheet labels to
// ("*指标", "*目标值（金额类指标为万元）"). Pure functions over the catalogue; thread-safe.
#pragma once

#include "domain/ledger/ledger_io.h"
#include "domain/service_context.h"

namespace shanhai {

SheetForm TargetsSheetForm();
// The templates' drop-downs of the sheet forms the application injects: the targets sheet's
// indicator column offers every catalogue name standing alone (FullLabelZh), in catalogue order.
// Lives forever.
const SheetChoices& TemplateSheetChoices();

}  // namespace shanhai
