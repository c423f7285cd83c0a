#include "cli/sms_gateway_flags.h"

#include <chrono>
#include <fstream>

namespace shanhai::cli {

void AddSmsGatewayFlags(CLI::App& cmd, SmsGatewayFlags& flags) {
  cmd.add_option("--sms-gateway", flags.url,
                 "短信网关 http://主机:端口/路径：验证码等短信以 JSON {mobile, text} POST 至此（缺省写入短信发件箱）/ "
                 "SMS gateway endpoint messages are POSTed to (default: the outbox)");
  cmd.add_option("--sms-gateway-token-file", flags.token_file,
                 "短信网关令牌文件（首行，作 Authorization: Bearer 发送）/ file holding the gateway's bearer token");
  cmd.add_option("--sms-gateway-timeout-ms", flags.timeout_ms, "短信网关超时（毫秒，默认 5000）/ gateway timeout, ms")
      ->check(CLI::Range(100, 60000));
}

Result<GatewayOptions> GatewayOf(const SmsGatewayFlags& flags) {
  GatewayOptions gateway;
  if (flags.url.empty()) {
    if (!flags.token_file.empty())
      return Status::InvalidArgument("--sms-gateway-token-file 须与 --sms-gateway 同用",
                                     "--sms-gateway-token-file needs --sms-gateway");
    return gateway;
  }
  SH_RETURN_IF_ERROR(CheckGatewayUrl(flags.url));
  gateway.url = flags.url;
  gateway.timeout = std::chrono::milliseconds(flags.timeout_ms);
  if (flags.token_file.empty()) return gateway;
  std::ifstream in(flags.token_file);
  if (in) std::getline(in, gateway.token);
  gateway.token.erase(gateway.token.find_last_not_of(" \t\r\n") + 1);
  if (gateway.token.empty())
    return Status::InvalidArgument("--sms-gateway-token-file：无法读取令牌：" + flags.token_file,
                                   "--sms-gateway-token-file: cannot read a token from " + flags.token_file);
  return gateway;
}

}  // namespace shanhai::cli
