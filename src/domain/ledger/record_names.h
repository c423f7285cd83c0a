// The names shown beside a record's region codes, for readers (the console, the API): the pair as
// "pair_label" (广州市白云区—黔南州平塘县) and each region field as "<key>_label" (its whole name,
// 黔南州平塘县卡蒲毛南族乡甲坝村) and "<key>_name" (the short name a list shows and the export writes:
// the one the import finds alone within the record's pair, 甲坝村 — see region_cell_name.h; not
// for a pair's own sides, named whole as the pair is),
// from the embedded region catalogue (no query). References get their "<key>_label" elsewhere
// (LedgerService::LabelsOfRefs), from the referenced ledger.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "domain/ledger/ledger_def.h"

namespace shanhai {

// The labels as JSON members without a leading comma ("\"pair_label\":\"…\",\"region_code_label\":\"…\"";
// "" when none), for AppendRecordJson's extra members. Unknown codes get no label.
std::string RegionLabelMembers(const LedgerDef& def, const Record& record);

// The same labels added to a record's JSON object (e.g. a history entry's before/after, which
// holds the pair and codes as the audit log kept them).
void AddRegionLabels(const LedgerDef& def, boost::json::object& record);

}  // namespace shanhai
