#include "http/access_log.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace shanhai {
namespace {

class AccessLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SetLogWriter([this](std::string_view line) { lines_.emplace_back(line); });
  }
  void TearDown() override { SetLogWriter({}); }
  std::vector<std::string> lines_;
};

TEST_F(AccessLogTest, AccessLineFieldsAndRedaction) {
  std::vector<std::pair<std::string, std::string>> query = {
      {"page", "2"}, {"access_token", "s3cret"}, {"Password", "pw"}, {"name", "张三"}};
  LogAccess({"GET", "/api/v1/people", &query, 200, 1.25, 17, "127.0.0.1", "alice"});
  ASSERT_EQ(lines_.size(), 1u);
  EXPECT_EQ(lines_[0].find("s3cret"), std::string::npos);
  EXPECT_EQ(lines_[0].find("\"pw\""), std::string::npos);
  auto v = boost::json::parse(lines_[0]).as_object();
  EXPECT_EQ(v.at("level").as_string(), "info");
  EXPECT_EQ(v.at("event").as_string(), "http_request");
  EXPECT_EQ(v.at("method").as_string(), "GET");
  EXPECT_EQ(v.at("path").as_string(), "/api/v1/people");
  EXPECT_EQ(v.at("query").as_string(), "page=2&access_token=***&Password=***&name=张三");
  EXPECT_EQ(v.at("status").as_int64(), 200);
  EXPECT_DOUBLE_EQ(v.at("duration_ms").to_number<double>(), 1.25);
  EXPECT_EQ(v.at("bytes").as_int64(), 17);
  EXPECT_EQ(v.at("remote").as_string(), "127.0.0.1");
  EXPECT_EQ(v.at("user").as_string(), "alice");
  std::string ts(v.at("ts").as_string());
  ASSERT_EQ(ts.size(), 24u) << ts;  // 2024-05-01T08:00:00.123Z
  EXPECT_EQ(ts[10], 'T');
  EXPECT_EQ(ts[19], '.');
  EXPECT_EQ(ts.back(), 'Z');
}

TEST_F(AccessLogTest, ServerErrorsAreErrorLevelAndAnonymousOmitsUser) {
  LogAccess({"POST", "/x", nullptr, 503, 0, 0, "::1", ""});
  auto v = boost::json::parse(lines_.at(0)).as_object();
  EXPECT_EQ(v.at("level").as_string(), "error");
  EXPECT_FALSE(v.contains("user"));
  EXPECT_FALSE(v.contains("query"));
}

TEST_F(AccessLogTest, EventFieldsAreEscapedAndTyped) {
  LogError("import_failed", {{"file", "a\"b\\c\n\x01"}, {"rows", 12}, {"ratio", 0.5}, {"ok", false},
                             {"bad_utf8", std::string_view("\xff\xfe ok", 5)}, {"zh", "导入失败"}});
  auto v = boost::json::parse(lines_.at(0)).as_object();
  EXPECT_EQ(v.at("level").as_string(), "error");
  EXPECT_EQ(v.at("event").as_string(), "import_failed");
  EXPECT_EQ(v.at("file").as_string(), "a\"b\\c\n\x01");
  EXPECT_EQ(v.at("rows").as_int64(), 12);
  EXPECT_DOUBLE_EQ(v.at("ratio").to_number<double>(), 0.5);
  EXPECT_EQ(v.at("ok").as_bool(), false);
  EXPECT_EQ(v.at("bad_utf8").as_string(), "\xEF\xBF\xBD\xEF\xBF\xBD ok");
  EXPECT_EQ(v.at("zh").as_string(), "导入失败");
  LogInfo("started");
  EXPECT_EQ(boost::json::parse(lines_.at(1)).at("level").as_string(), "info");
}

// Point 8 of issue #6: by shape, not by parameter name.
TEST_F(AccessLogTest, IdNumbersAndMobilesAreMaskedWhereverTheyAppear) {
  std::vector<std::pair<std::string, std::string>> query = {{"q", "522728199001011238"}, {"q", "13800138000"},
                                                            {"note", "call 138-0013-8000"}};
  LogAccess({"GET", "/api/v1/people/people/52272819900101123X", &query, 404, 1, 2, "127.0.0.1", "13912345678"});
  LogError("http_handler_exception", {{"what", "bad id 522728199001011238 for 13800138000"}});
  ASSERT_EQ(lines_.size(), 2u);
  for (const std::string& line : lines_)
    for (const char* whole : {"522728199001011238", "52272819900101123X", "13800138000", "138-0013-8000", "13912345678"})
      EXPECT_EQ(line.find(whole), std::string::npos) << whole << " in " << line;
  auto v = boost::json::parse(lines_[0]).as_object();
  EXPECT_EQ(v.at("path").as_string(), "/api/v1/people/people/52****************");
  EXPECT_EQ(v.at("query").as_string(), "q=52****************&q=138****8000&note=call 138****8000");
  EXPECT_EQ(v.at("user").as_string(), "139****5678");
}

TEST(RedactedQuery, KeepsOrderAndMasksSensitiveNames) {
  EXPECT_EQ(RedactedQuery({{"q", "x"}, {"mobile", "13800138000"}, {"id_number", "110"}, {"sessionId", "z"}}),
            "q=x&mobile=***&id_number=***&sessionId=***");
  EXPECT_EQ(RedactedQuery({}), "");
}

// The filters the people ledger lets only revealers use: their values are personal information.
TEST(RedactedQuery, MasksFiltersByFieldsThatNeedReveal) {
  EXPECT_EQ(RedactedQuery({{"birth_date", "1990-03-07"}, {"sex", "female"}, {"poverty_status", "poverty"},
                           {"name", "x"}, {"page", "2"}}),
            "birth_date=***&sex=***&poverty_status=***&name=x&page=2");
}

}  // namespace
}  // namespace shanhai
