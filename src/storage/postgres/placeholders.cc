#include "storage/postgres/placeholders.h"

namespace shanhai {
namespace {

bool IsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Index just past the literal or identifier that opens at `open` with quote character q.
// A doubled quote inside stands for itself; with backslash_escapes, \x skips x.
size_t SkipQuoted(std::string_view s, size_t open, char q, bool backslash_escapes) {
  size_t i = open + 1;
  while (i < s.size()) {
    if (backslash_escapes && s[i] == '\\') {
      i += 2;
    } else if (s[i] == q) {
      if (i + 1 < s.size() && s[i + 1] == q) {
        i += 2;
      } else {
        return i + 1;
      }
    } else {
      ++i;
    }
  }
  return s.size();
}

// Index just past the block comment opening at `open`; PostgreSQL block comments nest.
size_t SkipBlockComment(std::string_view s, size_t open) {
  int depth = 0;
  size_t i = open;
  while (i + 1 < s.size()) {
    if (s[i] == '/' && s[i + 1] == '*') {
      ++depth;
      i += 2;
    } else if (s[i] == '*' && s[i + 1] == '/') {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return s.size();
}

}  // namespace

NumberedSql NumberPlaceholders(std::string_view sql) {
  NumberedSql out;
  out.sql.reserve(sql.size() + 16);
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    size_t end = i + 1;  // the span [i, end) is copied unchanged unless it is a marker
    if (c == '\'') {
      // E'...' (an E not ending a longer word) allows backslash escapes such as \'.
      const bool escape_string = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                                 (i < 2 || !IsIdentifierChar(sql[i - 2]));
      end = SkipQuoted(sql, i, '\'', escape_string);
    } else if (c == '"') {
      end = SkipQuoted(sql, i, '"', false);
    } else if (c == '-' && next == '-') {
      const size_t newline = sql.find('\n', i);
      end = newline == std::string_view::npos ? sql.size() : newline;
    } else if (c == '/' && next == '*') {
      end = SkipBlockComment(sql, i);
    } else if (c == '?') {
      out.sql += '$';
      out.sql += std::to_string(++out.parameters);
      ++i;
      continue;
    }
    out.sql.append(sql.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace shanhai
