#include "http/multipart.h"

#include <cctype>
#include <optional>
#include <utility>

#include "http/http_types.h"

namespace shanhai {
namespace {

constexpr size_t kMaxParts = 1000;

Status Bad(std::string zh, std::string en) {
  return Status::InvalidArgument("上传内容格式不正确：" + std::move(zh), "malformed multipart body: " + std::move(en));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A header value like `form-data; name="f"; filename="a;b.txt"`: the leading token and
// its parameters, with quoted strings unquoted (backslash escapes honoured, ';' inside
// quotes kept). Parameter names are lower-cased.
struct HeaderValue {
  std::string token;
  std::vector<NameValue> params;
  std::optional<std::string_view> Param(std::string_view name) const {
    for (const NameValue& p : params)
      if (p.first == name) return std::string_view(p.second);
    return std::nullopt;
  }
};

HeaderValue ParseHeaderValue(std::string_view v) {
  HeaderValue out;
  size_t i = 0;
  auto read_until_semicolon = [&]() {
    size_t start = i;
    while (i < v.size() && v[i] != ';') ++i;
    return Trim(v.substr(start, i - start));
  };
  out.token = read_until_semicolon();
  while (i < v.size()) {
    ++i;  // ';'
    size_t start = i;
    while (i < v.size() && v[i] != '=' && v[i] != ';') ++i;
    std::string name(Trim(v.substr(start, i - start)));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (i >= v.size() || v[i] == ';') {
      if (!name.empty()) out.params.emplace_back(std::move(name), "");
      continue;
    }
    ++i;  // '='
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t')) ++i;
    std::string value;
    if (i < v.size() && v[i] == '"') {
      ++i;
      while (i < v.size() && v[i] != '"') {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        value += v[i++];
      }
      ++i;  // closing quote (or end)
      while (i < v.size() && v[i] != ';') ++i;
    } else {
      value = read_until_semicolon();
    }
    out.params.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 5987 ext-value: charset'language'percent-encoded. Only UTF-8 (and its ASCII
// subset) is accepted; anything else yields nullopt so the plain filename is used.
std::optional<std::string> DecodeExtValue(std::string_view v) {
  size_t q1 = v.find('\'');
  if (q1 == std::string_view::npos) return std::nullopt;
  size_t q2 = v.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return std::nullopt;
  std::string_view charset = v.substr(0, q1);
  if (!EqualsIgnoreCase(charset, "utf-8") && !EqualsIgnoreCase(charset, "us-ascii")) return std::nullopt;
  std::string out;
  for (size_t i = q2 + 1; i < v.size(); ++i) {
    if (v[i] != '%') {
      out += v[i];
      continue;
    }
    if (i + 2 >= v.size() || Hex(v[i + 1]) < 0 || Hex(v[i + 2]) < 0) return std::nullopt;
    out += static_cast<char>(Hex(v[i + 1]) * 16 + Hex(v[i + 2]));
    i += 2;
  }
  return out;
}

// Old browsers send the client's full path ("C:\\Users\\a\\b.xlsx"); keep the base name
// so nobody downstream is tempted to use it as a path.
std::string BaseName(std::string_view filename) {
  size_t slash = filename.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? filename : filename.substr(slash + 1));
}

Status ParsePartHeaders(std::string_view headers, MultipartPart& part) {
  bool has_disposition = false;
  while (!headers.empty()) {
    size_t eol = headers.find("\r\n");
    std::string_view line = headers.substr(0, eol);
    headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Bad("分段头缺少冒号", "part header line without ':'");
    std::string_view name = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "content-type")) {
      part.content_type = value;
    } else if (EqualsIgnoreCase(name, "content-disposition")) {
      HeaderValue hv = ParseHeaderValue(value);
      if (!EqualsIgnoreCase(hv.token, "form-data")) return Bad("分段不是 form-data", "part disposition is not form-data");
      auto field_name = hv.Param("name");
      if (!field_name || field_name->empty()) return Bad("分段缺少字段名", "part has no name");
      part.name = *field_name;
      std::optional<std::string> filename;
      if (auto ext = hv.Param("filename*")) filename = DecodeExtValue(*ext);
      if (!filename) {
        if (auto plain = hv.Param("filename")) filename = std::string(*plain);
      }
      if (filename) part.filename = BaseName(*filename);
      has_disposition = true;
    }
  }
  if (!has_disposition) return Bad("分段缺少 Content-Disposition", "part without Content-Disposition");
  return Status::Ok();
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  HeaderValue hv = ParseHeaderValue(content_type);
  if (!EqualsIgnoreCase(hv.token, "multipart/form-data")) {
    return Status::InvalidArgument("请求的内容类型应为 multipart/form-data", "Content-Type must be multipart/form-data");
  }
  auto boundary = hv.Param("boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) {
    return Status::InvalidArgument("multipart 内容类型缺少有效的 boundary", "multipart Content-Type lacks a valid boundary");
  }
  return std::string(*boundary);
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view content_type) {
  SH_ASSIGN_OR_RETURN(std::string boundary, MultipartBoundary(content_type));
  const std::string delimiter = "--" + boundary;
  // Each delimiter after the first is preceded by CRLF, which belongs to it, not to the data.
  const std::string inner_delimiter = "\r\n" + delimiter;

  size_t pos;
  if (body.substr(0, delimiter.size()) == delimiter) {
    pos = delimiter.size();
  } else {
    size_t found = body.find(inner_delimiter);  // after an (ignored) preamble
    if (found == std::string_view::npos) return Bad("找不到起始分隔符", "opening boundary not found");
    pos = found + inner_delimiter.size();
  }

  std::vector<MultipartPart> parts;
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;  // close delimiter; epilogue ignored
    // Transport padding (spaces/tabs) may follow a delimiter before its CRLF.
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return Bad("分隔符后缺少换行", "boundary not followed by CRLF");
    pos += 2;
    if (parts.size() == kMaxParts) return Bad("分段数量超过 1000", "more than 1000 parts");

    MultipartPart part;
    size_t headers_end;
    if (body.substr(pos, 2) == "\r\n") {
      headers_end = pos;  // no headers at all; caught below as missing disposition
    } else {
      headers_end = body.find("\r\n\r\n", pos);
      if (headers_end == std::string_view::npos) return Bad("分段头未结束", "part headers not terminated");
    }
    SH_RETURN_IF_ERROR(ParsePartHeaders(body.substr(pos, headers_end - pos), part));
    size_t data_start = headers_end + (headers_end == pos ? 2 : 4);
    size_t data_end = body.find(inner_delimiter, data_start);
    if (data_end == std::string_view::npos) return Bad("缺少结束分隔符", "closing boundary not found");
    part.data = body.substr(data_start, data_end - data_start);
    parts.push_back(std::move(part));
    pos = data_end + inner_delimiter.size();
  }
}

const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name) {
  for (const MultipartPart& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace shanhai
