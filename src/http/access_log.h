// Structured logging: one JSON object per line, written with a single write() so lines
// from concurrent threads never interleave. The server writes one access line per
// request; other modules use LogInfo/LogError for events.
//   {"ts":"2024-05-01T08:00:00.123Z","level":"info","event":"http_request","method":"GET",
//    "path":"/api/v1/x","query":"page=1&token=***","status":200,"duration_ms":0.42,
//    "bytes":17,"remote":"127.0.0.1","user":"alice"}
#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shanhai {

// One key/value of a log line. Views must stay valid for the logging call only.
struct LogField {
  enum class Kind { kString, kInt, kDouble, kBool };
  LogField(std::string_view k, std::string_view v) : key(k), kind(Kind::kString), text(v) {}
  LogField(std::string_view k, const char* v) : key(k), kind(Kind::kString), text(v) {}
  LogField(std::string_view k, const std::string& v) : key(k), kind(Kind::kString), text(v) {}
  LogField(std::string_view k, bool v) : key(k), kind(Kind::kBool), integer(v) {}
  template <std::integral T>
  LogField(std::string_view k, T v) : key(k), kind(Kind::kInt), integer(static_cast<int64_t>(v)) {}
  LogField(std::string_view k, double v) : key(k), kind(Kind::kDouble), real(v) {}

  std::string_view key;
  Kind kind;
  std::string_view text;
  int64_t integer = 0;
  double real = 0;
};

// Writes {"ts","level","event",...fields}. Thread-safe. Strings are JSON-escaped; bytes
// that are not valid UTF-8 become U+FFFD so every line stays valid JSON. In every string,
// ID numbers and mobiles are masked by their shape (MaskPersonalNumbers), in whatever
// field they appear.
void LogInfo(std::string_view event, std::initializer_list<LogField> fields = {});
void LogError(std::string_view event, std::initializer_list<LogField> fields = {});

struct AccessLogEntry {
  std::string_view method;
  std::string_view path;                      // decoded path
  const std::vector<std::pair<std::string, std::string>>* query = nullptr;  // decoded pairs, may be null
  int status = 0;
  double duration_ms = 0;
  uint64_t bytes = 0;  // response body bytes
  std::string_view remote;
  std::string_view user;  // "" = anonymous (field omitted)
};

// Writes one "http_request" line. Values of query parameters whose names look
// sensitive (password, token, secret, session, key, phone, mobile, id_number, ...) or name a
// ledger field that needs reveal (IsRevealOnlyFieldKey: birth_date, sex, poverty_status, ...) are
// replaced by "***"; ID numbers and mobiles anywhere else (q=, the path) are masked by
// shape as above. Thread-safe.
void LogAccess(const AccessLogEntry& entry);

// The query rendered as the access log shows it (sensitive values masked),
// e.g. "page=1&token=***". Exposed for tests.
std::string RedactedQuery(const std::vector<std::pair<std::string, std::string>>& query);

// Redirects every log line (without trailing newline) to `writer`; an empty function
// restores the default (stderr). Not synchronised with concurrent logging: call it
// before serving (tests, or a CLI that wants logs elsewhere).
void SetLogWriter(std::function<void(std::string_view line)> writer);

}  // namespace shanhai
