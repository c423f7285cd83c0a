#include "http/access_log.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "common/personal_numbers.h"
#include "domain/ledger/ledger_def.h"

namespace shanhai {
namespace {

std::function<void(std::string_view)>& Writer() {
  static std::function<void(std::string_view)> writer;
  return writer;
}

void WriteLine(std::string& line) {
  if (Writer()) {
    Writer()(line);
    return;
  }
  line += '\n';
  // One write() per line: stderr is unbuffered and O_APPEND files append atomically,
  // so concurrent lines do not interleave. Loop only for partial writes.
  const char* p = line.data();
  size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::write(STDERR_FILENO, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to report a failing stderr
    p += n;
    left -= static_cast<size_t>(n);
  }
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) len = 3;
  else if (c >= 0xF0 && c <= 0xF4) len = 4;
  else return 0;
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
    return 0;  // overlong, surrogate or beyond U+10FFFF
  return len;
}

// Every string of every line goes through here, so no ID number or mobile is logged whole,
// whether it came as q=, in a path, a user name or an exception's message (point 8 of #6).
void AppendJsonString(std::string& out, std::string_view raw) {
  static constexpr char kHex[] = "0123456789abcdef";
  thread_local std::string masked;
  std::string_view s = raw;
  if (MayHoldPersonalNumber(raw)) {
    masked = MaskPersonalNumbers(raw);
    s = masked;
  }
  out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(s, i);
      if (len == 0) {
        out += "\\ufffd";
      } else {
        out.append(s.substr(i, len));
        i += len - 1;
      }
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

void AppendDouble(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  out.append(buf, res.ptr);
}

void AppendTimestamp(std::string& out) {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  out.append(buf, n);
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03dZ", static_cast<int>(ms % 1000));
  out += frac;
}

// Reused per thread so logging a line does not allocate once warmed up.
std::string& StartLine(std::string_view level, std::string_view event) {
  thread_local std::string line;
  line.clear();
  line += "{\"ts\":\"";
  AppendTimestamp(line);
  line += "\",\"level\":";
  AppendJsonString(line, level);
  line += ",\"event\":";
  AppendJsonString(line, event);
  return line;
}

void AppendKey(std::string& out, std::string_view key) {
  out += ',';
  AppendJsonString(out, key);
  out += ':';
}

void AppendField(std::string& out, const LogField& f) {
  AppendKey(out, f.key);
  switch (f.kind) {
    case LogField::Kind::kString: AppendJsonString(out, f.text); break;
    case LogField::Kind::kInt: out += std::to_string(f.integer); break;
    case LogField::Kind::kDouble: AppendDouble(out, f.real); break;
    case LogField::Kind::kBool: out += f.integer ? "true" : "false"; break;
  }
}

void LogEvent(std::string_view level, std::string_view event, std::initializer_list<LogField> fields) {
  std::string& line = StartLine(level, event);
  for (const LogField& f : fields) AppendField(line, f);
  line += '}';
  WriteLine(line);
}

bool ContainsIgnoreCase(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool IsSensitiveName(std::string_view name) {
  static constexpr std::string_view kMarkers[] = {"password", "passwd", "pwd",    "token",  "secret",
                                                  "session",  "key",    "sign",   "phone",  "mobile",
                                                  "id_number", "idcard", "id_card", "credential", "auth"};
  for (std::string_view m : kMarkers)
    if (ContainsIgnoreCase(name, m)) return true;
  return false;
}

}  // namespace

void LogInfo(std::string_view event, std::initializer_list<LogField> fields) { LogEvent("info", event, fields); }
void LogError(std::string_view event, std::initializer_list<LogField> fields) { LogEvent("error", event, fields); }

std::string RedactedQuery(const std::vector<std::pair<std::string, std::string>>& query) {
  std::string out;
  for (const auto& [name, value] : query) {
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    // A filter by a field that needs reveal (birth_date=, sex=, poverty_status=) selects people by
    // personal information: the log's readers (operators, the audit administrator) may lack reveal.
    const bool masked = IsSensitiveName(name) || IsRevealOnlyFieldKey(name);
    out += masked ? std::string_view("***") : std::string_view(value);
  }
  return out;
}

void LogAccess(const AccessLogEntry& e) {
  std::string& line = StartLine(e.status >= 500 ? "error" : "info", "http_request");
  AppendKey(line, "method");
  AppendJsonString(line, e.method);
  AppendKey(line, "path");
  AppendJsonString(line, e.path);
  if (e.query && !e.query->empty()) {
    AppendKey(line, "query");
    AppendJsonString(line, RedactedQuery(*e.query));
  }
  AppendKey(line, "status");
  line += std::to_string(e.status);
  AppendKey(line, "duration_ms");
  AppendDouble(line, e.duration_ms);
  AppendKey(line, "bytes");
  line += std::to_string(e.bytes);
  AppendKey(line, "remote");
  AppendJsonString(line, e.remote);
  if (!e.user.empty()) {
    AppendKey(line, "user");
    AppendJsonString(line, e.user);
  }
  line += '}';
  WriteLine(line);
}

void SetLogWriter(std::function<void(std::string_view line)> writer) { Writer() = std::move(writer); }

}  // namespace shanhai
