// Serves the web console from memory: path → bytes, with ETag revalidation, long-lived
// caching for fingerprinted /assets/*, precompressed gzip variants, and the SPA
// fallback (unknown non-API paths get /index.html so the client router can take over).
// The binary embeds the built console and registers each file here at start-up.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/http_types.h"

namespace shanhai {

struct StaticAsset {
  std::string body;
  std::string gzip_body;  // precompressed variant, "" if none
  std::string content_type;
  std::string etag;       // quoted strong validator of `body`
  std::string gzip_etag;  // distinct validator for the gzip variant
};

class StaticFiles {
 public:
  // Registers `path` (must start with '/', e.g. "/assets/app.3f2a.js"). The content type
  // is guessed from the extension when empty; ETags are computed from the bytes. A later
  // Add of the same path replaces it. Not thread-safe: fill before serving.
  void Add(std::string path, std::string body, std::string gzip_body = {}, std::string content_type = {});

  // The response for a GET/HEAD request, or nullopt if this request is not for the
  // console (other methods, /api/..., /metrics, or nothing to serve). "/" and unknown
  // paths without a file extension map to /index.html (if registered), those under /m/
  // (the job seeker's phone page) to /m/index.html; unknown paths
  // with an extension (a missing .js) get nullopt so the caller answers 404 rather
  // than serving HTML as script. 304 when If-None-Match matches. Thread-safe (const).
  std::optional<HttpResponse> Serve(const HttpRequest& request) const;

  bool empty() const { return assets_.empty(); }

 private:
  std::unordered_map<std::string, StaticAsset> assets_;
};

// "text/javascript; charset=utf-8" etc. from a path's extension; octet-stream if unknown.
std::string_view ContentTypeForPath(std::string_view path);

}  // namespace shanhai
