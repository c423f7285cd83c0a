// ChangeFeed on its own (no database): delivery, order, the position that drops repeats,
// unsubscribing, failing subscribers, and that a writer's report runs no callback.
#include "domain/changes/change_feed.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

namespace shanhai {
namespace {

std::vector<Change> Seqs(std::initializer_list<int64_t> seqs) {
  std::vector<Change> out;
  for (int64_t s : seqs) out.push_back({s, "visits", s * 10, kChangeCreated, 1, "522727", "2020-07-22T08:00:00Z"});
  return out;
}

std::vector<int64_t> SeqsOf(const std::vector<Change>& changes) {
  std::vector<int64_t> out;
  for (const Change& c : changes) out.push_back(c.seq);
  return out;
}

TEST(ChangeFeedTest, EverySubscriberReceivesEachBatchInSeqOrder) {
  ChangeFeed feed;
  std::vector<int64_t> a, b;
  auto sa = feed.Subscribe([&](const std::vector<Change>& batch) { for (int64_t s : SeqsOf(batch)) a.push_back(s); });
  auto sb = feed.Subscribe([&](const std::vector<Change>& batch) { for (int64_t s : SeqsOf(batch)) b.push_back(s); });
  feed.Publish(Seqs({2, 1, 3}));  // a batch out of order is delivered sorted
  feed.Publish(Seqs({4}));
  EXPECT_EQ(a, (std::vector<int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(b, a);
  EXPECT_EQ(feed.last_published(), 4);
}

TEST(ChangeFeedTest, ChangesAtOrBelowThePositionAreNotDeliveredAgain) {
  ChangeFeed feed;
  std::vector<int64_t> seen;
  int batches = 0;
  auto s = feed.Subscribe([&](const std::vector<Change>& batch) {
    ++batches;
    for (int64_t seq : SeqsOf(batch)) seen.push_back(seq);
  });
  feed.Publish(Seqs({1, 2, 3}));
  feed.Publish(Seqs({2, 3, 4, 5}));  // overlapping: only 4 and 5 are new
  feed.Publish(Seqs({3}));           // nothing new: no call at all
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(batches, 2);
}

TEST(ChangeFeedTest, AnUnsubscribedCallbackReceivesNothing) {
  ChangeFeed feed;
  int calls = 0, others = 0;
  auto keep = feed.Subscribe([&](const std::vector<Change>&) { ++others; });
  {
    auto s = feed.Subscribe([&](const std::vector<Change>&) { ++calls; });
    feed.Publish(Seqs({1}));
  }  // unsubscribed here
  feed.Publish(Seqs({2}));
  ChangeFeed::Subscription moved = feed.Subscribe([&](const std::vector<Change>&) { ++calls; });
  ChangeFeed::Subscription target = std::move(moved);  // the handle moves, the subscription stays one
  feed.Publish(Seqs({3}));
  target.Reset();
  feed.Publish(Seqs({4}));
  EXPECT_EQ(calls, 2);   // batch 1 (first handle) and batch 3 (moved handle)
  EXPECT_EQ(others, 4);  // the other subscriber got everything
}

TEST(ChangeFeedTest, AThrowingSubscriberIsCountedAndTheOthersStillReceive) {
  ChangeFeed feed;
  int before = 0, after = 0;
  auto s1 = feed.Subscribe([&](const std::vector<Change>&) { ++before; });
  auto s2 = feed.Subscribe([](const std::vector<Change>&) { throw std::runtime_error("index full"); });
  auto s3 = feed.Subscribe([&](const std::vector<Change>&) { ++after; });
  feed.Publish(Seqs({1}));
  feed.Publish(Seqs({2}));
  EXPECT_EQ(before, 2);
  EXPECT_EQ(after, 2);
  EXPECT_EQ(feed.failures(), 2);  // it keeps its subscription: it failed on both batches
  EXPECT_EQ(feed.last_published(), 2);
}

TEST(ChangeFeedTest, ACallbackMayUnsubscribeItselfAndAnother) {
  ChangeFeed feed;
  int first = 0, second = 0;
  ChangeFeed::Subscription s1, s2;
  s1 = feed.Subscribe([&](const std::vector<Change>&) {
    ++first;
    s1.Reset();  // its own handle, from inside the callback: must not wait for itself
    s2.Reset();  // another one, not yet called in this batch: must not be called
  });
  s2 = feed.Subscribe([&](const std::vector<Change>&) { ++second; });
  feed.Publish(Seqs({1}));
  feed.Publish(Seqs({2}));
  EXPECT_EQ(first, 1);
  EXPECT_EQ(second, 0);
}

TEST(ChangeFeedTest, UnsubscribingWaitsForTheCallbackInFlight) {
  ChangeFeed feed;
  std::promise<void> entered, release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> finished{false};
  auto s = std::make_unique<ChangeFeed::Subscription>(feed.Subscribe([&](const std::vector<Change>&) {
    entered.set_value();
    released.wait();
    finished = true;
  }));
  std::thread publisher([&] { feed.Publish(Seqs({1})); });
  entered.get_future().wait();
  std::thread unsubscriber([&] {
    s.reset();
    EXPECT_TRUE(finished.load()) << "the handle was gone while its callback still ran";
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  release.set_value();
  publisher.join();
  unsubscriber.join();
}

TEST(ChangeFeedTest, AWritersReportRunsNoCallbackAndWakesTheWaiter) {
  ChangeFeed feed;
  int calls = 0;
  auto s = feed.Subscribe([&](const std::vector<Change>&) { ++calls; });
  std::atomic<bool> stop{false};
  const auto start = std::chrono::steady_clock::now();
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    feed.Committed(7);
  });
  feed.WaitForAnnouncement(0, std::chrono::seconds(20), stop);
  writer.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(feed.last_committed(), 7);
  EXPECT_EQ(calls, 0);              // delivery is the follower's, never the writer's
  EXPECT_EQ(feed.last_published(), 0);
  feed.Committed(5);                // an older report does not move it back, but it counts
  EXPECT_EQ(feed.last_committed(), 7);
  EXPECT_EQ(feed.announcements(), 2);
}

TEST(ChangeFeedTest, AStopFlagEndsTheWaitEarly) {
  ChangeFeed feed;
  std::atomic<bool> stop{false};
  const auto start = std::chrono::steady_clock::now();
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    stop = true;
    feed.WakeWaiters();
  });
  feed.WaitForAnnouncement(0, std::chrono::seconds(20), stop);
  stopper.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

}  // namespace
}  // namespace shanhai
