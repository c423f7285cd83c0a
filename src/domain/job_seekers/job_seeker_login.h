// The login of job seekers (求职者) by mobile number and a one-time code (一次性验证码), their
// sessions and their own profile. A job seeker is a person of the registry (people.id), not a
// staff account: its actor (Actor::person_id set, role "job_seeker", the one grant
// kJobSeekerPermission) reaches only the job seekers' own routes.
//
// Codes: 6 random digits, handed to the connection's MessageSender, kept only as a keyed hash
// (PiiVault::LookupHash over the number's hash and the code: a stolen table without the data key
// cannot be searched by trying the million codes), valid code_ttl_seconds, single use, and
// dropped after max_attempts wrong tries. Neither the code nor the number is written to the audit
// log or any error: the audit rows name the person's record id only.
// Rate limits (otp_throttle.h): code requests per number and per client address (an IPv6 one by
// its /64, AddressSubject), wrong codes per client address. A request is answered the same whether or not the number belongs to someone,
// so numbers cannot be probed; a number shared by several people logs in the one with the
// lowest id (a doubt recorded in the README).
// Thread safety: none; one per connection, like its ServiceContext.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "domain/job_seekers/otp_throttle.h"
#include "domain/ledger/actor.h"
#include "domain/messages/message_sender.h"
#include "domain/service_context.h"

namespace shanhai {

inline constexpr const char* kJobSeekerRole = "job_seeker";
// The one grant of a job seeker's actor; staff roles' "*:*:read" covers it too, but the
// job seekers' handlers refuse any actor that is not a job seeker.
inline constexpr const char* kJobSeekerPermission = "labor:me:read";
inline constexpr const char* kOtpPurpose = "otp_login";

struct OtpPolicy {
  int64_t code_ttl_seconds = 5 * 60;
  int64_t max_attempts = 5;  // wrong codes before a code is dropped
  RateLimit per_number{5, 60 * 60, 60};   // requests: 5 an hour, one a minute
  RateLimit per_address{30, 60 * 60, 0};  // requests from one client address
  RateLimit failures_per_address{30, 60 * 60, 0};  // wrong codes from one client address
  int64_t session_idle_seconds = 15 * 60;
  int64_t session_lifetime_seconds = 2 * 60 * 60;
};

struct SeekerSession {
  std::string token;  // for the HttpOnly cookie; only its hash is stored
  std::string csrf_token;
  Actor actor;
};

// The signed-in person's own record, masked as staff without reveal see it.
struct SeekerProfile {
  int64_t person_id = 0;
  std::string name;
  std::string id_number_masked;  // 522727********0012
  std::string mobile_masked;     // 138****5678
  std::string region_code;       // home region (a village or town)
  std::string region_name;       // its full name from the province down
};

class JobSeekerLogin {
 public:
  using CodeSource = std::function<uint32_t()>;  // a uniformly random number below 1,000,000

  // context (database, vault — required —, clock, audit log) and sender must outlive the
  // service. random_code: the code source (libsodium's CSPRNG unless a test injects one).
  JobSeekerLogin(ServiceContext& context, MessageSender& sender, OtpPolicy policy = {},
                 CodeSource random_code = {});

  // A code for mobile, handed to the sender if the number is a person's. sender must write
  // where the caller's transaction reaches (the outbox, queueing for the gateway relay): it is
  // called inside the request's transaction, so a number's answer never waits on a network — the
  // relay's failures are its own to audit (gateway_relay.h). Errors: InvalidArgument (field
  // "mobile") for a number ParseMobile refuses; PermissionDenied with *retry_after_seconds set
  // while the number or address must wait; the sender's and the database's (nothing kept then).
  // Ok otherwise, whether or not anyone has that number.
  Status Request(const std::string& mobile, const std::string& remote, int64_t* retry_after_seconds = nullptr);
  // A session for the person of mobile if code is its live code (then the code is gone).
  // Errors: InvalidArgument for a malformed number or code (not 6 digits); PermissionDenied with
  // *retry_after_seconds while the address has too many wrong codes; Unauthenticated "wrong or
  // expired code" for every other failure (no code, expired, used, too many attempts, wrong).
  Result<SeekerSession> Verify(const std::string& mobile, const std::string& code, const std::string& remote,
                               int64_t* retry_after_seconds = nullptr);
  // The actor of a live seeker session; refreshes its idle timer. Unauthenticated otherwise.
  Result<Actor> Authenticate(const std::string& token, std::string* csrf_out);
  // Ends the session of token; Ok if there is none.
  Status Logout(const std::string& token, const Actor& actor);
  // The actor's own profile. PermissionDenied for an actor that is not a job seeker.
  Result<SeekerProfile> Profile(const Actor& actor);

  const OtpPolicy& policy() const { return policy_; }

 private:
  std::string CodeHash(const std::string& number_hash, const std::string& code) const;
  // Counts a wrong code from remote, and against the live code of that hash ("" = none) of
  // person_id, audited "otp_failed"; drops the code once its attempts reach max_attempts.
  Status RecordWrongCode(const std::string& number_hash, const std::string& live_code_hash, int64_t person_id,
                         const std::string& remote, int64_t now);

  ServiceContext& context_;
  MessageSender& sender_;
  OtpPolicy policy_;
  CodeSource random_code_;
  OtpThrottle throttle_;
};

// "job_seeker:<people.id>": the name a job seeker acts and is audited under.
std::string JobSeekerActorName(int64_t person_id);

}  // namespace shanhai
