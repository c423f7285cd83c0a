// The remote interview room (远程面试) of an application: its signalling WebSocket and what the
// room page shows. Both routes need only a session (staff or a job seeker's); InterviewRooms
// decides who of them is a party of the interview, and when (domain/labor/interview_room.h). A
// seat given here is re-checked while open (http/interview_seat_check.h).
#include <boost/algorithm/string/predicate.hpp>

#include <algorithm>

#include "domain/labor/interview_room.h"
#include "http/api_app.h"
#include "http/handlers/handlers.h"
#include "http/interview_seat_check.h"
#include "http/json_io.h"
#include "http/signalling_hub.h"
#include "security/turn_credentials.h"

namespace shanhai::handlers {

namespace {

namespace json = boost::json;

json::array Strings(const std::vector<std::string>& values) { return json::array(values.begin(), values.end()); }

// RTCIceServer entries: the STUN URLs as one, the TURN URLs as one with credentials for this
// actor that expire after env's lifetime or when the room closes, whichever comes first (so the
// relay serves nobody past the interview's window).
json::array IceServersJson(const IceServers& servers, const std::string& user, int64_t now, int64_t room_closes_at) {
  json::array out;
  if (!servers.stun_urls.empty()) out.push_back(json::object{{"urls", Strings(servers.stun_urls)}});
  if (!servers.turn_urls.empty()) {
    const int64_t expires = std::min(now + servers.credential_seconds, room_closes_at);
    const TurnCredentials c = MakeTurnCredentials(servers.turn_secret, user, expires);
    out.push_back(json::object{{"urls", Strings(servers.turn_urls)}, {"username", c.username},
                               {"credential", c.credential}});
  }
  return out;
}

json::value OrNull(const std::string& text) { return text.empty() ? json::value(nullptr) : json::value(text); }

bool AsksForUpgrade(const HttpRequest& request) {
  const auto upgrade = request.Header("Upgrade");
  return upgrade && boost::iequals(*upgrade, "websocket");
}

}  // namespace

Result<Reply> InterviewSignal(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  InterviewRooms rooms(ctx.conn.context());
  SH_ASSIGN_OR_RETURN(InterviewRoom room, rooms.Seat(ctx.actor, id));
  // A party's plain GET (no upgrade) is told what the route is for; it joins nothing.
  if (!AsksForUpgrade(ctx.request))
    return Reply::Refusal(426, "upgrade_required",
                          Status::InvalidArgument("此地址只接受 WebSocket 连接（面试信令）",
                                                  "this address takes WebSocket connections only (interview signalling)"));
  SH_RETURN_IF_ERROR(rooms.AuditJoin(ctx.actor, room));
  // The session the seat was given under: the sweep re-checks it, its logout ends the seat.
  const auto session = ctx.request.Cookie(kSessionCookie);
  return Reply::WebSocket(ctx.signalling->Join(id, SeatOf(room.party), session ? std::string(*session) : ""));
}

Result<Reply> InterviewRoomInfo(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  InterviewRooms rooms(ctx.conn.context());
  SH_ASSIGN_OR_RETURN(InterviewRoom room, rooms.Open(ctx.actor, id));
  const bool employer = room.party == InterviewParty::kEmployer;
  json::object fallback{{"phone", OrNull(room.fallback_phone)}, {"link", OrNull(room.interview_link)}};
  if (room.fallback_phone.empty()) {
    fallback["phone_missing_zh"] = room.fallback_missing_zh;
    fallback["phone_missing_en"] = room.fallback_missing_en;
  }
  return Reply::Json(json::object{
      {"application_id", room.application_id},
      {"party", employer ? "employer" : "seeker"},
      {"iceServers",
       IceServersJson(ctx.env.ice_servers(), ctx.actor.name, ctx.conn.context().clock.Seconds(), room.closes_at)},
      {"interview_date", room.interview_date},
      {"interview_time", room.interview_time},
      {"interview_mode", room.interview_mode},
      {"job_title", room.job_title},
      {"employer_name", room.employer_name},
      {"other_party", json::object{{"role", employer ? "seeker" : "employer"}, {"name", room.other_party}}},
      {"fallback", std::move(fallback)},
      {"signal_path", "/api/v1/labor/applications/" + std::to_string(id) + "/signal"}});
}

}  // namespace shanhai::handlers
