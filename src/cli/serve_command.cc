// shanhai serve: migrate, then serve the API (and the console) until SIGINT/SIGTERM.
#include <iostream>

#include "cli/connect.h"
#include "console/console_assets.h"
#include "http/access_log.h"
#include "http/api_app.h"
#include "http/server.h"

namespace shanhai::cli {

namespace {

struct Args {
  DbOptions db;
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
};

Status Run(const Args& a) {
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, true));  // migrates once before threads start
  const size_t colon = a.listen.rfind(':');
  if (colon == std::string::npos)
    return Status::InvalidArgument("--listen 应为 主机:端口，如 127.0.0.1:8080", "--listen is HOST:PORT, e.g. 127.0.0.1:8080");
  ServerOptions options;
  options.host = a.listen.substr(0, colon);
  try {
    options.port = static_cast<uint16_t>(std::stoi(a.listen.substr(colon + 1)));
  } catch (const std::exception&) {
    return Status::InvalidArgument("端口无效：" + a.listen, "bad port: " + a.listen);
  }
  options.threads = a.threads;
  StaticFiles static_files;
  RegisterConsoleAssets(static_files);  // the web console, built into the binary
  ApiApp app(*c.env, static_files);
  HttpServer server(options, [&app](HttpRequest& request) { return app.Handle(request); });
  SH_RETURN_IF_ERROR(server.Start());
  LogInfo("serve_started", {{"listen", options.host + ":" + std::to_string(server.port())},
                            {"db", c.conn->db().Describe()}});
  std::cout << "山海 Shanhai 已启动 serving on http://" << options.host << ":" << server.port() << "/\n" << std::flush;
  server.Run();
  LogInfo("serve_stopped", {});
  return Status::Ok();
}

}  // namespace

void RegisterServe(CLI::App& app) {
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("serve", "启动网页控制台与接口服务 / serve the web console and the API");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("--listen", a->listen, "HOST:PORT（默认 127.0.0.1:8080）");
  cmd->add_option("--threads", a->threads, "工作线程数（默认 CPU 核数）");
  cmd->callback([a] { ExitCode() = PrintError(Run(*a)); });
}

}  // namespace shanhai::cli
