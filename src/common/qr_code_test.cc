#include "common/qr_code.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

const char kUri[] = "otpauth://totp/Shanhai:admin?secret=MZXW6YTBOI&issuer=Shanhai";

TEST(QrCode, SvgIsASquareOfModulesWithAQuietZone) {
  Result<std::string> svg = QrSvg(kUri);
  ASSERT_TRUE(svg.ok()) << svg.status().ToString();
  EXPECT_EQ(svg->rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", 0), 0u);
  // A version-4 code (33 modules) holds this URI at level M; plus 4 quiet modules each side.
  EXPECT_NE(svg->find("viewBox=\"0 0 41 41\""), std::string::npos) << svg->substr(0, 120);
  // The top-left finder pattern starts at the quiet zone's corner.
  EXPECT_NE(svg->find("d=\"M4 4h1v1h-1z"), std::string::npos);
  EXPECT_EQ(svg->substr(svg->size() - 6), "</svg>");
}

TEST(QrCode, TerminalDrawsTwoModuleRowsPerLine) {
  Result<std::string> text = QrTerminal(kUri);
  ASSERT_TRUE(text.ok());
  size_t lines = 0;
  for (char c : *text) lines += c == '\n';
  EXPECT_EQ(lines, (33u + 4u + 1u) / 2u);
}

TEST(QrCode, RefusesTextTooLongForAnyVersion) {
  EXPECT_EQ(QrSvg(std::string(8000, 'x')).status().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace shanhai
