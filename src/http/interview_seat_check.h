// Which seat of the interview signalling a party of a room takes, and the re-check serve's sweep
// runs over each open seat (SignallingHub::Sweep, every --room-check-seconds): a seat stays while
// its session is live (AppConn::AuthenticateSession: not logged out, timed out, its account not
// disabled nor its password reset) and its room is still that party's and open
// (InterviewRooms::Seat: the application interview_scheduled, the clock inside the slot's window,
// the HR account still scoped to the employer). A logout closes its seats at once
// (LoggedOutSeatEnd, handlers' Logout); anything else within one sweep interval, plus up to
// SessionCache::kTtlSeconds for a change made by another process.
//
// Holding a seat counts as the session's activity: the check refreshes the session's idle timer,
// so a long interview is not cut by the idle timeout; its lifetime and the window still end it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/app_context.h"
#include "domain/labor/interview_room.h"
#include "http/signalling_hub.h"

namespace shanhai {

// The hub's seat of a party.
InterviewSeat SeatOf(InterviewParty party);

// Whether a seat of room `room` held under session still stands, read through conn: nullopt when
// it does; a SeatEnd "session_ended" (the session is no longer live) or "room_closed" (the room
// refuses the session's actor now), its messages the refusal's own words after "面试间已断开：" /
// "面试间已关闭：". Nothing is audited. Errors: the database's (the caller keeps the seat then: a
// failed read is no reason to cut an interview, and the next sweep reads again).
// Thread safety: conn's (one connection per sweeping thread).
Result<std::optional<SeatEnd>> CheckInterviewSeat(AppConn& conn, int64_t room, const std::string& session);

// What a seat is told when its own session's logout closes it.
SeatEnd LoggedOutSeatEnd();

}  // namespace shanhai
