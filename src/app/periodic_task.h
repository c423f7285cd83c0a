// A function run on a thread of its own every interval until the task is destroyed — serve's
// background passes (the notification runner). The first run is one interval after start, so
// start-up is not slowed. Destruction wakes the thread, waits for a run in progress to finish and
// joins it. Thread safety: construct and destroy on one thread; run is called on the task's.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace shanhai {

class PeriodicTask {
 public:
  // interval must be positive; run must not throw.
  PeriodicTask(std::chrono::milliseconds interval, std::function<void()> run);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

 private:
  void Loop();

  const std::chrono::milliseconds interval_;
  const std::function<void()> run_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;     // last: started once everything above is ready
};

}  // namespace shanhai
