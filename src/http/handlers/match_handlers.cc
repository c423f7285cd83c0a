// 就业推荐 over HTTP: the jobs recommended to a seeker (staff in its region), the people
// recommended for a job (staff, and HR of the job's employer, who see them masked and never the
// poverty reason), and the signed-in job seeker's own recommended jobs. Thin: the record is read
// through LedgerService first, so a seeker or job out of the caller's scope answers 404 as its
// own page would; MatchService answers; match_view.h names and masks.
#include "domain/labor/labor_ledgers.h"
#include "domain/matching/match_view.h"
#include "domain/matching/outreach_workbook.h"
#include "http/handlers/handlers.h"
#include "http/handlers/spreadsheet_format.h"
#include "http/handlers/temp_file.h"
#include "http/json_io.h"
#include "regions/region_candidates.h"
#include "regions/region_catalog.h"
#include "regions/region_display.h"

namespace shanhai::handlers {

namespace {

constexpr int64_t kDefaultTop = 10;
constexpr int64_t kMaxTop = 100;
constexpr const char* kPovertyRevealPermission = "people:people:reveal";

Result<size_t> TopOf(const HttpRequest& request, int64_t fallback = kDefaultTop) {
  SH_ASSIGN_OR_RETURN(int64_t top, QueryInt(request, "top", fallback));
  if (top < 1 || top > kMaxTop)
    return Status::InvalidField("top", "top 应在 1 到 100 之间", "top must be between 1 and 100");
  return size_t(top);
}

Result<matching::MatchService*> ServiceOf(const RequestContext& ctx) {
  if (!ctx.env.matching())
    return Status::Unavailable("就业推荐尚未就绪，请稍后再试", "matching is not ready yet: try again shortly");
  return ctx.env.matching();
}

// The priority reason tells the sealed poverty status: only to staff who may reveal it.
matching::Viewer StaffViewer(const Actor& actor) {
  return Authorize(actor, kPovertyRevealPermission).ok() ? matching::Viewer::kRevealer : matching::Viewer::kStaff;
}

Result<Reply> JobsReply(RequestContext& ctx, int64_t seeker_id, matching::Viewer viewer) {
  SH_ASSIGN_OR_RETURN(size_t top, TopOf(ctx.request));
  SH_ASSIGN_OR_RETURN(matching::MatchService * service, ServiceOf(ctx));
  SH_ASSIGN_OR_RETURN(std::vector<matching::RankedMatch> jobs, service->JobsFor(seeker_id, top));
  SH_ASSIGN_OR_RETURN(std::vector<matching::MatchCard> cards,
                      matching::JobCards(ctx.conn.db(), ctx.env.vault(), jobs, viewer));
  return Reply::Json({{"seeker_id", seeker_id}, {"on", service->Today()}, {"jobs", matching::JobCardsJson(cards)}});
}

}  // namespace

Result<Reply> SeekerMatches(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_RETURN_IF_ERROR(ctx.conn.ledgers().ReadVisible(ctx.actor, SeekersLedger(), id).status());
  return JobsReply(ctx, id, StaffViewer(ctx.actor));
}

Result<Reply> JobMatches(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(Record job, ctx.conn.ledgers().ReadVisible(ctx.actor, JobsLedger(), id));
  SH_ASSIGN_OR_RETURN(size_t top, TopOf(ctx.request));
  SH_ASSIGN_OR_RETURN(matching::MatchService * service, ServiceOf(ctx));
  // Candidates come from the job's helped side (a county, or a city's or province's prefix); staff
  // of a region inside it — a town or a village, which also read a city or province pair's jobs —
  // see only theirs.
  const std::string visible = VisiblePrefix(ctx.actor);
  const std::string side = RegionPrefix(job.helped_region);
  const std::string region = visible.starts_with(side) ? visible : side;
  const matching::Viewer viewer = ctx.actor.owner_scoped() ? matching::Viewer::kEmployer : StaffViewer(ctx.actor);
  // Who makes the top k depends on the priority term, so a viewer who may not see it is answered
  // from the same pool whatever k: the best kMaxTop, re-ranked without it (AsSeenBy), then cut.
  // Else stepping ?top= from 1 up would show who was let in ahead of an equal score.
  const size_t pool = viewer == matching::Viewer::kRevealer ? top : size_t(kMaxTop);
  SH_ASSIGN_OR_RETURN(std::vector<matching::RankedMatch> seekers, service->SeekersFor(id, pool, region));
  SH_ASSIGN_OR_RETURN(std::vector<matching::MatchCard> cards,
                      matching::SeekerCards(ctx.conn.db(), ctx.env.vault(), seekers, viewer));
  if (cards.size() > top) cards.resize(top);
  return Reply::Json({{"job_id", id}, {"on", service->Today()}, {"seekers", matching::SeekerCardsJson(cards)}});
}

Result<Reply> MyJobs(RequestContext& ctx) {
  if (!ctx.actor.job_seeker())
    return Status::PermissionDenied("仅求职者本人可查看", "only a job seeker's own session may read this");
  SH_ASSIGN_OR_RETURN(matching::MatchService * service, ServiceOf(ctx));
  SH_ASSIGN_OR_RETURN(int64_t seeker_id, service->SeekerOfPerson(ctx.actor.person_id));
  return JobsReply(ctx, seeker_id, matching::Viewer::kSeeker);
}

// ?region= (code or name; default the account's own region) within the account's region.
Result<Reply> OutreachWorkbook(RequestContext& ctx) {
  // An organisation's account (an employer's HR, a unit's clerk) sees no region's people, whatever
  // its roles grant: its "everywhere" region is no scope for a list of named job seekers.
  if (ctx.actor.owner_scoped())
    return Status::PermissionDenied("推荐表只供地区工作人员下载", "the outreach lists are for staff of a region");
  std::string region = QueryText(ctx.request, "region");
  if (region.empty()) region = ctx.actor.region;
  if (region.empty())
    return Status::InvalidField("region", "请选择地区（县、乡镇或村）", "choose a region (county, town or village)");
  SH_ASSIGN_OR_RETURN(std::string code, RegionCodeNamedAnywhere(RegionCatalog::Embedded(), region, "region"));
  if (RegionPrefix(code).rfind(VisiblePrefix(ctx.actor), 0) != 0)
    return Status::PermissionDenied("该地区不在您的数据范围内", "that region is outside your data scope");
  SH_ASSIGN_OR_RETURN(size_t top, TopOf(ctx.request, int64_t(matching::kOutreachJobsPerPerson)));
  SH_ASSIGN_OR_RETURN(matching::MatchService * service, ServiceOf(ctx));
  SH_ASSIGN_OR_RETURN(std::vector<matching::OutreachEntry> entries, service->OutreachFor(RegionPrefix(code), top));
  const matching::Viewer viewer = StaffViewer(ctx.actor);
  TempFile out(".xlsx");
  Result<matching::OutreachCounts> counts =
      matching::WriteOutreachWorkbook(ctx.conn.db(), ctx.env.vault(), entries, viewer, code, out.path());
  SH_RETURN_IF_ERROR(out.Written(counts.status()));
  SH_RETURN_IF_ERROR(matching::AuditOutreachExport(ctx.conn.ledgers().audit(), ctx.actor, code, *counts, viewer));
  SH_ASSIGN_OR_RETURN(std::string bytes, out.Read());
  return Reply::File(std::move(bytes), kXlsxType,
                     RegionDisplayName(RegionCatalog::Embedded(), code) + "外出务工岗位推荐表.xlsx");
}

}  // namespace shanhai::handlers
