// The one interface through which the platform sends text messages to a mobile number (job
// seekers' one-time codes, staff notices). Which implementation a process uses is configured at
// `serve` (outbox by default, an SMS gateway with --sms-gateway); callers never know which.
#pragma once

#include <string>

#include "common/status.h"

namespace shanhai {

struct OutgoingMessage {
  std::string mobile;         // 11 digits, as ParseMobile returns them
  std::string text;           // the whole message; may hold a secret (a code): never log it
  std::string purpose;        // what it is for, e.g. "otp_login" (kept in the clear)
  std::string helped_region;  // the recipient's helped county where known ("" otherwise)
  std::string home_region;    // the recipient's own region (village, town) where known ("" otherwise)
};

class MessageSender {
 public:
  virtual ~MessageSender() = default;
  // Hands message on for delivery. Ok once it is stored (outbox) or accepted (gateway); errors
  // name the failure in both languages and never contain the text. Thread safety: as the
  // implementation's (both are per connection, like the Database).
  virtual Status Send(const OutgoingMessage& message) = 0;
};

}  // namespace shanhai
