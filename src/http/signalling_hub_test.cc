// The hub's re-checks without a server: fake connections record what the hub sends them, and a
// fake check decides which seats end. The relay over real WebSockets is websocket_server_test.cc's.
#include "http/signalling_hub.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace shanhai {
namespace {

class FakePeer : public WebSocketPeer {
 public:
  void Send(std::string text) override {
    if (!closed) sent.push_back(std::move(text));
  }
  void Close(std::string why) override {
    closed = true;
    reason = std::move(why);
  }
  // The "type" of each message sent, in order.
  std::vector<std::string> Types() const {
    std::vector<std::string> types;
    for (const std::string& text : sent) types.emplace_back(boost::json::parse(text).at("type").as_string());
    return types;
  }

  std::vector<std::string> sent;
  bool closed = false;
  std::string reason;
};

// One browser's connection as the server drives it: the hub's handler and the peer it was given.
struct Connection {
  Connection(SignallingHub& hub, int64_t room, InterviewSeat seat, const std::string& session)
      : handler(hub.Join(room, seat, session)), peer(std::make_shared<FakePeer>()) {
    handler->OnOpen(peer);
  }
  std::shared_ptr<WebSocketHandler> handler;
  std::shared_ptr<FakePeer> peer;
};

const SeatEnd kLoggedOut{"session_ended", "面试间已断开：您已退出登录", "the interview room disconnected: you logged out"};

SeatEnd RoomClosed() { return {"room_closed", "面试间已关闭：面试已有结果", "the interview room closed: the interview has a result"}; }

TEST(SignallingHubSweep, ClosesTheSeatsTheCheckEndsAndKeepsTheOthers) {
  SignallingHub hub;
  Connection employer(hub, 7, InterviewSeat::kEmployer, "hr-token");
  Connection seeker(hub, 7, InterviewSeat::kSeeker, "seeker-token");
  Connection elsewhere(hub, 8, InterviewSeat::kEmployer, "other-hr-token");

  std::map<std::string, std::pair<int64_t, InterviewSeat>> checked;
  const size_t closed = hub.Sweep([&](int64_t room, InterviewSeat seat, const std::string& session) -> std::optional<SeatEnd> {
    checked[session] = {room, seat};
    if (session == "hr-token") return kLoggedOut;
    return std::nullopt;
  });

  EXPECT_EQ(closed, 1u);
  // Every open seat was checked, each with its own room, seat and session.
  ASSERT_EQ(checked.size(), 3u);
  EXPECT_EQ(checked["hr-token"], std::make_pair(int64_t{7}, InterviewSeat::kEmployer));
  EXPECT_EQ(checked["seeker-token"], std::make_pair(int64_t{7}, InterviewSeat::kSeeker));
  EXPECT_EQ(checked["other-hr-token"], std::make_pair(int64_t{8}, InterviewSeat::kEmployer));

  // The ended seat is told why, in both languages, then closed with the reason's code.
  ASSERT_EQ(employer.peer->Types().back(), "closed");
  const boost::json::value told = boost::json::parse(employer.peer->sent.back());
  EXPECT_EQ(told.at("reason"), "session_ended");
  EXPECT_EQ(told.at("message_zh").as_string(), kLoggedOut.message_zh);
  EXPECT_EQ(told.at("message_en").as_string(), kLoggedOut.message_en);
  EXPECT_TRUE(employer.peer->closed);
  EXPECT_EQ(employer.peer->reason, "session_ended");
  // The other seat hears the peer left and stays; the other room is untouched.
  EXPECT_EQ(seeker.peer->Types().back(), "peer-left");
  EXPECT_FALSE(seeker.peer->closed);
  EXPECT_FALSE(elsewhere.peer->closed);
  EXPECT_EQ(hub.open_rooms(), 2u);
}

TEST(SignallingHubSweep, AClosedRoomClosesBothSeatsAndGoes) {
  SignallingHub hub;
  Connection employer(hub, 3, InterviewSeat::kEmployer, "a");
  Connection seeker(hub, 3, InterviewSeat::kSeeker, "b");
  EXPECT_EQ(hub.Sweep([](int64_t, InterviewSeat, const std::string&) { return std::optional<SeatEnd>(RoomClosed()); }), 2u);
  EXPECT_TRUE(employer.peer->closed);
  EXPECT_TRUE(seeker.peer->closed);
  EXPECT_EQ(employer.peer->reason, "room_closed");
  EXPECT_EQ(hub.open_rooms(), 0u);
  // Their connections ending afterwards (the server's OnClosed) change nothing.
  employer.handler->OnClosed();
  seeker.handler->OnClosed();
  EXPECT_EQ(hub.open_rooms(), 0u);
}

TEST(SignallingHubSweep, ASeatTakenAgainDuringItsCheckIsNotClosed) {
  SignallingHub hub;
  Connection before(hub, 5, InterviewSeat::kSeeker, "old-session");
  std::unique_ptr<Connection> reloaded;
  // While the old connection's check reads the database, the seeker reloads under a new session.
  const size_t closed = hub.Sweep([&](int64_t, InterviewSeat, const std::string& session) -> std::optional<SeatEnd> {
    reloaded = std::make_unique<Connection>(hub, 5, InterviewSeat::kSeeker, "new-session");
    return session == "old-session" ? std::optional<SeatEnd>(kLoggedOut) : std::nullopt;
  });
  EXPECT_EQ(closed, 0u);
  ASSERT_TRUE(reloaded);
  EXPECT_FALSE(reloaded->peer->closed) << "the seat's new holder was closed for its predecessor's session";
  EXPECT_EQ(before.peer->Types(), std::vector<std::string>{"replaced"});  // the old one went as replaced, not as ended
  EXPECT_EQ(hub.open_rooms(), 1u);
}

TEST(SignallingHubEndSession, ClosesThatSessionsSeatsOnly) {
  SignallingHub hub;
  Connection first(hub, 1, InterviewSeat::kEmployer, "hr");
  Connection second(hub, 2, InterviewSeat::kEmployer, "hr");  // the same HR in two interviews
  Connection seeker(hub, 1, InterviewSeat::kSeeker, "seeker");
  EXPECT_EQ(hub.EndSession("hr", kLoggedOut), 2u);
  EXPECT_TRUE(first.peer->closed);
  EXPECT_TRUE(second.peer->closed);
  EXPECT_FALSE(seeker.peer->closed);
  EXPECT_EQ(seeker.peer->Types().back(), "peer-left");
  EXPECT_EQ(hub.EndSession("hr", kLoggedOut), 0u);
  EXPECT_EQ(hub.EndSession("", kLoggedOut), 0u);
  EXPECT_EQ(hub.open_rooms(), 1u);
}

TEST(SignallingHubRelay, AClosedOrReplacedConnectionIsNotRelayedAnyMore) {
  SignallingHub hub;
  Connection employer(hub, 9, InterviewSeat::kEmployer, "hr");
  Connection seeker(hub, 9, InterviewSeat::kSeeker, "seeker");
  Connection reloaded(hub, 9, InterviewSeat::kSeeker, "seeker");  // replaces the first seeker connection
  const size_t heard = employer.peer->sent.size();
  seeker.handler->OnText(R"({"type":"offer","sdp":"stale"})");
  EXPECT_EQ(employer.peer->sent.size(), heard) << "a replaced connection's signal reached the other seat";
  reloaded.handler->OnText(R"({"type":"candidate","candidate":"c"})");
  EXPECT_EQ(employer.peer->Types().back(), "candidate");

  hub.EndSession("seeker", kLoggedOut);
  const size_t after_close = employer.peer->sent.size();
  reloaded.handler->OnText(R"({"type":"candidate","candidate":"late"})");  // sent before its close completed
  EXPECT_EQ(employer.peer->sent.size(), after_close);
}

}  // namespace
}  // namespace shanhai
