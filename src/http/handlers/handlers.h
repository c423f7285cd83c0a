// The API's handlers, by the file that holds them; routes.cc's table names them. Each takes the
// request's context (its ledger set for per-ledger routes) and returns what to answer or the
// Status of why not (api_routes.h). Thread-safe as the services they call: one context per request.
#pragma once

#include "domain/job_seekers/seeker_self_service.h"
#include "http/api_routes.h"

namespace shanhai::handlers {

// auth_handlers.cc: log in (sets the session cookie), log out, who am I, password, TOTP enrolment.
Result<Reply> Login(RequestContext& ctx);
Result<Reply> Logout(RequestContext& ctx);
Result<Reply> Me(RequestContext& ctx);
Result<Reply> ChangePassword(RequestContext& ctx);
Result<Reply> BeginTotp(RequestContext& ctx);
Result<Reply> ConfirmTotp(RequestContext& ctx);
Result<Reply> RequestOtp(RequestContext& ctx);
Result<Reply> VerifyOtp(RequestContext& ctx);

// job_seeker_handlers.cc: the signed-in job seeker's own pages: the profile with its labour-ledger
// status, the "still looking" confirmation, one job, applying, its applications, its steps on one
// (TakeSeekerStep<step>, instantiated for each SeekerStep) and a report on a job.
Result<Reply> JobSeekerProfile(RequestContext& ctx);
Result<Reply> ConfirmStillSeeking(RequestContext& ctx);
Result<Reply> MyJob(RequestContext& ctx);
Result<Reply> ApplyToJob(RequestContext& ctx);
Result<Reply> MyApplications(RequestContext& ctx);
template <SeekerStep kStep>
Result<Reply> TakeSeekerStep(RequestContext& ctx);
Result<Reply> ReportJob(RequestContext& ctx);

// interview_handlers.cc: the remote interview room of an application, for its two parties only:
// the signalling WebSocket (upgrade) and the room's JSON (ICE servers, slot, masked other party,
// fallback phone).
Result<Reply> InterviewSignal(RequestContext& ctx);
Result<Reply> InterviewRoomInfo(RequestContext& ctx);
// match_handlers.cc: recommended jobs for a seeker, people for a job, the job seeker's own jobs,
// and the outreach workbook (one sheet per village).
Result<Reply> SeekerMatches(RequestContext& ctx);
Result<Reply> JobMatches(RequestContext& ctx);
Result<Reply> MyJobs(RequestContext& ctx);
Result<Reply> OutreachWorkbook(RequestContext& ctx);
// applicant_handlers.cc: who applied to a job, named (masked for an employer's HR).
Result<Reply> JobApplicants(RequestContext& ctx);
// notification_handlers.cc: the signed-in account's own notices (list, read, read all) and the
// mobile they are also texted to.
Result<Reply> ListNotifications(RequestContext& ctx);
Result<Reply> ReadNotification(RequestContext& ctx);
Result<Reply> ReadAllNotifications(RequestContext& ctx);
Result<Reply> NotificationMobile(RequestContext& ctx);
Result<Reply> SetNotificationMobile(RequestContext& ctx);

// outbox_handlers.cc: the default sender's outbox, for staff (masked list, one message whole).
Result<Reply> ListOutbox(RequestContext& ctx);
Result<Reply> RevealOutboxMessage(RequestContext& ctx);

// meta_handlers.cc: ledger declarations and the console's menu; the region tree.
Result<Reply> MetaLedgers(RequestContext& ctx);
Result<Reply> RegionChildren(RequestContext& ctx);
Result<Reply> RegionSearch(RequestContext& ctx);
Result<Reply> PairsInScope(RequestContext& ctx);

// ledger_handlers.cc (per ledger): list, create, get, update, delete, history, reveal.
Result<Reply> ListRecords(RequestContext& ctx);
Result<Reply> CreateRecord(RequestContext& ctx);
Result<Reply> GetRecord(RequestContext& ctx);
Result<Reply> UpdateRecord(RequestContext& ctx);
Result<Reply> DeleteRecord(RequestContext& ctx);
Result<Reply> RecordHistory(RequestContext& ctx);
Result<Reply> RevealField(RequestContext& ctx);

// transition_handlers.cc (per transition of a workflow): take it, {"version": N, <its fields>}.
Result<Reply> TakeTransition(RequestContext& ctx);

// ledger_file_handlers.cc: import, export, template and evidence per ledger; downloads.
Result<Reply> ImportRecords(RequestContext& ctx);
Result<Reply> ImportWorkbookFile(RequestContext& ctx);
Result<Reply> WorkbookTemplate(RequestContext& ctx);
Result<Reply> ExportRecords(RequestContext& ctx);
Result<Reply> ImportTemplate(RequestContext& ctx);
Result<Reply> ListEvidence(RequestContext& ctx);
Result<Reply> AttachEvidence(RequestContext& ctx);
Result<Reply> DownloadEvidence(RequestContext& ctx);
Result<Reply> RemoveEvidence(RequestContext& ctx);
Result<Reply> DownloadErrorSheet(RequestContext& ctx);

// indicator_handlers.cc: the catalogue, values, the records behind a figure, the report.
Result<Reply> IndicatorCatalogue(RequestContext& ctx);
Result<Reply> IndicatorValues(RequestContext& ctx);
Result<Reply> IndicatorRecords(RequestContext& ctx);
Result<Reply> ExportIndicatorRecords(RequestContext& ctx);
Result<Reply> IndicatorTrend(RequestContext& ctx);
Result<Reply> ReportDocument(RequestContext& ctx);

// admin_handlers.cc and identity_handlers.cc: users, their roles and scopes, their identity.
Result<Reply> ListUsers(RequestContext& ctx);
Result<Reply> AddUser(RequestContext& ctx);
Result<Reply> UpdateUser(RequestContext& ctx);
Result<Reply> UnlockUser(RequestContext& ctx);
Result<Reply> ResetUserPassword(RequestContext& ctx);
Result<Reply> ResetUserTotp(RequestContext& ctx);

// reveal_grant_handlers.cc: the two-person rule's requests (domain/accounts/reveal_grants.h).
Result<Reply> ListRevealGrants(RequestContext& ctx);
Result<Reply> ApproveRevealGrant(RequestContext& ctx);
Result<Reply> RefuseRevealGrant(RequestContext& ctx);

// role_handlers.cc: roles and the permission catalogue.
Result<Reply> ListRoles(RequestContext& ctx);
Result<Reply> AddRole(RequestContext& ctx);
Result<Reply> UpdateRole(RequestContext& ctx);
Result<Reply> DeleteRole(RequestContext& ctx);
Result<Reply> ListPermissions(RequestContext& ctx);

// audit_handlers.cc: the audit log, its export and the chain's verification.
Result<Reply> ListAudit(RequestContext& ctx);
Result<Reply> ExportAudit(RequestContext& ctx);
Result<Reply> VerifyAudit(RequestContext& ctx);

// change_handlers.cc: where the change feed stands.
Result<Reply> ChangeFeedPosition(RequestContext& ctx);

// dictionary_handlers.cc: enum options.
Result<Reply> ListDictionaries(RequestContext& ctx);
Result<Reply> PutDictionaryEntry(RequestContext& ctx);

// system_handlers.cc: the Prometheus metrics and this API's OpenAPI document.
Result<Reply> Metrics(RequestContext& ctx);
Result<Reply> OpenApi(RequestContext& ctx);

}  // namespace shanhai::handlers
