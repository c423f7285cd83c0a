#include "http/metrics.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace shanhai {
namespace {

bool Contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

TEST(Metrics, CounterRendering) {
  MetricsRegistry reg;
  CounterFamily& c = reg.AddCounter("t_requests_total", "Requests.\nSecond line", {"route", "status"});
  c.WithLabels({"a", "200"}).Inc();
  c.WithLabels({"a", "200"}).Inc(2);
  c.WithLabels({"quote\"back\\slash\nnl", "500"}).Inc();
  std::string text = reg.RenderPrometheus();
  EXPECT_TRUE(Contains(text, "# HELP t_requests_total Requests.\\nSecond line\n")) << text;
  EXPECT_TRUE(Contains(text, "# TYPE t_requests_total counter\n"));
  EXPECT_TRUE(Contains(text, "t_requests_total{route=\"a\",status=\"200\"} 3\n")) << text;
  EXPECT_TRUE(Contains(text, "t_requests_total{route=\"quote\\\"back\\\\slash\\nnl\",status=\"500\"} 1\n")) << text;
}

TEST(Metrics, UnlabelledGaugeAndLabelCountMismatch) {
  MetricsRegistry reg;
  reg.AddGauge("t_gauge", "G.").WithLabels({}).Set(1.5);
  EXPECT_TRUE(Contains(reg.RenderPrometheus(), "\nt_gauge 1.5\n"));
  CounterFamily& c = reg.AddCounter("t_c", "C.", {"x"});
  EXPECT_THROW(c.WithLabels({}), std::invalid_argument);
  EXPECT_THROW(c.WithLabels({"1", "2"}), std::invalid_argument);
}

TEST(Metrics, HistogramBucketsAreCumulativeWithInf) {
  MetricsRegistry reg;
  HistogramFamily& h = reg.AddHistogram("t_seconds", "H.", {"route"}, {1, 0.1});  // unsorted on purpose
  Histogram& s = h.WithLabels({"r"});
  for (double v : {0.05, 0.1, 0.5, 2.0}) s.Observe(v);
  EXPECT_EQ(s.Count(), 4u);
  EXPECT_DOUBLE_EQ(s.Sum(), 2.65);
  std::string text = reg.RenderPrometheus();
  EXPECT_TRUE(Contains(text, "# TYPE t_seconds histogram\n"));
  EXPECT_TRUE(Contains(text, "t_seconds_bucket{route=\"r\",le=\"0.1\"} 2\n")) << text;  // le is inclusive
  EXPECT_TRUE(Contains(text, "t_seconds_bucket{route=\"r\",le=\"1\"} 3\n")) << text;
  EXPECT_TRUE(Contains(text, "t_seconds_bucket{route=\"r\",le=\"+Inf\"} 4\n")) << text;
  EXPECT_TRUE(Contains(text, "t_seconds_sum{route=\"r\"} 2.65\n")) << text;
  EXPECT_TRUE(Contains(text, "t_seconds_count{route=\"r\"} 4\n")) << text;
}

TEST(Metrics, EveryLineIsCommentOrSample) {
  MetricsRegistry reg;
  reg.AddCounter("a_total", "A.", {"k"}).WithLabels({"v"}).Inc();
  reg.AddHistogram("b_seconds", "B.", {}, {0.5}).WithLabels({}).Observe(0.2);
  std::string text = reg.RenderPrometheus();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) continue;
    // name[{labels}] value
    size_t space = line.rfind(' ');
    ASSERT_NE(space, std::string::npos) << line;
    std::string value = line.substr(space + 1);
    EXPECT_NO_THROW((void)std::stod(value)) << line;
    EXPECT_TRUE(isalpha(static_cast<unsigned char>(line[0]))) << line;
  }
}

TEST(Metrics, ConcurrentIncrementsAreNotLost) {
  MetricsRegistry reg;
  CounterFamily& c = reg.AddCounter("t_total", "T.", {"t"});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&c, t] {
      for (int i = 0; i < 20000; ++i) c.WithLabels({i % 2 ? "odd" : "even"}).Inc();
      (void)t;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(c.WithLabels({"odd"}).Value() + c.WithLabels({"even"}).Value(), 80000u);
  EXPECT_EQ(c.WithLabels({"odd"}).Value(), 40000u);
}

TEST(Metrics, GlobalPredefinedFamilies) {
  ObserveHttpRequest("funds.list", "GET", 200, 0.003);
  ObserveHttpRequest("", "BREW", 404, 0.0001);
  CountHttpError("body_too_large");
  ObserveDbTime(0.002);
  std::string text = GlobalMetrics().RenderPrometheus();
  EXPECT_TRUE(Contains(text, "shanhai_http_requests_total{route=\"funds.list\",method=\"GET\",status=\"200\"} 1\n"))
      << text;
  EXPECT_TRUE(Contains(text, "shanhai_http_requests_total{route=\"unmatched\",method=\"OTHER\",status=\"404\"} 1\n"));
  EXPECT_TRUE(Contains(text, "shanhai_http_request_duration_seconds_bucket{route=\"funds.list\",le=\"0.005\"} 1\n"));
  EXPECT_TRUE(Contains(text, "shanhai_http_request_duration_seconds_bucket{route=\"funds.list\",le=\"0.0025\"} 0\n"));
  EXPECT_TRUE(Contains(text, "shanhai_http_errors_total{kind=\"body_too_large\"} 1\n"));
  EXPECT_TRUE(Contains(text, "shanhai_db_query_duration_seconds_count 1\n")) << text;
  EXPECT_TRUE(Contains(text, "# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds "));
}

}  // namespace
}  // namespace shanhai
