// shanhai notify: one pass of the notification runner (domain/notifications/notification_runner.h)
// — new jobs to the staff of the matched villages, interview reminders, the 90-day re-ask — at
// --now (China time, for tests and catching up) or now, printing what it sent. For cron beside
// or instead of serve's own periodic pass; both together never send anything twice.
#include <boost/json.hpp>
#include <iostream>

#include "cli/connect.h"
#include "cli/sms_gateway_flags.h"
#include "common/date.h"
#include "domain/messages/gateway_relay.h"
#include "domain/notifications/due_rules.h"
#include "domain/notifications/notification_runner.h"

namespace shanhai::cli {

namespace {

struct Args {
  DbOptions db;
  std::string now, format = "table", public_url;
  SmsGatewayFlags sms_gateway;
};

// --now "2026-12-03 09:00" (China Standard Time; a 'T' may replace the blank), else the system clock.
Result<int64_t> NowOf(const std::string& text) {
  if (text.empty()) return Clock().Seconds();
  const std::optional<int64_t> at =
      text.size() == 16 && (text[10] == ' ' || text[10] == 'T')
          ? ChinaTimeSeconds(std::string_view(text).substr(0, 10), std::string_view(text).substr(11))
          : std::nullopt;
  if (!at)
    return Status::InvalidArgument("--now 应为北京时间 \"YYYY-MM-DD HH:MM\"：" + text,
                                   "--now takes China time \"YYYY-MM-DD HH:MM\": " + text);
  return *at;
}

std::string Table(const std::vector<notifications::SentNotice>& sent) {
  std::string out = "kind\tchannel\tto\trecord\ttext\n";
  for (const auto& s : sent)
    out += s.kind + "\t" + s.channel + "\t" + s.to + "\t" + s.ledger + "/" + std::to_string(s.record_id) + "\t" + s.text + "\n";
  return out + "已发送 " + std::to_string(sent.size()) + " 条 / sent " + std::to_string(sent.size()) + "\n";
}

boost::json::object Json(int64_t now, const std::vector<notifications::SentNotice>& sent) {
  boost::json::array items;
  for (const auto& s : sent)
    items.push_back({{"kind", s.kind}, {"channel", s.channel}, {"to", s.to}, {"ledger", s.ledger},
                     {"record_id", s.record_id}, {"text", s.text}});
  return {{"now", IsoUtcAt(now)}, {"sent", std::move(items)}};
}

// Posts what the pass queued for the gateway (and anything queued before), as serve's relay would;
// what the gateway refused stays queued for serve's relay or the next run. Says so on stderr.
Status RelayQueued(ServiceContext& context, const GatewayOptions& options) {
  HttpGatewaySender gateway(options);
  const RelayPolicy policy = RelayPolicyFor(options.timeout);
  GatewayRelay relay(context, gateway, policy);
  RelayOutcome outcome;
  for (;;) {  // passes of rows_per_pass until one finds fewer due (a refused row waits its retry time)
    SH_ASSIGN_OR_RETURN(RelayOutcome pass, relay.RelayDue());
    outcome.sent += pass.sent;
    outcome.retried += pass.retried;
    outcome.failed += pass.failed;
    if (pass.sent + pass.retried + pass.failed < policy.rows_per_pass) break;
  }
  if (outcome.retried + outcome.failed > 0)
    std::cerr << "短信网关未接收 " << outcome.retried + outcome.failed << " 条（" << outcome.retried
              << " 条稍后重试）/ the SMS gateway refused " << outcome.retried + outcome.failed << " ("
              << outcome.retried << " to retry)\n";
  return Status::Ok();
}

Status Run(const Args& a) {
  SH_ASSIGN_OR_RETURN(int64_t now, NowOf(a.now));
  SH_ASSIGN_OR_RETURN(GatewayOptions gateway, GatewayOf(a.sms_gateway));
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  // The texts go where serve's do: through a connection opened once the gateway is set.
  c.env->set_sms_gateway(gateway);
  SH_ASSIGN_OR_RETURN(std::unique_ptr<AppConn> sending_conn, AppConn::Open(*c.env, false));
  // The matcher judges availability on the same day, over a connection of its own.
  SH_ASSIGN_OR_RETURN(std::unique_ptr<AppConn> matching_conn, AppConn::Open(*c.env, false));
  matching::MatchService matches(matching_conn->db(), c.env->vault(), Clock::Fixed(now));
  SH_RETURN_IF_ERROR(matches.Load());
  notifications::NotificationRunner runner(sending_conn->db(), c.env->vault(), sending_conn->messages(), matches,
                                           {.public_url = a.public_url});
  SH_ASSIGN_OR_RETURN(std::vector<notifications::SentNotice> sent, runner.RunDue(now));
  if (!gateway.url.empty()) SH_RETURN_IF_ERROR(RelayQueued(sending_conn->context(), gateway));
  if (a.format == "json") std::cout << boost::json::serialize(Json(now, sent)) << "\n";
  else std::cout << Table(sent);
  return Status::Ok();
}

}  // namespace

void RegisterNotify(CLI::App& app) {
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("notify", "即时联系：发送到期的通知（新岗位、面试提醒、90天再确认）/ "
                                               "send the notices due (new jobs, interview reminders, the 90-day re-ask)");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("--now", a->now, "按北京时间该时刻判断 \"YYYY-MM-DD HH:MM\"（默认现在）/ as at this China time");
  cmd->add_option("--format", a->format, "table | json")->check(CLI::IsMember({"table", "json"}));
  AddSmsGatewayFlags(*cmd, a->sms_gateway);
  cmd->add_option("--public-url", a->public_url,
                  "求职者短信中手机页的网址前缀，如 https://jiuye.example.cn / the site's address in seekers' messages");
  cmd->callback([a] { ExitCode() = PrintError(Run(*a)); });
}

}  // namespace shanhai::cli
