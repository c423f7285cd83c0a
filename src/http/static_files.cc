#include "http/static_files.h"

#include <cstdint>
#include <cstdio>

namespace shanhai {
namespace {

// FNV-1a is enough for a cache validator: we need change detection, not collision resistance.
std::string MakeEtag(std::string_view bytes, std::string_view suffix) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "\"%016llx-%zx", static_cast<unsigned long long>(h), bytes.size());
  return std::string(buf) + std::string(suffix) + "\"";
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls f(item) for each comma-separated, trimmed item of a header value.
template <typename F>
void ForEachListItem(std::string_view v, F f) {
  while (true) {
    size_t comma = v.find(',');
    std::string_view item = Trim(v.substr(0, comma));
    if (!item.empty()) f(item);
    if (comma == std::string_view::npos) return;
    v.remove_prefix(comma + 1);
  }
}

bool AcceptsGzip(const HttpRequest& req) {
  auto header = req.Header("Accept-Encoding");
  if (!header) return false;
  bool accepted = false;
  ForEachListItem(*header, [&](std::string_view item) {
    size_t semi = item.find(';');
    if (!EqualsIgnoreCase(Trim(item.substr(0, semi)), "gzip")) return;
    // "gzip;q=0" explicitly refuses it; any other q accepts.
    std::string_view params = semi == std::string_view::npos ? std::string_view() : item.substr(semi + 1);
    std::string_view q = Trim(params);
    accepted = !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000");
  });
  return accepted;
}

bool EtagMatches(const HttpRequest& req, std::string_view etag) {
  auto header = req.Header("If-None-Match");
  if (!header) return false;
  bool match = false;
  ForEachListItem(*header, [&](std::string_view item) {
    if (item == "*") match = true;
    if (StartsWith(item, "W/")) item.remove_prefix(2);  // If-None-Match uses weak comparison
    if (item == etag) match = true;
  });
  return match;
}

bool LastSegmentHasExtension(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return last.find('.') != std::string_view::npos;
}

// The job seeker's phone page (web/phone, built into /m/) is a single-page app of its own: its
// routes fall back to its own index.html, every other page-like path to the console's.
std::string_view FallbackPageFor(std::string_view path) {
  return path == "/m" || StartsWith(path, "/m/") ? "/m/index.html" : "/index.html";
}

// Vite's fingerprinted bundles: the console's and the phone page's.
bool IsFingerprinted(std::string_view path) { return StartsWith(path, "/assets/") || StartsWith(path, "/m/assets/"); }

}  // namespace

std::string_view ContentTypeForPath(std::string_view path) {
  struct Entry {
    std::string_view ext, type;
  };
  static constexpr Entry kTypes[] = {
      {".html", "text/html; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},           {".map", "application/json"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".jpg", "image/jpeg"},                  {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},                   {".webp", "image/webp"},
      {".ico", "image/x-icon"},                {".woff", "font/woff"},
      {".woff2", "font/woff2"},                {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},   {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".wasm", "application/wasm"},
  };
  for (const Entry& e : kTypes) {
    if (path.size() >= e.ext.size() && path.substr(path.size() - e.ext.size()) == e.ext) return e.type;
  }
  return "application/octet-stream";
}

void StaticFiles::Add(std::string path, std::string body, std::string gzip_body, std::string content_type) {
  StaticAsset asset;
  asset.content_type = content_type.empty() ? std::string(ContentTypeForPath(path)) : std::move(content_type);
  asset.etag = MakeEtag(body, "");
  if (!gzip_body.empty()) asset.gzip_etag = MakeEtag(body, "-gz");
  asset.body = std::move(body);
  asset.gzip_body = std::move(gzip_body);
  assets_[std::move(path)] = std::move(asset);
}

std::optional<HttpResponse> StaticFiles::Serve(const HttpRequest& req) const {
  if (req.method != "GET" && req.method != "HEAD") return std::nullopt;
  const std::string& path = req.path;
  if (path == "/api" || StartsWith(path, "/api/") || path == "/metrics") return std::nullopt;

  std::string_view key = path == "/" ? std::string_view("/index.html") : std::string_view(path);
  auto it = assets_.find(std::string(key));
  if (it == assets_.end()) {
    if (LastSegmentHasExtension(path)) return std::nullopt;
    it = assets_.find(std::string(FallbackPageFor(path)));
    if (it == assets_.end()) return std::nullopt;
  }
  const StaticAsset& asset = it->second;
  const bool gzip = !asset.gzip_body.empty() && AcceptsGzip(req);
  const std::string& etag = gzip ? asset.gzip_etag : asset.etag;

  HttpResponse r;
  r.AddHeader("ETag", etag);
  // Fingerprinted bundles never change under the same name; everything else (index.html
  // above all) must be revalidated so a new release is picked up at once.
  r.AddHeader("Cache-Control", IsFingerprinted(it->first) ? "public, max-age=31536000, immutable" : "no-cache");
  if (!asset.gzip_body.empty()) r.AddHeader("Vary", "Accept-Encoding");
  if (EtagMatches(req, etag)) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.status = 200;
  r.content_type = asset.content_type;
  if (gzip) {
    r.AddHeader("Content-Encoding", "gzip");
    r.body = asset.gzip_body;
  } else {
    r.body = asset.body;
  }
  return r;
}

}  // namespace shanhai
