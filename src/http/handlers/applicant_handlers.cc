// 应聘人员 over HTTP: who applied to a job, named as its reader may see them — an employer's HR (its
// own jobs only) gets names masked (张*明), staff whole names; ID numbers are always masked and no
// phone number is part of it. The applications list itself names a seeker only by its record id
// (a seeker has no natural key), so the recruitment pages read the names here. Thin: the job is
// read through LedgerService first (another employer's job answers 404 as its page would), its
// applications listed within the caller's scope, and match_view.h names and masks each person.
#include "domain/labor/labor_ledgers.h"
#include "domain/matching/match_view.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"

namespace shanhai::handlers {

namespace {

// The most applications one job is answered with: a job has tens of openings, not thousands.
constexpr int64_t kMaxApplicants = 1000;

}  // namespace

Result<Reply> JobApplicants(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_RETURN_IF_ERROR(ctx.conn.ledgers().ReadVisible(ctx.actor, JobsLedger(), id).status());
  ListRequest request;
  request.equals.emplace_back("job_id", std::to_string(id));
  request.sort = "id";
  request.page_size = kMaxApplicants;
  SH_ASSIGN_OR_RETURN(RecordPage page, ctx.conn.ledgers().List(ctx.actor, ApplicationsLedger(), request));
  std::vector<matching::RankedMatch> seekers;
  for (const Record& application : page.records)
    seekers.push_back({.id = AsInt(*application.Get("seeker_id"))});
  const matching::Viewer viewer = ctx.actor.owner_scoped() ? matching::Viewer::kEmployer : matching::Viewer::kStaff;
  SH_ASSIGN_OR_RETURN(std::vector<matching::MatchCard> cards,
                      matching::SeekerCards(ctx.conn.db(), ctx.env.vault(), seekers, viewer));
  boost::json::array out;
  for (const matching::MatchCard& c : cards)
    out.push_back({{"seeker_id", c.id}, {"name", c.name}, {"id_number", c.id_number}, {"home", c.place}});
  return Reply::Json({{"job_id", id}, {"applicants", std::move(out)}});
}

}  // namespace shanhai::handlers
