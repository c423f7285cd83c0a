#include "console/console_assets.h"

#include <cstdint>
#include <string>

#include "http/access_log.h"

// Bounds of the embedded pack (console_data.S).
extern "C" const char shanhai_console_pack_begin[];
extern "C" const char shanhai_console_pack_end[];

namespace shanhai {

namespace {

uint32_t ReadU32(std::string_view bytes, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<size_t>(i)]);
  return v;
}

Status Corrupt(size_t offset) {
  return Status::InvalidArgument("内置网页控制台数据损坏（偏移 " + std::to_string(offset) + "）",
                                 "the embedded console pack is corrupt at offset " + std::to_string(offset));
}

}  // namespace

Result<size_t> RegisterConsolePack(std::string_view pack, StaticFiles& files) {
  size_t at = 0;
  size_t count = 0;
  while (at < pack.size()) {
    if (pack.size() - at < 12) return Corrupt(at);
    const size_t path_len = ReadU32(pack, at);
    const size_t body_len = ReadU32(pack, at + 4);
    const size_t gzip_len = ReadU32(pack, at + 8);
    const size_t need = path_len + body_len + gzip_len;  // each < 2^32: no overflow in size_t
    if (pack.size() - at - 12 < need) return Corrupt(at);
    std::string_view path = pack.substr(at + 12, path_len);
    if (path.empty() || path.front() != '/') return Corrupt(at);
    std::string_view body = pack.substr(at + 12 + path_len, body_len);
    std::string_view gzip = pack.substr(at + 12 + path_len + body_len, gzip_len);
    files.Add(std::string(path), std::string(body), std::string(gzip));
    at += 12 + need;
    ++count;
  }
  return count;
}

std::string_view EmbeddedConsolePack() {
  return {shanhai_console_pack_begin, static_cast<size_t>(shanhai_console_pack_end - shanhai_console_pack_begin)};
}

void RegisterConsoleAssets(StaticFiles& files) {
  Result<size_t> n = RegisterConsolePack(EmbeddedConsolePack(), files);
  if (!n.ok()) LogError("console_pack_corrupt", {{"error", n.status().message_en()}});
}

}  // namespace shanhai
