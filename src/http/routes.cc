// The one route table: every endpoint of the API in one literal list, from which the router,
// the permission check and the OpenAPI document are built.
#include "domain/ledger/ledger_service.h"
#include "domain/ledger/transition_service.h"
#include "http/api_app.h"
#include "http/handlers/handlers.h"
#include "indicators/indicator_engine.h"

namespace shanhai {

namespace {

namespace h = handlers;
using enum RequestBody;

constexpr RouteRow kRouteTable[] = {
    // method, path, handler, permission, ledgers, body, summary
    {"POST", "/api/v1/auth/login", h::Login, kPublic, kNoLedger, kJson, "登录 / log in"},
    {"POST", "/api/v1/auth/logout", h::Logout, kSession, kNoLedger, kNone, "退出 / log out"},
    {"GET", "/api/v1/auth/me", h::Me, kSession, kNoLedger, kNone, "当前用户与权限 / current user and permissions"},
    {"POST", "/api/v1/auth/password", h::ChangePassword, kSession, kNoLedger, kJson, "修改密码 / change password"},
    {"POST", "/api/v1/auth/totp", h::BeginTotp, kSession, kNoLedger, kJson,
     "两步验证：生成待确认的密钥与二维码 / TOTP: a new secret and QR code to confirm"},
    {"POST", "/api/v1/auth/totp/confirm", h::ConfirmTotp, kSession, kNoLedger, kJson,
     "两步验证：以验证码确认并启用 / TOTP: switch on with a code"},
    {"POST", "/api/v1/auth/otp/request", h::RequestOtp, kPublic, kNoLedger, kJson,
     "求职者：向手机号发送一次性验证码（号码是否登记都作同样答复；按号码与地址限频）/ job seekers: send a one-time "
     "code to a mobile number (the same answer whether or not it is registered; rate-limited)"},
    {"POST", "/api/v1/auth/otp/verify", h::VerifyOtp, kPublic, kNoLedger, kJson,
     "求职者：以手机号和验证码登录（验证码一次有效，5 分钟内）/ job seekers: log in with the number and the code"},
    {"GET", "/api/v1/labor/me", h::JobSeekerProfile, kJobSeekerPermission, kNoLedger, kNone,
     "求职者本人的信息（姓名、脱敏身份证号、村；劳动力台账中的求职状态、确认日期、是否须再确认仍在求职、期望月薪）/ the "
     "signed-in job seeker's own masked profile, with its labour-ledger status, confirmation and expected wage"},
    {"POST", "/api/v1/labor/me/confirm", h::ConfirmStillSeeking, kJobSeekerPermission, kNoLedger, kNone,
     "求职者本人确认“仍在求职”（劳动力台账的确认操作，记入审计；答复新的本人信息）/ the job seeker confirms it is "
     "still looking (the labour ledger's confirm step, audited); answers the new profile"},
    {"GET", "/api/v1/labor/me/jobs/{id}", h::MyJob, kJobSeekerPermission, kNoLedger, kNone,
     "求职者查看一个岗位（企业名称、月薪、工资构成、工作时间、休息、社保、食宿、工作地名称、要求；仅已发布且企业已核验，"
     "否则 404；applied 为本人未结束的申请编号）/ one job as a seeker sees it (published, verified employer only; "
     "applied: the seeker's open application to it)"},
    {"GET", "/api/v1/labor/me/applications", h::MyApplications, kJobSeekerPermission, kNoLedger, kNone,
     "求职者本人的申请（新的在前；面试时间、方式、答复、视频面试间路径、录用、可做的操作）/ the job seeker's own "
     "applications, newest first, with the interview, the offer and the actions it may take now"},
    {"POST", "/api/v1/labor/me/applications", h::ApplyToJob, kJobSeekerPermission, kNoLedger, kJson,
     "求职者本人申请岗位 {\"job_id\": N}（本人申请，今日；已有未结束的申请、须先确认仍在求职时 409）/ the job seeker "
     "applies to a job (409 when it already has an open application to it or must confirm it is still looking)"},
    {"POST", "/api/v1/labor/me/applications/{id}/accept_time", h::TakeSeekerStep<SeekerStep::kAcceptTime>,
     kJobSeekerPermission, kNoLedger, kJson,
     "求职者接受面试时间 {\"version\": N}（此后招聘企业可见其手机号）/ the job seeker accepts the interview time "
     "(the employer may then see its mobile)"},
    {"POST", "/api/v1/labor/me/applications/{id}/decline_time", h::TakeSeekerStep<SeekerStep::kDeclineTime>,
     kJobSeekerPermission, kNoLedger, kJson,
     "求职者请求另约面试时间 {\"version\": N, \"reason\": \"…\"}（申请回到“已申请”，原因留给招聘企业）/ the job "
     "seeker asks for another interview time (back to applied, the reason kept for HR)"},
    {"POST", "/api/v1/labor/me/applications/{id}/accept_offer", h::TakeSeekerStep<SeekerStep::kAcceptOffer>,
     kJobSeekerPermission, kNoLedger, kJson, "求职者接受录用 {\"version\": N} / the job seeker accepts the offer"},
    {"POST", "/api/v1/labor/me/applications/{id}/decline_offer", h::TakeSeekerStep<SeekerStep::kDeclineOffer>,
     kJobSeekerPermission, kNoLedger, kJson, "求职者谢绝录用 {\"version\": N} / the job seeker declines the offer"},
    {"POST", "/api/v1/labor/me/applications/{id}/withdraw", h::TakeSeekerStep<SeekerStep::kWithdraw>,
     kJobSeekerPermission, kNoLedger, kJson,
     "求职者撤回申请 {\"version\": N, \"reason\": \"…\"} / the job seeker withdraws its application (a reason required)"},
    {"POST", "/api/v1/labor/me/jobs/{id}/report", h::ReportJob, kJobSeekerPermission, kNoLedger, kJson,
     "求职者举报岗位 {\"reason\": \"fee|false_terms|discrimination|unpaid_wage|other\", \"detail\": \"…\"}（工作人员处理）/ "
     "the job seeker reports a posting (staff handle it)"},
    // The room's two parties are an employer's HR and a job seeker; the service seats them (and
    // refuses everybody else), so the route asks only for a session.
    {"GET", "/api/v1/labor/applications/{id}/signal", h::InterviewSignal, kSession, kNoLedger, kNone,
     "远程面试信令（WebSocket，仅面试双方：本企业人事账号与求职者本人；仅在已约面试且在面试时段前后）/ the "
     "interview's signalling WebSocket, for its two parties only, while it is scheduled and near its slot"},
    {"GET", "/api/v1/labor/applications/{id}/room", h::InterviewRoomInfo, kSession, kNoLedger, kNone,
     "远程面试间：ICE 服务器、面试时段、岗位与企业、对方（脱敏）、视频不通时的电话 / the interview room: ICE "
     "servers, slot, job and employer, the other party masked, the fallback phone"},
    {"GET", "/api/v1/labor/me/jobs", h::MyJobs, kJobSeekerPermission, kNoLedger, kNone,
     "求职者本人的推荐岗位及理由（如“月薪比期望高12%”“包吃住”；?top=1..100，默认10）/ the signed-in job seeker's "
     "recommended jobs with the reasons in plain words"},
    {"GET", "/api/v1/labor/seekers/{id}/matches", h::SeekerMatches, "labor:seekers:match", kNoLedger, kNone,
     "为求职人员推荐岗位（得分与中英文理由；?top=1..100，默认10；不在求职、在岗或超过90天未确认的答 409）/ recommended "
     "jobs for a seeker with score and reasons (409 when not looking, in work or not confirmed for 90 days)"},
    {"GET", "/api/v1/labor/jobs/{id}/matches", h::JobMatches, "labor:jobs:match", kNoLedger, kNone,
     "为岗位推荐人选（得分与理由；企业招聘专员仅见本企业岗位，姓名与身份证号脱敏、无电话、无帮扶对象理由；?top=1..100）"
     "/ recommended people for a job (an employer's HR: own jobs only, masked, no phone, no poverty reason)"},
    {"GET", "/api/v1/labor/outreach.xlsx", h::OutreachWorkbook, "labor:seekers:match", kNoLedger, kNone,
     "外出务工岗位推荐表（.xlsx，每村一页：正在求职的人员与推荐岗位及理由，身份证号脱敏；?region= 县、乡镇或村，"
     "缺省为本人地区；?top=1..100，默认3；记入审计）/ the outreach workbook, one sheet per village"},
    {"GET", "/api/v1/labor/jobs/{id}/applicants", h::JobApplicants, "labor:applications:list", kNoLedger, kNone,
     "岗位的应聘人员（姓名、脱敏身份证号、所在地；企业招聘专员仅见本企业岗位，姓名脱敏；无电话）/ who applied to a "
     "job (name, masked ID number, home; an employer's HR: own jobs only, names masked; no phone)"},
    // Each account's own notices: a staff session is all they need (a job seeker's is refused).
    {"GET", "/api/v1/notifications", h::ListNotifications, kSession, kNoLedger, kNone,
     "本账号的通知（未读在前，含未读数；?page=&page_size=1..100）/ the account's own notifications, unread first"},
    {"POST", "/api/v1/notifications/{id}/read", h::ReadNotification, kSession, kNoLedger, kNone,
     "标记一条通知已读 / mark one notification read"},
    {"POST", "/api/v1/notifications/read_all", h::ReadAllNotifications, kSession, kNoLedger, kNone,
     "全部标记已读 / mark all notifications read"},
    {"GET", "/api/v1/notifications/mobile", h::NotificationMobile, kSession, kNoLedger, kNone,
     "接收通知短信的本人手机号（脱敏）/ the account's own mobile for notices, masked"},
    {"PUT", "/api/v1/notifications/mobile", h::SetNotificationMobile, kSession, kNoLedger, kJson,
     "设置或清除（空）接收通知短信的本人手机号 / set or clear (\"\") the account's own mobile for notices"},
    {"GET", "/api/v1/messages/outbox", h::ListOutbox, kOutboxReadPermission, kNoLedger, kNone,
     "短信发件箱（号码脱敏、验证码隐去；?mobile= 按号码查找；?page=&page_size=）/ the outbox, masked"},
    {"GET", "/api/v1/messages/outbox/{id}/reveal", h::RevealOutboxMessage, kOutboxRevealPermission, kNoLedger, kNone,
     "查看一条短信的完整号码与内容（记入审计）/ one message whole (audited)"},

    {"GET", "/api/v1/meta/ledgers", h::MetaLedgers, kSession, kNoLedger, kNone,
     "台账定义（字段、类型、可选值）与控制台菜单"},
    {"GET", "/api/v1/meta/regions/{code}/children", h::RegionChildren, kSession, kNoLedger, kNone,
     "行政区划下级（code=0 为省级列表；?depth=2..3 连同其下级，嵌套于 children）"},
    {"GET", "/api/v1/meta/regions/search", h::RegionSearch, kSession, kNoLedger, kNone,
     "按名称、代码开头或拼音首字母查找行政区划，含乡镇、村（?q=甲坝、5227、jbc；?root=440111&root=522727 限于这些地区之内，"
     "缺省为全部；?limit=1..50，默认 20）：完全相同的名称在前，同档上级在前；每项带 label 与自省起的 path / regions by "
     "name, code prefix or pinyin initials, towns and villages too, within ?root= (repeated; none: the whole "
     "catalogue), exact names first, then higher levels; each with its label and path from the province"},
    {"GET", "/api/v1/meta/pairs", h::PairsInScope, kSession, kNoLedger, kNone,
     "当前用户数据范围内的帮扶关系（供选择器用，无需帮扶关系台账权限）/ the pairs in the user's scope, for pickers"},

    {"GET", "<ledger>", h::ListRecords, "list", EveryLedger, kNone, "：列表（筛选、排序、分页）"},
    {"POST", "<ledger>", h::CreateRecord, "create", EveryLedger, kLedgerRecord, "：新增"},
    {"GET", "<ledger>/{id}", h::GetRecord, "read", EveryLedger, kNone, "：详情"},
    {"PUT", "<ledger>/{id}", h::UpdateRecord, "update", EveryLedger, kLedgerChange, "：修改（需带 version）"},
    {"DELETE", "<ledger>/{id}", h::DeleteRecord, "delete", EveryLedger, kNone, "：删除（连同证明材料；历史保留；?version=N 防止删除他人刚修改的记录）"},
    {"GET", "<ledger>/{id}/history", h::RecordHistory, "read", EveryLedger, kNone, "：修改历史"},
    {"GET", "<ledger>/{id}/reveal/{field}", h::RevealField, "reveal", LedgersWithSensitiveFields, kNone,
     "：查看完整敏感信息（记入审计）"},
    {"POST", "<ledger>/{id}/transitions/<transition>", h::TakeTransition, "", LedgersWithWorkflow, kJson,
     "（流程操作，需带 version）"},
    {"POST", "<ledger>/import", h::ImportRecords, "import", EveryLedger, kFile,
     "：导入 .xlsx/.csv（multipart 字段 file；?dry_run=1 试导入；?skip_invalid=1 跳过有误行；"
     "?already_stored=skip|update 处理已导入过的行）"},
    {"GET", "<ledger>/export", h::ExportRecords, "export", EveryLedger, kNone, "：按当前筛选导出（?format=xlsx|csv）"},
    {"GET", "<ledger>/template", h::ImportTemplate, "list", LedgersWrittenDirectly, kNone, "：下载导入模板（.xlsx 的帮扶关系与地区列有本人可写入的名称下拉列表）"},
    {"GET", "<ledger>/{id}/evidence", h::ListEvidence, "read", LedgersWrittenDirectly, kNone, "：证明材料列表"},
    {"POST", "<ledger>/{id}/evidence", h::AttachEvidence, "update", LedgersWrittenDirectly, kFile,
     "：上传证明材料（PDF/PNG/JPEG/XLSX/DOCX，≤20MB）"},
    {"GET", "/api/v1/evidence/{id}", h::DownloadEvidence, kSession, kNoLedger, kNone, "下载证明材料"},
    // Each sheet needs its ledger's "import" permission (the service checks them all first).
    {"POST", "/api/v1/imports", h::ImportWorkbookFile, kSession, kNoLedger, kFile,
     "导入工作簿：每个以台账命名的工作表按依赖顺序导入，全部成功才写入（multipart 字段 file；?dry_run=1 试导入；"
     "?already_stored=skip|update 处理已导入过的行）/ import a workbook, a sheet per ledger, all or nothing"},
    {"GET", "/api/v1/imports/template", h::WorkbookTemplate, kSession, kNoLedger, kNone,
     "下载工作簿导入模板（本人可导入、其范围可写入的每个台账一个工作表，按导入顺序；帮扶关系与地区列有本人可写入的名称下拉列表）"
     "/ the workbook template, a sheet per ledger the user may import and its scope lets it write, with drop-downs of "
     "the names of the pairs it may write and of their regions"},
    // The record's update permission is checked by the service (the file names its ledger).
    {"DELETE", "/api/v1/evidence/{id}", h::RemoveEvidence, kSession, kNoLedger, kNone, "删除证明材料"},
    {"GET", "/api/v1/imports/{token}/errors.xlsx", h::DownloadErrorSheet, kSession, kNoLedger, kNone,
     "下载导入中有误的行（原样附原因；仅导入者本人，一天内有效）"},

    {"GET", "/api/v1/indicators/catalogue", h::IndicatorCatalogue, kSession, kNoLedger, kNone,
     "指标目录（代码、名称、单位、定义；full_label_zh/full_label_en：单独出现时的名称，分项带上其总项，如 与村结对的帮扶单位·其中镇街）"},
    {"GET", "/api/v1/indicators", h::IndicatorValues, kIndicatorsPermission, kNoLedger, kNone,
     "指标值（?pair=440111-522727&from=&to=），含目标与完成率（期间有起止日期、所涉每年均设目标时）；只计本人可列出的台账"},
    {"GET", "/api/v1/indicators/{key}/records", h::IndicatorRecords, kIndicatorsPermission, kNoLedger, kNone,
     "指标背后的记录（钻取）"},
    {"GET", "/api/v1/indicators/{key}/trend", h::IndicatorTrend, kIndicatorsPermission, kNoLedger, kNone,
     "一项指标逐年的值（?pair=&from_year=2016&to_year=2020，至多 20 年；比率指标除外）"},
    {"GET", "/api/v1/indicators/{key}/records/export", h::ExportIndicatorRecords, kIndicatorsPermission, kNoLedger,
     kNone, "导出指标背后的记录（?format=xlsx|csv；另需该台账的导出权限）"},
    {"GET", "/api/v1/report", h::ReportDocument, kIndicatorsPermission, kNoLedger, kNone,
     "“223”报告（?format=json|md|xlsx|markdown_text）"},

    {"GET", "/api/v1/admin/users", h::ListUsers, kUsersDuty, kNoLedger, kNone, "用户列表"},
    {"POST", "/api/v1/admin/users", h::AddUser, kUsersDuty, kNoLedger, kJson, "新增用户"},
    {"PUT", "/api/v1/admin/users/{id}", h::UpdateUser, kUsersDuty, kNoLedger, kJson,
     "修改用户角色、数据范围（区域、所属单位）、停用"},
    {"POST", "/api/v1/admin/users/{id}/unlock", h::UnlockUser, kUsersDuty, kNoLedger, kNone,
     "解除登录锁定 / lift a login lockout"},
    {"POST", "/api/v1/admin/users/{id}/password", h::ResetUserPassword, kUsersDuty, kNoLedger, kJson,
     "重置密码（用户下次登录须修改）/ set a password the user must change"},
    {"DELETE", "/api/v1/admin/users/{id}/totp", h::ResetUserTotp, kUsersDuty, kNoLedger, kNone,
     "移除两步验证 / remove the user's TOTP"},
    {"GET", "/api/v1/admin/reveal-grants", h::ListRevealGrants, kUsersDuty, kNoLedger, kNone,
     "查看全文审批：待批准的申请与最近处理的 / reveal requests awaiting a second administrator, then recent ones"},
    {"POST", "/api/v1/admin/reveal-grants/{id}/approve", h::ApproveRevealGrant, kUsersDuty, kNoLedger, kNone,
     "批准查看全文申请（须另一位管理员）/ approve a reveal request (another administrator)"},
    {"POST", "/api/v1/admin/reveal-grants/{id}/refuse", h::RefuseRevealGrant, kUsersDuty, kNoLedger, kNone,
     "拒绝查看全文申请 / refuse a reveal request"},

    {"GET", "/api/v1/admin/audit", h::ListAudit, kAuditDuty, kNoLedger, kNone, "审计日志（按人、动作、台账、时间筛选）"},
    {"GET", "/api/v1/admin/audit/export", h::ExportAudit, kAuditDuty, kNoLedger, kNone,
     "按当前筛选导出审计日志（?format=xlsx|csv；导出本身记入审计）"},
    {"GET", "/api/v1/admin/audit/verify", h::VerifyAudit, kAuditDuty, kNoLedger, kNone,
     "校验审计日志哈希链（已校验条数，或第一条不通过的记录及原因）"},

    {"GET", "/api/v1/admin/changes", h::ChangeFeedPosition, kSystemDuty, kNoLedger, kNone,
     "变更流的位置：已收到的最后序号、自启动以来按台账和类型统计的变更数、滞后 / "
     "the change feed's position, counts since start and lag"},

    // Listing roles also serves the user editor (admin:users:admin); the service checks either.
    {"GET", "/api/v1/admin/roles", h::ListRoles, kSession, kNoLedger, kNone, "角色列表（含授予的权限、用户数）"},
    {"POST", "/api/v1/admin/roles", h::AddRole, kRolesDuty, kNoLedger, kJson, "新建角色"},
    {"PUT", "/api/v1/admin/roles/{id}", h::UpdateRole, kRolesDuty, kNoLedger, kJson, "修改角色名称与权限"},
    {"DELETE", "/api/v1/admin/roles/{id}", h::DeleteRole, kRolesDuty, kNoLedger, kNone, "删除角色（无用户持有时）"},
    {"GET", "/api/v1/admin/permissions", h::ListPermissions, kRolesDuty, kNoLedger, kNone,
     "各模块声明的权限（角色编辑用，按模块分组）"},

    {"GET", "/api/v1/admin/dictionaries", h::ListDictionaries, kDictionaryPermission, kNoLedger, kNone,
     "数据字典（枚举字段的可选值）/ dictionaries (options of enum fields)"},
    {"PUT", "/api/v1/admin/dictionaries/{dictionary}/{code}", h::PutDictionaryEntry, kDictionaryPermission, kNoLedger,
     kJson, "新增或修改字典项 / add or change a dictionary entry"},

    // The metrics and the API's own description tell an outsider too much (route names, load,
    // error rates): both need a session, the metrics a system administrator's.
    {"GET", "/metrics", h::Metrics, kSystemDuty, kNoLedger, kNone, "Prometheus 指标（需系统管理员权限 admin:system:admin）"},
    {"GET", "/api/openapi.json", h::OpenApi, kSession, kNoLedger, kNone, "本接口的 OpenAPI 3 文档（需登录）"},
};

constexpr std::string_view kTransitionSlot = "<transition>";

ApiRoute ExpandRow(const RouteRow& row, const LedgerDef* def, const TransitionDef* transition = nullptr) {
  ApiRoute route{row.method, row.path, row.permission, row.handler, def, transition, row.body, row.summary};
  if (!def) return route;
  route.path = LedgerBasePath(*def) + route.path.substr(std::string_view("<ledger>").size());
  route.permission = LedgerPermission(*def, row.permission);
  route.summary = def->label_zh + route.summary;
  if (transition) {
    route.path.replace(route.path.size() - kTransitionSlot.size(), kTransitionSlot.size(), transition->name);
    route.permission = TransitionPermission(*def, *transition);
    route.summary = def->label_zh + "：" + transition->label_zh + row.summary;
  }
  return route;
}

}  // namespace

bool EveryLedger(const LedgerDef&) { return true; }

bool LedgersWithSensitiveFields(const LedgerDef& def) {
  for (const FieldDef& f : def.fields)
    if (f.IsSensitive()) return true;
  return false;
}

bool LedgersWithWorkflow(const LedgerDef& def) { return def.workflow != nullptr; }

bool LedgersWrittenDirectly(const LedgerDef& def) { return def.line_of.empty(); }

std::string LedgerBasePath(const LedgerDef& def) { return "/api/v1/" + def.module + "/" + def.name; }

std::vector<ApiRoute> BuildApiRoutes() {
  std::vector<ApiRoute> routes;
  for (const RouteRow& row : kRouteTable) {
    if (row.ledgers == kNoLedger) {
      routes.push_back(ExpandRow(row, nullptr));
      continue;
    }
    const bool per_transition = std::string_view(row.path).ends_with(kTransitionSlot);
    for (const LedgerDef* def : AllLedgers()) {
      if (!row.ledgers(*def)) continue;
      if (!per_transition) {
        routes.push_back(ExpandRow(row, def));
        continue;
      }
      for (const TransitionDef& t : def->workflow->transitions) routes.push_back(ExpandRow(row, def, &t));
    }
  }
  return routes;
}

bool AllowedBeforeSetup(const ApiRoute& route, bool enrolling_totp) {
  const std::string key = route.method + " " + route.path;
  for (const char* allowed : {"GET /api/v1/auth/me", "POST /api/v1/auth/password", "POST /api/v1/auth/logout"})
    if (key == allowed) return true;
  return enrolling_totp && (key == "POST /api/v1/auth/totp" || key == "POST /api/v1/auth/totp/confirm");
}

bool JobSeekerRoute(const ApiRoute& route) {
  if (route.permission == kJobSeekerPermission) return true;
  const std::string key = route.method + " " + route.path;
  for (const char* allowed : {"POST /api/v1/auth/logout", "GET /api/v1/labor/applications/{id}/room",
                              "GET /api/v1/labor/applications/{id}/signal"})
    if (key == allowed) return true;
  return false;
}

}  // namespace shanhai
