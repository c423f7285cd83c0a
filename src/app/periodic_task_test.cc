// PeriodicTask: runs again and again, and its destruction stops it at once (no further run).
#include "app/periodic_task.h"

#include <gtest/gtest.h>

#include <atomic>

namespace shanhai {
namespace {

TEST(PeriodicTask, RunsEachIntervalUntilDestroyed) {
  std::atomic<int> runs{0};
  std::mutex m;
  std::condition_variable cv;
  {
    PeriodicTask task(std::chrono::milliseconds(1), [&] {
      ++runs;
      cv.notify_all();
    });
    std::unique_lock lock(m);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return runs >= 3; }));
  }
  const int at_stop = runs;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(runs, at_stop) << "nothing runs after destruction";
}

TEST(PeriodicTask, DestructionDoesNotWaitForTheInterval) {
  int runs = 0;
  { PeriodicTask task(std::chrono::hours(1), [&] { ++runs; }); }
  EXPECT_EQ(runs, 0) << "destroyed before its first interval: never ran, and the join returned";
}

}  // namespace
}  // namespace shanhai
