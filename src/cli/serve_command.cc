// shanhai serve: migrate, then serve the API (and the console) until SIGINT/SIGTERM.
#include <chrono>
#include <iostream>

#include "cli/connect.h"
#include "cli/sms_gateway_flags.h"
#include "common/clock.h"
#include "app/periodic_task.h"
#include "console/console_assets.h"
#include "domain/messages/gateway_relay.h"
#include "domain/notifications/notification_runner.h"
#include "domain/changes/change_log.h"
#include "http/access_log.h"
#include "http/api_app.h"
#include "http/client_address.h"
#include "http/interview_seat_check.h"
#include "http/server.h"

namespace shanhai::cli {

namespace {

struct Args {
  DbOptions db;
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
  IdentityPolicy identity;
  DisclosureLimits disclosure;
  std::string tls_cert, tls_key;
  std::string trust_proxy;
  int change_poll_ms = 200;
  int change_retention_days = 7;
  SmsGatewayFlags sms_gateway;
  std::vector<std::string> ice_servers;
  std::string turn_secret_file;
  int notify_interval_s = 60;
  int room_check_s = 10;
  std::string public_url;
};

// ISO-8601 UTC of days ago (the clock's format, so it compares with change_log.at as text).
std::string IsoDaysAgo(int days) { return IsoUtcAt(Clock().Seconds() - int64_t{days} * 24 * 60 * 60); }

// The change feed's part of starting up: old change_log rows go (they only catch up followers
// that were running, and this one begins at the head), then the follower starts.
Status StartChangeFeed(AppEnv& env, Database& db, const Args& a) {
  if (a.change_retention_days > 0) {
    SH_ASSIGN_OR_RETURN(int64_t pruned, ChangeLog(db).PruneBefore(IsoDaysAgo(a.change_retention_days)));
    if (pruned > 0) LogInfo("change_log_pruned", {{"count", pruned}});
  }
  FollowerOptions options;
  options.interval = std::chrono::milliseconds(a.change_poll_ms);
  return env.StartChangeFollower(options, [](const Status& s) { LogError("change_follower_poll_failed", {{"error", s.message_en()}}); });
}

Status Run(const Args& a) {
  SH_ASSIGN_OR_RETURN(IceServers ice, ParseIceServers(a.ice_servers, a.turn_secret_file));  // before any database work
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, true));  // migrates once before threads start
  c.env->set_identity_policy(a.identity);
  c.env->set_disclosure_limits(a.disclosure);
  SH_ASSIGN_OR_RETURN(GatewayOptions gateway, GatewayOf(a.sms_gateway));
  c.env->set_sms_gateway(gateway);
  c.env->set_ice_servers(std::move(ice));
  SH_ASSIGN_OR_RETURN(int64_t purged, c.conn->error_sheets().Purge());  // expired while the server was down
  if (purged > 0) LogInfo("error_sheets_purged", {{"count", purged}});
  SH_ASSIGN_OR_RETURN(int64_t encrypted, c.conn->evidence().EncryptLegacyFiles());  // files from before 0007
  if (encrypted > 0) LogInfo("legacy_evidence_encrypted", {{"count", encrypted}});
  SH_RETURN_IF_ERROR(StartChangeFeed(*c.env, c.conn->db(), a));
  SH_RETURN_IF_ERROR(c.env->StartMatching());  // follows the feed, so after it
  LogInfo("matching_loaded", {{"seekers", int64_t(c.env->matching()->seeker_count())},
                              {"jobs", int64_t(c.env->matching()->job_count())}});
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
  options.tls_cert_file = a.tls_cert;
  options.tls_key_file = a.tls_key;
  SH_ASSIGN_OR_RETURN(options.trusted_proxies, ParseTrustedProxies(a.trust_proxy));
  StaticFiles static_files;
  RegisterConsoleAssets(static_files);  // the web console, built into the binary
  ApiApp app(*c.env, static_files);
  HttpServer server(options, [&app](HttpRequest& request) { return app.Handle(request); });
  SH_RETURN_IF_ERROR(server.Start());
  // The notification runner's pass every --notify-interval-seconds, over a connection of its
  // own; stopped (after its pass in progress) before the server and the matcher go.
  std::unique_ptr<AppConn> notify_conn;
  std::unique_ptr<notifications::NotificationRunner> notifier;
  std::unique_ptr<PeriodicTask> notify_task;
  if (a.notify_interval_s > 0) {
    SH_ASSIGN_OR_RETURN(notify_conn, AppConn::Open(*c.env, false));
    notifier = std::make_unique<notifications::NotificationRunner>(
        notify_conn->db(), c.env->vault(), notify_conn->messages(), *c.env->matching(),
        notifications::RunnerOptions{.public_url = a.public_url});
    notify_task = std::make_unique<PeriodicTask>(std::chrono::seconds(a.notify_interval_s), [&notifier] {
      Result<std::vector<notifications::SentNotice>> sent = notifier->RunDue(Clock().Seconds());
      if (!sent.ok()) LogError("notify_failed", {{"error", sent.status().message_en()}});
      else if (!sent->empty()) LogInfo("notify_sent", {{"count", int64_t(sent->size())}});
    });
  }
  // With an SMS gateway, the relay posts what senders queued every second, over a connection of
  // its own (gateway_relay.h).
  std::unique_ptr<AppConn> relay_conn;
  std::unique_ptr<HttpGatewaySender> gateway_sender;
  std::unique_ptr<GatewayRelay> relay;
  std::unique_ptr<PeriodicTask> relay_task;
  if (!c.env->sms_gateway().url.empty()) {
    SH_ASSIGN_OR_RETURN(relay_conn, AppConn::Open(*c.env, false));
    gateway_sender = std::make_unique<HttpGatewaySender>(c.env->sms_gateway());
    relay = std::make_unique<GatewayRelay>(relay_conn->context(), *gateway_sender,
                                           RelayPolicyFor(c.env->sms_gateway().timeout));
    relay_task = std::make_unique<PeriodicTask>(std::chrono::seconds(1), [&relay] {
      Result<RelayOutcome> outcome = relay->RelayDue();
      if (!outcome.ok()) LogError("sms_relay_failed", {{"error", outcome.status().message_en()}});
      else if (outcome->retried + outcome->failed > 0)
        LogError("sms_gateway_refused", {{"sent", outcome->sent}, {"retry", outcome->retried}, {"failed", outcome->failed}});
    });
  }
  // The interview rooms' open seats re-checked every --room-check-seconds over a connection of
  // their own (http/interview_seat_check.h); stopped before the server and the app go.
  SH_ASSIGN_OR_RETURN(std::unique_ptr<AppConn> room_conn, AppConn::Open(*c.env, false));
  PeriodicTask room_task(std::chrono::seconds(a.room_check_s), [&app, &room_conn] {
    const size_t closed = app.signalling().Sweep([&room_conn](int64_t room, InterviewSeat, const std::string& session) {
      Result<std::optional<SeatEnd>> end = CheckInterviewSeat(*room_conn, room, session);
      if (end.ok()) return *end;
      LogError("interview_seat_check_failed", {{"room", room}, {"error", end.status().message_en()}});
      return std::optional<SeatEnd>();  // kept: a failed read is no reason to cut an interview
    });
    if (closed > 0) LogInfo("interview_seats_closed", {{"count", int64_t(closed)}});
  });
  LogInfo("serve_started", {{"listen", options.host + ":" + std::to_string(server.port())},
                            {"db", c.conn->db().Describe()}});
  const char* scheme = options.tls_cert_file.empty() ? "http" : "https";
  std::cout << "山海 Shanhai 已启动 serving on " << scheme << "://" << options.host << ":" << server.port() << "/\n" << std::flush;
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
  cmd->add_option("--login-max-failures", a->identity.max_failures,
                  "同一用户名连续登录失败几次后锁定（默认 5）/ consecutive failed logins that lock a user name")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--login-lockout-minutes", a->identity.lockout_minutes,
                  "锁定时长（分钟，默认 15）/ how long a lockout lasts, minutes")
      ->check(CLI::Range(1, 24 * 60));
  cmd->add_option("--password-max-age-days", a->identity.password_max_age_days,
                  "密码有效天数，到期须修改（默认 0 = 不过期）/ days a password is valid (0 = never expires)")
      ->check(CLI::Range(0, 3650));
  cmd->add_option("--password-history", a->identity.password_history,
                  "新密码不得与最近几次的密码相同（默认 5）/ how many earlier passwords may not be reused")
      ->check(CLI::Range(1, 24));
  cmd->add_flag("--require-admin-totp", a->identity.require_admin_totp,
                "管理员须启用两步验证后才能使用系统 / administrators must enrol TOTP before anything else");
  cmd->add_option("--key-match-quota", a->disclosure.key_matches_per_day,
                  "每个账号每天可核对已登记身份证号码的次数（默认 20，0 = 不限）/ checks of numbers already registered "
                  "per account and day (0 = no limit)")
      ->check(CLI::Range(int64_t{0}, int64_t{1'000'000}));
  cmd->add_option("--reveal-quota", a->disclosure.reveals_per_day,
                  "每个账号每天可查看敏感信息全文的次数（默认 200，0 = 不限）/ reveals per account and day (0 = no limit)")
      ->check(CLI::Range(int64_t{0}, int64_t{1'000'000}));
  cmd->add_option("--notify-interval-seconds", a->notify_interval_s,
                  "每隔几秒发送到期通知（新岗位、面试提醒、90天再确认；默认 60，0 = 不发，交给 shanhai notify）/ "
                  "seconds between passes of the notification runner (0 = none; use shanhai notify)")
      ->check(CLI::Range(0, 24 * 60 * 60));
  cmd->add_option("--room-check-seconds", a->room_check_s,
                  "每隔几秒复查远程面试间的在座连接（默认 10）：登录失效、面试已有结果或超出面试时段的连接最迟多久被断开 / "
                  "seconds between re-checks of the interview rooms' open connections: how late one whose session "
                  "ended or whose room closed is cut at most")
      ->check(CLI::Range(1, 300));
  cmd->add_option("--public-url", a->public_url,
                  "求职者短信中手机页的网址前缀，如 https://jiuye.example.cn / the site's address in seekers' messages");
  cmd->add_option("--tls-cert", a->tls_cert, "HTTPS：PEM 证书（链）文件，与 --tls-key 同用 / PEM certificate chain");
  cmd->add_option("--tls-key", a->tls_key, "HTTPS：PEM 私钥文件 / PEM private key");
  cmd->add_option("--trust-proxy", a->trust_proxy,
                  "ADDR[,ADDR]：可信反向代理地址，仅其转发的 X-Forwarded-For 用作客户端地址 / "
                  "reverse proxies whose X-Forwarded-For is believed");
  cmd->add_option("--change-poll-ms", a->change_poll_ms,
                  "变更流轮询间隔（毫秒，默认 200）：其他进程（如命令行导入）的写入最迟多久送达订阅者 / "
                  "how often the change feed reads change_log for other processes' writes")
      ->check(CLI::Range(10, 250));
  cmd->add_option("--change-retention-days", a->change_retention_days,
                  "启动时删除多少天前的变更记录（默认 7，0 = 保留全部）/ change_log rows older than this are "
                  "deleted at start (0 keeps them)")
      ->check(CLI::Range(0, 3650));
  AddSmsGatewayFlags(*cmd, a->sms_gateway);
  cmd->add_option("--ice-server", a->ice_servers,
                  "URL：远程面试用的 STUN/TURN 服务器，可重复（如 stun:stun.example.cn:3478、turn:turn.example.cn:3478）/ "
                  "STUN/TURN servers for remote interviews, repeatable");
  cmd->add_option("--turn-secret-file", a->turn_secret_file,
                  "TURN 服务器（如 coturn）的 static-auth-secret 所在文件：据此为面试双方签发限时凭据 / file with the TURN "
                  "server's static-auth-secret, from which time-limited credentials are issued");
  cmd->callback([a] { ExitCode() = PrintError(Run(*a)); });
}

}  // namespace shanhai::cli
