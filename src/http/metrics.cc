#include "http/metrics.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <type_traits>

namespace shanhai {
namespace {

void AppendNumber(std::string& out, double v) {
  if (std::isinf(v)) {
    out += v > 0 ? "+Inf" : "-Inf";
    return;
  }
  if (std::isnan(v)) {
    out += "NaN";
    return;
  }
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  out.append(buf, res.ptr);
}

void AppendEscapedLabelValue(std::string& out, std::string_view v) {
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
}

void AppendHelpText(std::string& out, std::string_view v) {
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
}

// {a="1",b="2"} plus an optional extra pair (the histogram's le); nothing if no labels.
void AppendLabels(std::string& out, const std::vector<std::string>& names, const std::vector<std::string>& values,
                  std::string_view extra_name = {}, std::string_view extra_value = {}) {
  if (names.empty() && extra_name.empty()) return;
  out += '{';
  bool first = true;
  for (size_t i = 0; i < names.size(); ++i) {
    if (!first) out += ',';
    first = false;
    out += names[i];
    out += "=\"";
    AppendEscapedLabelValue(out, values[i]);
    out += '"';
  }
  if (!extra_name.empty()) {
    if (!first) out += ',';
    out += extra_name;
    out += "=\"";
    out += extra_value;
    out += '"';
  }
  out += '}';
}

constexpr char kKeySeparator = '\x1f';

template <typename M>
constexpr const char* TypeName() {
  if constexpr (std::is_same_v<M, Counter>) return "counter";
  else if constexpr (std::is_same_v<M, Gauge>) return "gauge";
  else return "histogram";
}

}  // namespace

Histogram::Histogram(const std::vector<double>* upper_bounds)
    : bounds_(upper_bounds), buckets_(std::make_unique<std::atomic<uint64_t>[]>(upper_bounds->size() + 1)) {}

void Histogram::Observe(double value) {
  // Bucket lists are short (~15), so a linear scan beats a binary search's branches.
  size_t i = 0;
  while (i < bounds_->size() && value > (*bounds_)[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

std::vector<uint64_t> Histogram::BucketCounts() const {
  std::vector<uint64_t> counts(bounds_->size() + 1);
  for (size_t i = 0; i < counts.size(); ++i) counts[i] = buckets_[i].load(std::memory_order_relaxed);
  return counts;
}

template <typename M>
MetricFamily<M>::MetricFamily(std::string name, std::string help, std::vector<std::string> label_names,
                              std::vector<double> bounds)
    : name_(std::move(name)), help_(std::move(help)), label_names_(std::move(label_names)), bounds_(std::move(bounds)) {}

template <typename M>
M& MetricFamily<M>::WithLabels(std::initializer_list<std::string_view> values) {
  if (values.size() != label_names_.size()) {
    throw std::invalid_argument("metric " + name_ + ": expected " + std::to_string(label_names_.size()) +
                                " label values, got " + std::to_string(values.size()));
  }
  // Reused per thread so the common path (series exists) does not allocate.
  thread_local std::string key;
  key.clear();
  for (std::string_view v : values) {
    key.append(v);
    key += kKeySeparator;
  }
  {
    std::shared_lock lock(mu_);
    auto it = series_.find(std::string_view(key));
    if (it != series_.end()) return *it->second.second;
  }
  std::unique_lock lock(mu_);
  auto it = series_.find(std::string_view(key));
  if (it != series_.end()) return *it->second.second;
  std::unique_ptr<M> metric;
  if constexpr (std::is_same_v<M, Histogram>) metric = std::make_unique<Histogram>(&bounds_);
  else metric = std::make_unique<M>();
  std::vector<std::string> value_copies(values.begin(), values.end());
  M& ref = *metric;
  series_.emplace(key, std::make_pair(std::move(value_copies), std::move(metric)));
  return ref;
}

template <typename M>
void MetricFamily<M>::Render(std::string& out) const {
  out += "# HELP " + name_ + ' ';
  AppendHelpText(out, help_);
  out += "\n# TYPE " + name_ + ' ' + TypeName<M>() + '\n';
  std::shared_lock lock(mu_);
  for (const auto& [key, entry] : series_) {
    const auto& [values, metric] = entry;
    if constexpr (std::is_same_v<M, Histogram>) {
      std::vector<uint64_t> counts = metric->BucketCounts();
      uint64_t cumulative = 0;
      for (size_t i = 0; i < counts.size(); ++i) {
        cumulative += counts[i];
        std::string le;
        AppendNumber(le, i < bounds_.size() ? bounds_[i] : INFINITY);
        out += name_ + "_bucket";
        AppendLabels(out, label_names_, values, "le", le);
        out += ' ' + std::to_string(cumulative) + '\n';
      }
      out += name_ + "_sum";
      AppendLabels(out, label_names_, values);
      out += ' ';
      AppendNumber(out, metric->Sum());
      out += '\n' + name_ + "_count";
      AppendLabels(out, label_names_, values);
      // The bucket total, not Count(): a concurrent Observe may sit between its two
      // increments, and scrapers expect _count to equal the +Inf bucket.
      out += ' ' + std::to_string(cumulative) + '\n';
    } else {
      out += name_;
      AppendLabels(out, label_names_, values);
      out += ' ';
      if constexpr (std::is_same_v<M, Counter>) out += std::to_string(metric->Value());
      else AppendNumber(out, metric->Value());
      out += '\n';
    }
  }
}

template class MetricFamily<Counter>;
template class MetricFamily<Gauge>;
template class MetricFamily<Histogram>;

CounterFamily& MetricsRegistry::AddCounter(std::string name, std::string help, std::vector<std::string> label_names) {
  std::unique_lock lock(mu_);
  counters_.push_back(std::make_unique<CounterFamily>(std::move(name), std::move(help), std::move(label_names)));
  order_.emplace_back(MetricType::kCounter, counters_.size() - 1);
  return *counters_.back();
}

GaugeFamily& MetricsRegistry::AddGauge(std::string name, std::string help, std::vector<std::string> label_names) {
  std::unique_lock lock(mu_);
  gauges_.push_back(std::make_unique<GaugeFamily>(std::move(name), std::move(help), std::move(label_names)));
  order_.emplace_back(MetricType::kGauge, gauges_.size() - 1);
  return *gauges_.back();
}

HistogramFamily& MetricsRegistry::AddHistogram(std::string name, std::string help,
                                               std::vector<std::string> label_names,
                                               std::vector<double> upper_bounds) {
  std::sort(upper_bounds.begin(), upper_bounds.end());
  std::unique_lock lock(mu_);
  histograms_.push_back(std::make_unique<HistogramFamily>(std::move(name), std::move(help), std::move(label_names),
                                                          std::move(upper_bounds)));
  order_.emplace_back(MetricType::kHistogram, histograms_.size() - 1);
  return *histograms_.back();
}

std::string MetricsRegistry::RenderPrometheus() const {
  std::string out;
  std::shared_lock lock(mu_);
  for (const auto& [type, index] : order_) {
    switch (type) {
      case MetricType::kCounter: counters_[index]->Render(out); break;
      case MetricType::kGauge: gauges_[index]->Render(out); break;
      case MetricType::kHistogram: histograms_[index]->Render(out); break;
    }
  }
  return out;
}

namespace {

const std::vector<double> kLatencyBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,    0.25,  0.5,    1,     2.5,  5,     10};

struct Predefined {
  MetricsRegistry registry;
  CounterFamily& requests = registry.AddCounter("shanhai_http_requests_total", "HTTP requests served.",
                                                {"route", "method", "status"});
  HistogramFamily& durations = registry.AddHistogram(
      "shanhai_http_request_duration_seconds", "Time from a complete request to its response.", {"route"},
      kLatencyBuckets);
  CounterFamily& errors = registry.AddCounter("shanhai_http_errors_total",
                                              "HTTP protocol errors and handler failures.", {"kind"});
  Histogram& db_time = registry
                           .AddHistogram("shanhai_db_query_duration_seconds", "Time spent in database statements.",
                                         {}, kLatencyBuckets)
                           .WithLabels({});

  Predefined() {
    double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    registry.AddGauge("process_start_time_seconds", "Start time of the process since the Unix epoch in seconds.")
        .WithLabels({})
        .Set(std::floor(now));
  }
};

Predefined& Global() {
  static Predefined* p = new Predefined();  // never destroyed: worker threads may outlive static teardown
  return *p;
}

std::string_view NormalizeMethod(std::string_view m) {
  static constexpr std::string_view kKnown[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
  for (std::string_view k : kKnown)
    if (k == m) return k;
  return "OTHER";
}

}  // namespace

MetricsRegistry& GlobalMetrics() { return Global().registry; }

void ObserveHttpRequest(std::string_view route, std::string_view method, int status, double seconds) {
  Predefined& g = Global();
  if (route.empty()) route = "unmatched";
  char status_buf[8];
  auto res = std::to_chars(status_buf, status_buf + sizeof status_buf, status);
  g.requests.WithLabels({route, NormalizeMethod(method), std::string_view(status_buf, res.ptr - status_buf)}).Inc();
  g.durations.WithLabels({route}).Observe(seconds);
}

void CountHttpError(std::string_view kind) { Global().errors.WithLabels({kind}).Inc(); }

void ObserveDbTime(double seconds) { Global().db_time.Observe(seconds); }

}  // namespace shanhai
