// QR codes (Debian's libqrencode, error correction level M) for showing an otpauth:// URI to an
// authenticator app: in a terminal (shanhai user totp) and as SVG (the console).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

// The QR code of text drawn with ANSI colours and Unicode upper-half blocks (one character per
// module across, two modules per line), dark modules black on white with a 2-module quiet
// zone, so it scans on light and dark terminals alike. Errors: InvalidArgument if text is too
// long for a QR code. Thread-safe.
Result<std::string> QrTerminal(std::string_view text);

// The QR code of text as a standalone SVG document (one path of 1×1 squares, 4-module quiet
// zone, viewBox in modules). Errors as QrTerminal. Thread-safe.
Result<std::string> QrSvg(std::string_view text);

}  // namespace shanhai
