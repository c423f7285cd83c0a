#include "app/ice_servers.h"

#include <fstream>

namespace shanhai {

namespace {

bool HasScheme(std::string_view url, std::string_view scheme) {
  return url.size() > scheme.size() && url.substr(0, scheme.size()) == scheme;
}

Status BadUrl(const std::string& url) {
  return Status::InvalidArgument("--ice-server 应为 stun:、stuns:、turn: 或 turns: 开头的地址：" + url,
                                 "--ice-server takes a stun:, stuns:, turn: or turns: URL: " + url);
}

}  // namespace

Result<IceServers> ParseIceServers(const std::vector<std::string>& urls, const std::string& turn_secret_file) {
  IceServers servers;
  for (const std::string& url : urls) {
    if (url.find_first_of(" \t\r\n") != std::string::npos) return BadUrl(url);
    if (HasScheme(url, "stun:") || HasScheme(url, "stuns:"))
      servers.stun_urls.push_back(url);
    else if (HasScheme(url, "turn:") || HasScheme(url, "turns:"))
      servers.turn_urls.push_back(url);
    else
      return BadUrl(url);
  }
  if (turn_secret_file.empty()) {
    if (!servers.turn_urls.empty())
      return Status::InvalidArgument("TURN 服务器须同时给出 --turn-secret-file（coturn 的 static-auth-secret）",
                                     "TURN servers need --turn-secret-file (coturn's static-auth-secret)");
    return servers;
  }
  if (servers.turn_urls.empty())
    return Status::InvalidArgument("--turn-secret-file 须与 turn: 或 turns: 的 --ice-server 同用",
                                   "--turn-secret-file goes with a turn: or turns: --ice-server");
  std::ifstream in(turn_secret_file);
  if (!in)
    return Status::InvalidArgument("--turn-secret-file 无法读取：" + turn_secret_file,
                                   "--turn-secret-file cannot be read: " + turn_secret_file);
  std::getline(in, servers.turn_secret);
  const size_t end = servers.turn_secret.find_last_not_of(" \t\r");
  servers.turn_secret.resize(end == std::string::npos ? 0 : end + 1);
  if (servers.turn_secret.empty())
    return Status::InvalidArgument("--turn-secret-file 的第一行为空：" + turn_secret_file,
                                   "the first line of --turn-secret-file is empty: " + turn_secret_file);
  return servers;
}

}  // namespace shanhai
