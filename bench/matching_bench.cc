// The in-memory half of the matching benchmark: builds the index over a synthetic labour market
// (matching_world.h) and measures start-up build time, index memory, online top-10 latency both ways
// and the batch top-10 for every seeker. Prints one JSON object of figures on stdout.
//
//   matching_bench --people 1000000 --jobs 100000 [--queries 2000] [--threads 2] [--k 10] [--batch 0]
//                  [--dump DIR --sample 30]
// --dump writes the world and the engine's top-k for --sample seekers as CSV for the SQL peer
// (matching_dump.h, bench/matching_peer.sh).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <time.h>
#include <unistd.h>

#include "matching/match_index.h"
#include "matching_dump.h"
#include "matching_world.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds (user + system) of all this process's threads: what the other load on a shared machine
// disturbs less than the wall clock.
double CpuSeconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}
double ProcessCpuSeconds() { return CpuSeconds(CLOCK_PROCESS_CPUTIME_ID); }
double ThreadCpuSeconds() { return CpuSeconds(CLOCK_THREAD_CPUTIME_ID); }

// Resident memory of this process, in MiB (from /proc/self/statm).
double ResidentMiB() {
  long pages_total = 0, pages_resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = 0;
    std::fclose(f);
  }
  return double(pages_resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

const char* TextArg(int argc, char** argv, const char* name) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  return nullptr;
}

long Arg(int argc, char** argv, const char* name, long fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return std::atol(argv[i + 1]);
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const long people = Arg(argc, argv, "--people", 1000000);
  const long jobs = Arg(argc, argv, "--jobs", 100000);
  const long queries = Arg(argc, argv, "--queries", 2000);
  const long threads = std::max(1L, Arg(argc, argv, "--threads", 2));
  const size_t k = size_t(Arg(argc, argv, "--k", 10));
  const bool batch = Arg(argc, argv, "--batch", 1) != 0;  // 0: online figures only (profiling)

  const char* dump_dir = TextArg(argc, argv, "--dump");
  const long sample = Arg(argc, argv, "--sample", 30);

  shanhai::bench::MatchingWorld world = shanhai::bench::MakeMatchingWorld(people, jobs);
  if (dump_dir && !shanhai::bench::DumpWorld(world, dump_dir)) {
    std::perror(dump_dir);
    return 1;
  }
  std::map<std::pair<uint64_t, int64_t>, int> summed;  // the generator may place a village twice
  for (const auto& p : world.placements) summed[{p.village, p.employer}] += p.people;
  std::vector<shanhai::matching::MatchIndex::Fellows> fellows;
  for (const auto& [key, people] : summed) fellows.push_back({key.first, key.second, people});

  const double before_mib = ResidentMiB();
  const auto build_start = Clock::now();
  const double build_cpu_start = ProcessCpuSeconds();
  shanhai::matching::MatchIndex index;
  index.Load(std::move(world.seekers), std::move(world.jobs), fellows);
  const double build_s = SecondsSince(build_start);
  const double build_cpu_s = ProcessCpuSeconds() - build_cpu_start;
  const double index_mib = ResidentMiB() - before_mib;

  // Each query's wall time, and its thread's CPU time: on a loaded machine a query preempted by other
  // work takes a scheduler slice longer on the wall clock, not in CPU.
  auto latencies = [&](long n, std::vector<double>& cpu_ms, auto query) {
    std::vector<double> ms;
    for (long i = 0; i < n; ++i) {
      const double cpu_start = ThreadCpuSeconds();
      const auto start = Clock::now();
      query(i);
      ms.push_back(SecondsSince(start) * 1000.0);
      cpu_ms.push_back((ThreadCpuSeconds() - cpu_start) * 1000.0);
    }
    return ms;
  };
  std::vector<double> seeker_cpu_ms, job_cpu_ms;
  const std::vector<double> seeker_ms = latencies(queries, seeker_cpu_ms, [&](long i) {
    index.TopJobs(1 + (i * 7919) % people, k);
  });
  const std::vector<double> job_ms = latencies(queries, job_cpu_ms, [&](long i) {
    index.TopSeekers(1 + (i * 104729) % jobs, k);
  });

  if (dump_dir) {  // the sampled seekers spread over the ids, as the online queries are
    std::vector<shanhai::bench::SampleAnswer> answers;
    for (long i = 0; i < sample; ++i) {
      const int64_t id = 1 + (i * 7919 + 13) % people;
      answers.push_back({id, index.TopJobs(id, k).value()});
    }
    if (!shanhai::bench::DumpAnswers(answers, dump_dir)) {
      std::perror(dump_dir);
      return 1;
    }
  }

  // The batch: everyone, split between the threads by id, each thread's share answered village by
  // village (MatchIndex::TopJobsByVillage).
  std::atomic<long> answered{0};
  const auto batch_start = Clock::now();
  const double batch_cpu_start = ProcessCpuSeconds();
  std::vector<std::thread> workers;
  for (long t = 0; t < (batch ? threads : 0); ++t)
    workers.emplace_back([&, t] {
      std::vector<int64_t> ids;
      for (long id = 1 + t; id <= people; id += threads) ids.push_back(id);
      index.TopJobsByVillage(ids, k, [&](int64_t, const std::vector<shanhai::matching::Match>& top) {
        if (!top.empty()) answered.fetch_add(1, std::memory_order_relaxed);
      });
    });
  for (auto& w : workers) w.join();
  const double batch_s = SecondsSince(batch_start);
  const double batch_cpu_s = ProcessCpuSeconds() - batch_cpu_start;

  std::printf(
      "{\"people\": %ld, \"jobs\": %ld, \"build_s\": %.3f, \"build_cpu_s\": %.3f, \"index_mb\": %.1f, "
      "\"online_p50_ms\": %.3f, \"online_p99_ms\": %.3f, \"online_job_p50_ms\": %.3f, \"online_job_p99_ms\": %.3f, "
      "\"online_cpu_p99_ms\": %.3f, \"online_job_cpu_p99_ms\": %.3f, "
      "\"batch_s\": %.3f, \"batch_cpu_s\": %.3f, \"batch_answered\": %ld, \"threads\": %ld}\n",
      people, jobs, build_s, build_cpu_s, index_mib, Percentile(seeker_ms, 0.5), Percentile(seeker_ms, 0.99),
      Percentile(job_ms, 0.5), Percentile(job_ms, 0.99), Percentile(seeker_cpu_ms, 0.99),
      Percentile(job_cpu_ms, 0.99), batch_s, batch_cpu_s, answered.load(), threads);
  return 0;
}
