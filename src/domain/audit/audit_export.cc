// AuditLog::Export: the audit administrator's spreadsheet of the log.
#include <boost/json.hpp>

#include "domain/accounts/user_names.h"
#include "domain/audit/audit_log.h"
#include "excel/sheet_out.h"
#include "regions/region_display.h"

namespace shanhai {

namespace {

constexpr int64_t kExportPageSize = 1000;

// "黔南州平塘县（522727）": the helped region by name, its code beside it; the code alone if unknown.
std::string RegionCell(const std::string& code) {
  if (code.empty()) return code;
  const std::string name = RegionDisplayName(RegionCatalog::Embedded(), code);
  return name.empty() ? code : name + "（" + code + "）";
}

// "王芳（wangfang）": the actor by display name, the login beside; the login alone without a name.
std::string ActorCell(const std::map<std::string, std::string>& names, const std::string& login) {
  auto named = names.find(login);
  return named == names.end() ? login : named->second + "（" + login + "）";
}

std::string FilterJson(const AuditFilter& f) {
  boost::json::object o;
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) o[key] = value;
  };
  put("actor", f.actor);
  put("action", f.action);
  put("ledger", f.ledger);
  put("from", f.from);
  put("to", f.to);
  put("region", f.visible_prefix);
  if (f.record_id != 0) o["record_id"] = f.record_id;
  return boost::json::serialize(o);
}

}  // namespace

Result<int64_t> AuditLog::Export(const Actor& actor, AuditFilter filter, const std::string& path) {
  SH_RETURN_IF_ERROR(Authorize(actor, kAuditDuty));
  SH_ASSIGN_OR_RETURN(auto out, excel::SheetOut::Open(path, "审计日志"));
  SH_RETURN_IF_ERROR(out->Header({"编号 id", "链序号 seq", "时间 at", "操作人 actor", "动作 action", "台账 ledger",
                                  "记录 record", "受帮扶地区 region", "修改前 before", "修改后 after", "说明 detail",
                                  "来源地址 remote"}));
  const std::vector<bool> numeric = {true, true, false, false, false, false, true, false, false, false, false, false};
  SH_ASSIGN_OR_RETURN(const auto names, UserNames(db_).Named());
  int64_t written = 0;
  filter.page_size = kExportPageSize;
  for (filter.page = 1;; ++filter.page) {
    SH_ASSIGN_OR_RETURN(auto found, Find(filter));
    for (const AuditEntry& e : found.second) {
      SH_RETURN_IF_ERROR(out->Row({std::to_string(e.id), std::to_string(e.seq), e.at, ActorCell(names, e.actor), e.action, e.ledger,
                                   e.record_id == 0 ? "" : std::to_string(e.record_id), RegionCell(e.helped_region), e.before_json,
                                   e.after_json, e.detail, e.remote},
                                  numeric));
      ++written;
    }
    if (static_cast<int64_t>(found.second.size()) < kExportPageSize) break;
  }
  SH_RETURN_IF_ERROR(out->Close());
  SH_RETURN_IF_ERROR(Write(actor, "audit_export", "audit_log", 0, "", "", "",
                           "{\"rows\":" + std::to_string(written) + ",\"filter\":" + FilterJson(filter) + "}"));
  return written;
}

}  // namespace shanhai
