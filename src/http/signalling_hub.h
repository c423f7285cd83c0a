// The signalling relay of remote interviews (远程面试). Each room — one interview — has two seats,
// the employer's and the job seeker's; whoever decides who sits where (the interview's parties,
// checked against the session before the upgrade) hands the hub a seated connection. A message
// from one seat goes to the other seat and to nobody else. Media never passes here (WebRTC goes
// browser to browser): the hub only checks each message is a small JSON object of a signalling
// type and stamps it with the sender's seat.
//
// What the hub sends on its own: {"type":"ready","initiator":bool} to both seats when the second
// takes its place (the employer's side makes the WebRTC offer), {"type":"peer-left"} to the one
// remaining when the other leaves, {"type":"replaced"} before closing a seat's older connection
// when the same party joins again (a reloaded page). Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/websocket.h"

namespace shanhai {

enum class InterviewSeat { kEmployer = 0, kSeeker = 1 };

class SignallingHub {
 public:
  // The handler for a connection seated at `seat` of room `room` (the interview's id).
  std::shared_ptr<WebSocketHandler> Join(int64_t room, InterviewSeat seat);

  // Rooms with at least one seat taken (for metrics and tests).
  size_t open_rooms() const;

 private:
  class Seated;
  struct Room {
    std::shared_ptr<WebSocketPeer> seats[2];
  };
  void Opened(int64_t room, InterviewSeat seat, const std::shared_ptr<WebSocketPeer>& peer);
  void Relay(int64_t room, InterviewSeat from, const std::string& text);
  void Left(int64_t room, InterviewSeat seat, const WebSocketPeer* peer);

  mutable std::mutex mutex_;
  std::unordered_map<int64_t, Room> rooms_;
};

// The message to relay for `text` received from `from`: the same object with "from" set to
// "employer" or "seeker"; nullopt when it is not a JSON object whose "type" is one of offer,
// answer, candidate, media (the sender switched audio/video) or bye. Pure.
std::optional<std::string> RelayedSignal(const std::string& text, InterviewSeat from);

}  // namespace shanhai
