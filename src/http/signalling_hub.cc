#include "http/signalling_hub.h"

#include <boost/json.hpp>
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace shanhai {

namespace {

constexpr std::array<std::string_view, 5> kSignalTypes = {"offer", "answer", "candidate", "media", "bye"};

const char* SeatName(InterviewSeat seat) { return seat == InterviewSeat::kEmployer ? "employer" : "seeker"; }
int Index(InterviewSeat seat) { return static_cast<int>(seat); }
InterviewSeat Other(InterviewSeat seat) {
  return seat == InterviewSeat::kEmployer ? InterviewSeat::kSeeker : InterviewSeat::kEmployer;
}

std::string Ready(bool initiator) {
  return boost::json::serialize(boost::json::object{{"type", "ready"}, {"initiator", initiator}});
}

std::string Closed(const SeatEnd& end) {
  return boost::json::serialize(boost::json::object{
      {"type", "closed"}, {"reason", end.reason}, {"message_zh", end.message_zh}, {"message_en", end.message_en}});
}

}  // namespace

std::optional<std::string> RelayedSignal(const std::string& text, InterviewSeat from) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  boost::json::object& o = v.as_object();
  const boost::json::value* type = o.if_contains("type");
  if (!type || !type->is_string()) return std::nullopt;
  const std::string_view t = type->as_string();
  if (std::find(kSignalTypes.begin(), kSignalTypes.end(), t) == kSignalTypes.end()) return std::nullopt;
  o["from"] = SeatName(from);
  return boost::json::serialize(o);
}

// One seated connection: forwards the server's calls to the hub with its room, seat and session.
class SignallingHub::Seated : public WebSocketHandler {
 public:
  Seated(SignallingHub& hub, int64_t room, InterviewSeat seat, std::string session)
      : hub_(hub), room_(room), seat_(seat), session_(std::move(session)) {}
  void OnOpen(std::shared_ptr<WebSocketPeer> peer) override {
    peer_ = peer.get();
    hub_.Opened(room_, seat_, peer, session_);
  }
  void OnText(std::string text) override { hub_.Relay(room_, seat_, peer_, text); }
  void OnClosed() override { hub_.Left(room_, seat_, peer_); }

 private:
  SignallingHub& hub_;
  const int64_t room_;
  const InterviewSeat seat_;
  const std::string session_;
  const WebSocketPeer* peer_ = nullptr;  // identifies this connection's seat among later ones
};

std::shared_ptr<WebSocketHandler> SignallingHub::Join(int64_t room, InterviewSeat seat, std::string session) {
  return std::make_shared<Seated>(*this, room, seat, std::move(session));
}

size_t SignallingHub::open_rooms() const {
  std::lock_guard lock(mutex_);
  return rooms_.size();
}

void SignallingHub::Opened(int64_t room, InterviewSeat seat, const std::shared_ptr<WebSocketPeer>& peer,
                           const std::string& session) {
  std::lock_guard lock(mutex_);
  Room& r = rooms_[room];
  Seat& mine = r.seats[Index(seat)];
  if (mine.peer) {
    mine.peer->Send(R"({"type":"replaced"})");
    mine.peer->Close("joined again elsewhere");
  }
  mine = Seat{peer, session};
  if (r.seats[Index(Other(seat))].peer) {  // both seats taken: the employer's side makes the offer
    r.seats[Index(InterviewSeat::kEmployer)].peer->Send(Ready(true));
    r.seats[Index(InterviewSeat::kSeeker)].peer->Send(Ready(false));
  }
}

void SignallingHub::Relay(int64_t room, InterviewSeat from, const WebSocketPeer* sender, const std::string& text) {
  std::optional<std::string> relayed = RelayedSignal(text, from);
  if (!relayed) return;  // not signalling: nothing to pass on
  std::lock_guard lock(mutex_);
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return;
  // A connection replaced or closed by the hub may still be sending until its close completes.
  if (it->second.seats[Index(from)].peer.get() != sender) return;
  if (const std::shared_ptr<WebSocketPeer>& other = it->second.seats[Index(Other(from))].peer)
    other->Send(std::move(*relayed));
}

void SignallingHub::Left(int64_t room, InterviewSeat seat, const WebSocketPeer* peer) {
  std::lock_guard lock(mutex_);
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return;
  // An older connection of a seat taken again, or one the hub closed: its seat is already free.
  if (it->second.seats[Index(seat)].peer.get() != peer) return;
  Vacate(it, seat);
}

void SignallingHub::Vacate(std::unordered_map<int64_t, Room>::iterator it, InterviewSeat seat) {
  Room& r = it->second;
  r.seats[Index(seat)] = Seat{};
  if (const std::shared_ptr<WebSocketPeer>& other = r.seats[Index(Other(seat))].peer)
    other->Send(R"({"type":"peer-left"})");
  else
    rooms_.erase(it);
}

bool SignallingHub::Evict(int64_t room, InterviewSeat seat, const WebSocketPeer* peer, const SeatEnd& end) {
  std::lock_guard lock(mutex_);
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return false;
  const std::shared_ptr<WebSocketPeer> mine = it->second.seats[Index(seat)].peer;
  if (!mine || mine.get() != peer) return false;
  mine->Send(Closed(end));
  mine->Close(end.reason);
  Vacate(it, seat);
  return true;
}

std::vector<SignallingHub::ListedSeat> SignallingHub::OpenSeats(const std::string* session) const {
  std::vector<ListedSeat> listed;
  std::lock_guard lock(mutex_);
  for (const auto& [id, room] : rooms_)
    for (InterviewSeat seat : {InterviewSeat::kEmployer, InterviewSeat::kSeeker})
      if (const Seat& s = room.seats[Index(seat)]; s.peer && (!session || s.session == *session))
        listed.push_back({id, seat, s.peer, s.session});
  return listed;
}

size_t SignallingHub::Sweep(const SeatCheck& check) {
  size_t closed = 0;
  for (const ListedSeat& s : OpenSeats(nullptr))
    if (std::optional<SeatEnd> end = check(s.room, s.seat, s.session); end && Evict(s.room, s.seat, s.peer.get(), *end))
      ++closed;
  return closed;
}

size_t SignallingHub::EndSession(const std::string& session, const SeatEnd& end) {
  if (session.empty()) return 0;  // no session: nothing was seated under it
  size_t closed = 0;
  for (const ListedSeat& s : OpenSeats(&session))
    if (Evict(s.room, s.seat, s.peer.get(), end)) ++closed;
  return closed;
}

}  // namespace shanhai
