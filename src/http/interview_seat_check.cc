#include "http/interview_seat_check.h"

namespace shanhai {

namespace {

bool IsRefusal(Code code) {
  return code == Code::kPermissionDenied || code == Code::kNotFound || code == Code::kConflict;
}

SeatEnd SessionEnded(const Status& why) {
  return {"session_ended", "面试间已断开：" + why.message_zh(), "the interview room disconnected: " + why.message_en()};
}

SeatEnd RoomClosed(const Status& why) {
  return {"room_closed", "面试间已关闭：" + why.message_zh(), "the interview room closed: " + why.message_en()};
}

}  // namespace

InterviewSeat SeatOf(InterviewParty party) {
  return party == InterviewParty::kEmployer ? InterviewSeat::kEmployer : InterviewSeat::kSeeker;
}

Result<std::optional<SeatEnd>> CheckInterviewSeat(AppConn& conn, int64_t room, const std::string& session) {
  Result<Actor> actor = conn.AuthenticateSession(session, nullptr, nullptr);
  if (!actor.ok()) {
    if (actor.status().code() == Code::kUnauthenticated) return std::optional<SeatEnd>(SessionEnded(actor.status()));
    return actor.status();
  }
  // A session is a staff account's or a job seeker's for good, so the party, and the seat, cannot change.
  Result<InterviewRoom> seated = InterviewRooms(conn.context()).Seat(*actor, room);
  if (!seated.ok()) {
    if (IsRefusal(seated.status().code())) return std::optional<SeatEnd>(RoomClosed(seated.status()));
    return seated.status();
  }
  return std::optional<SeatEnd>();
}

SeatEnd LoggedOutSeatEnd() {
  return {"session_ended", "面试间已断开：您已退出登录", "the interview room disconnected: you logged out"};
}

}  // namespace shanhai
