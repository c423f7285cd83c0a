// A small Prometheus registry: counters, gauges and histograms with labels, rendered
// in the text exposition format 0.0.4. Updates are relaxed atomics; finding a labelled
// series takes a shared (reader) lock, so hot paths from many threads do not serialise.
// Series are never removed, so references returned by WithLabels stay valid for the
// registry's lifetime and may be cached by callers.
#pragma once

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace shanhai {

class Counter {
 public:
  void Inc(uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  uint64_t Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> value_{0};
};

class Gauge {
 public:
  void Set(double v) { value_.store(v, std::memory_order_relaxed); }
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

class Histogram {
 public:
  // `upper_bounds` must be sorted ascending; +Inf is implicit. The vector must outlive
  // the histogram (the family owns it).
  explicit Histogram(const std::vector<double>* upper_bounds);
  void Observe(double value);
  // Per-bucket (non-cumulative) counts, the last one being +Inf; for rendering and tests.
  std::vector<uint64_t> BucketCounts() const;
  uint64_t Count() const { return count_.load(std::memory_order_relaxed); }
  double Sum() const { return sum_.load(std::memory_order_relaxed); }
  const std::vector<double>& upper_bounds() const { return *bounds_; }

 private:
  const std::vector<double>* bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> buckets_;
  std::atomic<uint64_t> count_{0};
  std::atomic<double> sum_{0};
};

enum class MetricType { kCounter, kGauge, kHistogram };

// All series of one metric name, one per distinct label-value tuple.
template <typename M>
class MetricFamily {
 public:
  MetricFamily(std::string name, std::string help, std::vector<std::string> label_names,
               std::vector<double> bounds = {});
  // The series for these label values (created on first use), given in the order of
  // the family's label names. Throws std::invalid_argument if the count differs
  // (a programming error). Thread-safe.
  M& WithLabels(std::initializer_list<std::string_view> values);
  // Appends this family in exposition format to `out`. Thread-safe.
  void Render(std::string& out) const;

 private:
  std::string name_, help_;
  std::vector<std::string> label_names_;
  std::vector<double> bounds_;  // histograms only
  mutable std::shared_mutex mu_;
  // Key: label values joined with '\x1f' (not allowed in any sensible label value).
  std::map<std::string, std::pair<std::vector<std::string>, std::unique_ptr<M>>, std::less<>> series_;
};

using CounterFamily = MetricFamily<Counter>;
using GaugeFamily = MetricFamily<Gauge>;
using HistogramFamily = MetricFamily<Histogram>;

class MetricsRegistry {
 public:
  // Register a family; names must be unique valid Prometheus names (not checked).
  // The returned reference lives as long as the registry. Thread-safe.
  CounterFamily& AddCounter(std::string name, std::string help, std::vector<std::string> label_names = {});
  GaugeFamily& AddGauge(std::string name, std::string help, std::vector<std::string> label_names = {});
  HistogramFamily& AddHistogram(std::string name, std::string help, std::vector<std::string> label_names,
                                std::vector<double> upper_bounds);
  // Every family in registration order, text format 0.0.4
  // (Content-Type: text/plain; version=0.0.4). Thread-safe.
  std::string RenderPrometheus() const;

 private:
  mutable std::shared_mutex mu_;
  std::vector<std::unique_ptr<CounterFamily>> counters_;
  std::vector<std::unique_ptr<GaugeFamily>> gauges_;
  std::vector<std::unique_ptr<HistogramFamily>> histograms_;
  std::vector<std::pair<MetricType, size_t>> order_;
};

// The process-wide registry, holding the predefined Shanhai metrics:
//   shanhai_http_requests_total{route,method,status}   counter
//   shanhai_http_request_duration_seconds{route}        histogram
//   shanhai_http_errors_total{kind}                      counter
//   shanhai_db_query_duration_seconds                    histogram
//   process_start_time_seconds                           gauge (Unix time)
// Other modules may add their own families to it.
MetricsRegistry& GlobalMetrics();

// Records one served request. An empty route is recorded as "unmatched" and methods
// outside the standard set as "OTHER", so clients cannot blow up label cardinality.
void ObserveHttpRequest(std::string_view route, std::string_view method, int status, double seconds);
// Counts a protocol-level or handler failure, e.g. "handler_exception", "body_too_large".
void CountHttpError(std::string_view kind);
// For the DB layer: time spent in one query/statement.
void ObserveDbTime(double seconds);

// Content-Type for a /metrics response.
inline constexpr std::string_view kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace shanhai
