#include "common/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <vector>

namespace shanhai {
namespace {

// The module grid of text (true = dark), square, without quiet zone.
Result<std::vector<std::vector<bool>>> Modules(std::string_view text) {
  const std::string copy(text);  // libqrencode wants a NUL-terminated string
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M),
                                                        &QRcode_free);
  if (!code) return Status::InvalidArgument("内容太长，无法生成二维码", "the text is too long for a QR code");
  const int n = code->width;
  std::vector<std::vector<bool>> grid(static_cast<size_t>(n), std::vector<bool>(static_cast<size_t>(n)));
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) grid[static_cast<size_t>(y)][static_cast<size_t>(x)] = code->data[y * n + x] & 1;
  return grid;
}

}  // namespace

Result<std::string> QrTerminal(std::string_view text) {
  SH_ASSIGN_OR_RETURN(auto grid, Modules(text));
  constexpr int kQuiet = 2;
  const int n = static_cast<int>(grid.size());
  const int size = n + 2 * kQuiet;
  auto dark = [&](int x, int y) {
    x -= kQuiet;
    y -= kQuiet;
    return x >= 0 && y >= 0 && x < n && y < n && grid[static_cast<size_t>(y)][static_cast<size_t>(x)];
  };
  std::string out;
  for (int y = 0; y < size; y += 2) {
    for (int x = 0; x < size; ++x) {
      // Foreground draws the upper module, background the lower one (30/40 black, 97/107 white).
      out += dark(x, y) ? "\x1b[30m" : "\x1b[97m";
      out += dark(x, y + 1) ? "\x1b[40m" : "\x1b[107m";
      out += "\u2580";
    }
    out += "\x1b[0m\n";
  }
  return out;
}

Result<std::string> QrSvg(std::string_view text) {
  SH_ASSIGN_OR_RETURN(auto grid, Modules(text));
  constexpr int kQuiet = 4;
  const int n = static_cast<int>(grid.size());
  const std::string size = std::to_string(n + 2 * kQuiet);
  std::string path;
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      if (grid[static_cast<size_t>(y)][static_cast<size_t>(x)])
        path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace shanhai
