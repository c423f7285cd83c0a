#include "http/signalling_hub.h"

#include <boost/json.hpp>
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

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

// One seated connection: forwards the server's calls to the hub with its room and seat.
class SignallingHub::Seated : public WebSocketHandler {
 public:
  Seated(SignallingHub& hub, int64_t room, InterviewSeat seat) : hub_(hub), room_(room), seat_(seat) {}
  void OnOpen(std::shared_ptr<WebSocketPeer> peer) override {
    peer_ = peer.get();
    hub_.Opened(room_, seat_, peer);
  }
  void OnText(std::string text) override { hub_.Relay(room_, seat_, text); }
  void OnClosed() override { hub_.Left(room_, seat_, peer_); }

 private:
  SignallingHub& hub_;
  const int64_t room_;
  const InterviewSeat seat_;
  const WebSocketPeer* peer_ = nullptr;  // identifies this connection's seat among later ones
};

std::shared_ptr<WebSocketHandler> SignallingHub::Join(int64_t room, InterviewSeat seat) {
  return std::make_shared<Seated>(*this, room, seat);
}

size_t SignallingHub::open_rooms() const {
  std::lock_guard lock(mutex_);
  return rooms_.size();
}

void SignallingHub::Opened(int64_t room, InterviewSeat seat, const std::shared_ptr<WebSocketPeer>& peer) {
  std::lock_guard lock(mutex_);
  Room& r = rooms_[room];
  std::shared_ptr<WebSocketPeer>& mine = r.seats[Index(seat)];
  if (mine) {
    mine->Send(R"({"type":"replaced"})");
    mine->Close("joined again elsewhere");
  }
  mine = peer;
  if (r.seats[Index(Other(seat))]) {  // both seats taken: the employer's side makes the offer
    r.seats[Index(InterviewSeat::kEmployer)]->Send(Ready(true));
    r.seats[Index(InterviewSeat::kSeeker)]->Send(Ready(false));
  }
}

void SignallingHub::Relay(int64_t room, InterviewSeat from, const std::string& text) {
  std::optional<std::string> relayed = RelayedSignal(text, from);
  if (!relayed) return;  // not signalling: nothing to pass on
  std::lock_guard lock(mutex_);
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return;
  if (const std::shared_ptr<WebSocketPeer>& other = it->second.seats[Index(Other(from))]) other->Send(std::move(*relayed));
}

void SignallingHub::Left(int64_t room, InterviewSeat seat, const WebSocketPeer* peer) {
  std::lock_guard lock(mutex_);
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return;
  Room& r = it->second;
  std::shared_ptr<WebSocketPeer>& mine = r.seats[Index(seat)];
  if (mine.get() != peer) return;  // an older connection of a seat taken again: already replaced
  mine.reset();
  if (const std::shared_ptr<WebSocketPeer>& other = r.seats[Index(Other(seat))])
    other->Send(R"({"type":"peer-left"})");
  else
    rooms_.erase(it);
}

}  // namespace shanhai
