// The signalling relay of remote interviews (远程面试). Each room — one interview — has two seats,
// the employer's and the job seeker's; whoever decides who sits where (the interview's parties,
// checked against the session before the upgrade) hands the hub a seated connection. A message
// from one seat goes to the other seat and to nobody else. Media never passes here (WebRTC goes
// browser to browser): the hub only checks each message is a small JSON object of a signalling
// type and stamps it with the sender's seat.
//
// A seat lasts only as long as the right that gave it: each seat remembers its session, Sweep
// re-runs a check over the open seats (serve runs it every --room-check-seconds through a
// connection of its own: http/interview_seat_check.h) and EndSession closes a session's seats at
// its logout. The hub itself reads no database and knows no rule.
//
// What the hub sends on its own: {"type":"ready","initiator":bool} to both seats when the second
// takes its place (the employer's side makes the WebRTC offer), {"type":"peer-left"} to the one
// remaining when the other leaves, {"type":"replaced"} before closing a seat's older connection
// when the same party joins again (a reloaded page), and {"type":"closed","reason":…,
// "message_zh":…,"message_en":…} (SeatEnd) before closing a seat the hub ends. Only a seat's
// current connection is relayed: one replaced or closed is not heard any more. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/websocket.h"

namespace shanhai {

enum class InterviewSeat { kEmployer = 0, kSeeker = 1 };

// Why the hub closes a seat: reason is a code the page can branch on ("session_ended",
// "room_closed"; also the close frame's reason), the messages what it shows.
struct SeatEnd {
  std::string reason;
  std::string message_zh;
  std::string message_en;
};

class SignallingHub {
 public:
  // The handler for a connection seated at `seat` of room `room` (the interview's id) under the
  // session whose token is `session` (the cookie's value, kept in memory for Sweep's checks and
  // EndSession; never logged nor sent).
  std::shared_ptr<WebSocketHandler> Join(int64_t room, InterviewSeat seat, std::string session);

  // A seat's re-check: nullopt keeps the seat, a SeatEnd closes it.
  using SeatCheck = std::function<std::optional<SeatEnd>(int64_t room, InterviewSeat seat, const std::string& session)>;
  // Runs check once for every seat open at the call, outside the hub's lock (it may read a
  // database while the rooms go on relaying), then closes each seat it ended — unless another
  // connection has taken that seat meanwhile (the next sweep checks that one). The other seat of
  // a closed one hears "peer-left". Returns how many seats were closed. check runs on the
  // calling thread.
  size_t Sweep(const SeatCheck& check);
  // Closes every seat held under session at once (its logout), telling each end. Returns how many
  // (none for an empty session).
  size_t EndSession(const std::string& session, const SeatEnd& end);

  // Rooms with at least one seat taken (for metrics and tests).
  size_t open_rooms() const;

 private:
  class Seated;
  struct Seat {
    std::shared_ptr<WebSocketPeer> peer;
    std::string session;
  };
  struct Room {
    Seat seats[2];
  };
  // A seat as it was when listed, to be checked or closed outside the lock.
  struct ListedSeat {
    int64_t room;
    InterviewSeat seat;
    std::shared_ptr<WebSocketPeer> peer;  // held while listed, so comparing it to the seat's holder is sound
    std::string session;
  };
  // Every open seat, or only those of *session when not null.
  std::vector<ListedSeat> OpenSeats(const std::string* session) const;
  void Opened(int64_t room, InterviewSeat seat, const std::shared_ptr<WebSocketPeer>& peer, const std::string& session);
  void Relay(int64_t room, InterviewSeat from, const WebSocketPeer* sender, const std::string& text);
  void Left(int64_t room, InterviewSeat seat, const WebSocketPeer* peer);
  // Tells peer, if it still holds seat of room, why it ends, closes it and frees the seat.
  bool Evict(int64_t room, InterviewSeat seat, const WebSocketPeer* peer, const SeatEnd& end);
  // Empties seat of the room at it (mutex_ held): the other seat hears "peer-left", or the room
  // goes when it was the last.
  void Vacate(std::unordered_map<int64_t, Room>::iterator it, InterviewSeat seat);

  mutable std::mutex mutex_;
  std::unordered_map<int64_t, Room> rooms_;
};

// The message to relay for `text` received from `from`: the same object with "from" set to
// "employer" or "seeker"; nullopt when it is not a JSON object whose "type" is one of offer,
// answer, candidate, media (the sender switched audio/video) or bye. Pure.
std::optional<std::string> RelayedSignal(const std::string& text, InterviewSeat from);

}  // namespace shanhai
