// The outreach lists that village cadres work through (外出务工岗位推荐表): the people of each
// village who are looking for work, each with the jobs recommended to them and the reasons, one
// sheet per village after a summary sheet, and a blank column for the outcome of the call. A
// person whose "still looking" confirmation is due is listed without jobs, saying to confirm
// first. Shared by `shanhai match --outreach` and GET /api/v1/labor/outreach.xlsx.
//
// What it shows follows match_view.h: names whole for staff, ID numbers masked, no phone, the
// priority reason (which tells the household's poverty status) only for a kRevealer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/audit/audit_log.h"
#include "domain/matching/match_service.h"
#include "domain/matching/match_view.h"

namespace shanhai::matching {

// Jobs listed per person unless asked otherwise: a cadre's call goes through a few, not ten.
inline constexpr size_t kOutreachJobsPerPerson = 3;

struct OutreachCounts {
  int64_t villages = 0;
  int64_t people = 0;
  int64_t with_jobs = 0;
  int64_t confirmation_due = 0;
};

// Writes the workbook of entries (OutreachFor's order: by village) to path (.xlsx). A region with
// nobody listed still gets its summary sheet, saying so. Errors: the database's and the writer's;
// path then holds nothing.
Result<OutreachCounts> WriteOutreachWorkbook(Database& db, const PiiVault& vault,
                                             const std::vector<OutreachEntry>& entries, Viewer viewer,
                                             const std::string& region_code, const std::string& path);

// Records that actor took region_code's workbook away: an "export" of the labour ledger naming
// the people listed (and, for a kRevealer, who has the poverty priority). Errors: the database's.
Status AuditOutreachExport(AuditLog& audit, const Actor& actor, const std::string& region_code,
                           const OutreachCounts& counts, Viewer viewer);

}  // namespace shanhai::matching
