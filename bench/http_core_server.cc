// Our HTTP core (HttpServer + Router) serving the same fixed body as
// bare_beast_server, so http_bench.sh can show what the core alone costs before any
// handler, auth or database work is added.
//
//   http_core_server [port=8091] [threads=hardware_concurrency] [access_log=0|1]
#include <cstdio>
#include <cstdlib>

#include "http/router.h"
#include "http/server.h"

int main(int argc, char** argv) {
  shanhai::ServerOptions opts;
  opts.port = argc > 1 ? static_cast<uint16_t>(std::atoi(argv[1])) : 8091;
  opts.threads = argc > 2 ? std::atoi(argv[2]) : 0;
  opts.access_log = argc > 3 && std::atoi(argv[3]) != 0;

  shanhai::Router router;
  shanhai::Status added = router.Add({"GET", "/api/v1/bench/items", "bench.items", "", [](shanhai::HttpRequest&) {
                                        return shanhai::HttpResponse::Json(200, R"({"ok":true,"items":[]})");
                                      }});
  if (!added.ok()) return 2;
  shanhai::HttpServer server(opts, [&router](shanhai::HttpRequest& req) {
    shanhai::RouteMatch m = router.Match(req.method, req.path);
    if (m.kind == shanhai::MatchKind::kNotFound) return shanhai::Router::NotFoundResponse();
    if (m.kind == shanhai::MatchKind::kMethodNotAllowed) return shanhai::Router::MethodNotAllowedResponse(m.allow);
    req.route_name = m.route->name;
    req.path_params = std::move(m.params);
    return m.route->handler(req);
  });
  shanhai::Status started = server.Start();
  if (!started.ok()) {
    std::fprintf(stderr, "%s\n", started.ToString().c_str());
    return 1;
  }
  std::printf("http_core_server listening on 127.0.0.1:%u\n", server.port());
  std::fflush(stdout);
  server.Run();
  return 0;
}
