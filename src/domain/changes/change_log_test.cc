// change_log on both backends: seqs, rollback, visibility to another connection, pruning; and
// the follower: every committed change delivered once, in seq order, whether this process's
// writers announced it or another connection wrote it silently, with writers in parallel.
#include "domain/changes/change_log.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "domain/changes/change_follower.h"
#include "domain/changes/change_writer.h"
#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

constexpr const char* kAt = "2020-07-22T08:00:00Z";
constexpr int64_t kAtSeconds = 1595404800;  // kAt

std::vector<Change> Batch(int n, const std::string& ledger = "visits") {
  std::vector<Change> out;
  for (int i = 1; i <= n; ++i) out.push_back({0, ledger, i, kChangeCreated, 1, "522727", ""});
  return out;
}

class ChangeLogTest : public domain_test::LedgerTest {
 protected:
  std::unique_ptr<Database> OtherConnection() {
    auto other = Database::Open(test_db().url());
    EXPECT_TRUE(other.ok()) << other.status().ToString();
    return other.ok() ? std::move(other).value() : nullptr;
  }

  ChangeFollower::OpenDatabase Opener() {
    const std::string url = test_db().url();
    return [url] { return Database::Open(url); };
  }
};

// Collects what a feed delivers, for the follower tests.
class Collector {
 public:
  explicit Collector(ChangeFeed& feed)
      : subscription_(feed.Subscribe([this](const std::vector<Change>& batch) {
          std::lock_guard lock(mutex_);
          for (const Change& c : batch) seen_.push_back(c);
        })) {}
  std::vector<Change> seen() {
    std::lock_guard lock(mutex_);
    return seen_;
  }
  // Waits (up to 20 s) until n changes arrived; returns what arrived.
  std::vector<Change> WaitFor(size_t n) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (seen().size() < n && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return seen();
  }

 private:
  std::mutex mutex_;
  std::vector<Change> seen_;
  ChangeFeed::Subscription subscription_;
};

TEST_P(ChangeLogTest, AppendAssignsConsecutiveSeqsInBatchOrder) {
  ChangeLog log(db());
  std::vector<Change> first = Batch(3), second = Batch(1, "people");
  ASSERT_EQ(log.Append(first, kAt).value(), 3);
  ASSERT_EQ(log.Append(second, kAt).value(), 4);
  EXPECT_EQ(first[0].seq, 1);
  EXPECT_EQ(first[2].seq, 3);
  EXPECT_EQ(second[0].seq, 4);
  EXPECT_EQ(log.HeadSeq().value(), 4);
  std::vector<Change> read = log.ReadAfter(1, 10).value();
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0].seq, 2);
  EXPECT_EQ(read[0].record_id, 2);
  EXPECT_EQ(read[0].kind, kChangeCreated);
  EXPECT_EQ(read[0].helped_region, "522727");
  EXPECT_EQ(read[0].at, kAt);
  EXPECT_EQ(read[2].ledger, "people");
  EXPECT_EQ(log.ReadAfter(1, 2).value().size(), 2u);  // the limit holds
}

TEST_P(ChangeLogTest, ARolledBackAppendLeavesNoRowAndNoHole) {
  ChangeLog log(db());
  {
    Transaction tx(db());
    ASSERT_TRUE(IsOk(tx.begin_status()));
    std::vector<Change> doomed = Batch(5);
    ASSERT_EQ(log.Append(doomed, kAt).value(), 5);
  }  // rolled back
  EXPECT_EQ(Count("change_log"), 0);
  EXPECT_EQ(log.HeadSeq().value(), 0);
  std::vector<Change> next = Batch(1);
  EXPECT_EQ(log.Append(next, kAt).value(), 1);
}

TEST_P(ChangeLogTest, AnotherConnectionSeesTheRowsOnlyOnceCommitted) {
  std::unique_ptr<Database> other = OtherConnection();
  ASSERT_TRUE(other);
  ChangeLog mine(db()), theirs(*other);
  Transaction tx(db());
  ASSERT_TRUE(IsOk(tx.begin_status()));
  std::vector<Change> batch = Batch(2);
  ASSERT_TRUE(mine.Append(batch, kAt).ok());
  EXPECT_TRUE(theirs.ReadAfter(0, 10).value().empty());
  EXPECT_EQ(theirs.HeadSeq().value(), 0);
  ASSERT_TRUE(IsOk(tx.Commit()));
  EXPECT_EQ(theirs.ReadAfter(0, 10).value().size(), 2u);
  EXPECT_EQ(theirs.HeadSeq().value(), 2);
}

TEST_P(ChangeLogTest, PruningDeletesOldRowsButNeverReusesTheirSeqs) {
  ChangeLog log(db());
  std::vector<Change> old_rows = Batch(2), new_rows = Batch(1);
  ASSERT_TRUE(log.Append(old_rows, "2020-01-01T00:00:00Z").ok());
  ASSERT_TRUE(log.Append(new_rows, "2020-03-01T00:00:00Z").ok());
  EXPECT_EQ(log.PruneBefore("2020-02-01T00:00:00Z").value(), 2);
  std::vector<Change> left = log.ReadAfter(0, 10).value();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].seq, 3);
  EXPECT_EQ(log.PruneBefore("2021-01-01T00:00:00Z").value(), 1);  // the table is empty now
  std::vector<Change> later = Batch(1);
  EXPECT_EQ(log.Append(later, kAt).value(), 4);
}

TEST_P(ChangeLogTest, TheFollowerStartsAtTheHead) {
  ChangeLog log(db());
  std::vector<Change> before = Batch(3);
  ASSERT_TRUE(log.Append(before, kAt).ok());
  ChangeFeed feed;
  Collector collector(feed);
  auto follower = ChangeFollower::Start(Opener(), feed, {std::chrono::milliseconds(20), 100});
  ASSERT_TRUE(follower.ok()) << follower.status().ToString();
  EXPECT_EQ((*follower)->status().cursor, 3);
  std::vector<Change> after = Batch(2);
  ASSERT_TRUE(log.Append(after, kAt).ok());
  std::vector<Change> seen = collector.WaitFor(2);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].seq, 4);
  EXPECT_EQ(seen[1].seq, 5);
}

// Own writes (announced) and another connection's (silent, as another process's) interleave;
// four threads write at once; pages are small so catching up takes several queries. Every seq
// the log holds is delivered exactly once, in ascending order.
TEST_P(ChangeLogTest, TheFollowerDeliversEveryCommittedChangeOnceInSeqOrder) {
  ChangeFeed feed;
  Collector collector(feed);
  auto follower = ChangeFollower::Start(Opener(), feed, {std::chrono::milliseconds(30), 7});
  ASSERT_TRUE(follower.ok()) << follower.status().ToString();
  constexpr int kThreads = 4, kWrites = 25;
  std::vector<std::thread> writers;
  std::atomic<int> failed{0};
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      auto conn = Database::Open(test_db().url());
      if (!conn.ok()) {
        ++failed;
        return;
      }
      // Even threads are this process's services (they announce); odd ones another process's.
      ChangeWriter writer(**conn, t % 2 == 0 ? &feed : nullptr, Clock::Fixed(kAtSeconds));
      for (int i = 0; i < kWrites; ++i) {
        Status s = InTransaction(**conn, [&] { return writer.Append(Batch(1 + i % 3, "w" + std::to_string(t))); });
        if (!s.ok()) {
          ++failed;
          return;
        }
        writer.Announce();
      }
    });
  }
  for (std::thread& w : writers) w.join();
  ASSERT_EQ(failed.load(), 0);
  const int64_t head = ChangeLog(db()).HeadSeq().value();
  std::vector<Change> seen = collector.WaitFor(static_cast<size_t>(head));
  ASSERT_EQ(static_cast<int64_t>(seen.size()), head);
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i].seq, static_cast<int64_t>(i + 1)) << i;
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // a few more polls: nothing new
  EXPECT_EQ(static_cast<int64_t>(collector.seen().size()), head);
  EXPECT_EQ(feed.last_published(), head);
}

TEST_P(ChangeLogTest, AnAnnouncedWriteArrivesWithoutWaitingForTheInterval) {
  ChangeFeed feed;
  Collector collector(feed);
  auto follower = ChangeFollower::Start(Opener(), feed, {std::chrono::seconds(30), 100});
  ASSERT_TRUE(follower.ok()) << follower.status().ToString();
  ChangeWriter writer(db(), &feed, Clock::Fixed(kAtSeconds));
  ASSERT_TRUE(IsOk(InTransaction(db(), [&] { return writer.Append(Batch(1)); })));
  writer.Announce();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(collector.WaitFor(1).size(), 1u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));  // not the 30 s tick
}

// A write nested in a transaction announces when its own part ends, before anything is
// committed: the follower's poll then finds nothing, and must neither deliver the rows early
// nor lose them when the enclosing transaction commits and announces again.
TEST_P(ChangeLogTest, ANestedWriteIsDeliveredOnlyOnceTheEnclosingTransactionCommits) {
  ChangeFeed feed;
  Collector collector(feed);
  auto follower = ChangeFollower::Start(Opener(), feed, {std::chrono::seconds(30), 100});
  ASSERT_TRUE(follower.ok()) << follower.status().ToString();
  ChangeWriter writer(db(), &feed, Clock::Fixed(kAtSeconds));
  auto await_polls = [&](int64_t n) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while ((*follower)->status().polls < n && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return (*follower)->status().polls;
  };
  ASSERT_EQ(await_polls(1), 1);  // its first look, at start: waiting for announcements now
  {
    Transaction outer(db());
    ASSERT_TRUE(IsOk(outer.begin_status()));
    ASSERT_TRUE(IsOk(InTransaction(db(), [&] { return writer.Append(Batch(2)); })));
    writer.Announce();  // too early: the outer transaction is still open
    EXPECT_EQ(await_polls(2), 2);  // it did look again when announced
    EXPECT_TRUE(collector.seen().empty());
    ASSERT_TRUE(IsOk(outer.Commit()));
  }
  writer.Announce();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(collector.WaitFor(2).size(), 2u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));  // not the 30 s tick
}

INSTANTIATE_TEST_SUITE_P(Backends, ChangeLogTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
