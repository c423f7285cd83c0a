// One place that turns "a database URL" into ready services.
//
//   AppEnv  — process-wide, immutable after Open: the URL, the PII vault (from the data key),
//             the evidence directory, the change feed (with the operators' tally, and the
//             follower serve starts). Shared by all threads.
//   AppConn — one per thread: its own Database connection, the ServiceContext over it (the
//             connection's one audit log, dictionaries and clock), and the services sharing it.
//
// Data key location: SHANHAI_DATA_KEY if set; else --key / SHANHAI_KEY_FILE; else "<db>.key"
// beside a SQLite file, or "var/shanhai-postgres.key" for PostgreSQL.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/ice_servers.h"
#include "domain/accounts/account_service.h"
#include "domain/changes/change_follower.h"
#include "domain/changes/change_tally.h"
#include "domain/evidence/evidence_service.h"
#include "domain/imports/error_sheet_store.h"
#include "domain/job_seekers/job_seeker_login.h"
#include "domain/ledger/ledger_service.h"
#include "domain/matching/match_service.h"
#include "domain/messages/http_gateway_sender.h"
#include "domain/messages/outbox_service.h"
#include "security/pii_vault.h"
#include "storage/database.h"

namespace shanhai {

inline constexpr const char* kDefaultDbPath = "var/shanhai.db";

// DB from the flag, else $SHANHAI_DB, else var/shanhai.db.
std::string ResolveDbUrl(const std::string& flag);
bool IsPostgresUrl(const std::string& url);
// Key file for a database unless overridden (see above).
std::string KeyFileFor(const std::string& db_url, const std::string& flag);

class AppEnv {
 public:
  // create_key: make the key file if missing (init). Installs the audit chain's key (derived
  // from the data key) for the process. Errors: the key cannot be loaded.
  static Result<std::unique_ptr<AppEnv>> Open(const std::string& db_url, const std::string& key_file, bool create_key);

  const std::string& db_url() const { return db_url_; }
  const PiiVault& vault() const { return *vault_; }
  const std::string& evidence_dir() const { return evidence_dir_; }
  bool key_created() const { return key_created_; }
  // Login and password rules for the accounts of every connection opened afterwards (serve
  // sets them from its flags before starting; other commands keep the defaults).
  const IdentityPolicy& identity_policy() const { return identity_policy_; }
  void set_identity_policy(const IdentityPolicy& policy) { identity_policy_ = policy; }
  // Each account's daily key matches and reveals (domain/audit/disclosure_quota.h), for every
  // connection opened afterwards (serve sets them from its flags).
  const DisclosureLimits& disclosure_limits() const { return disclosure_limits_; }
  void set_disclosure_limits(const DisclosureLimits& limits) { disclosure_limits_ = limits; }
  // Where every connection's MessageSender sends (serve --sms-gateway): an empty url keeps the
  // outbox. Set before connections are opened.
  const GatewayOptions& sms_gateway() const { return sms_gateway_; }
  void set_sms_gateway(const GatewayOptions& options) { sms_gateway_ = options; }

  // The STUN/TURN servers handed to the browsers of remote interviews (serve sets them).
  const IceServers& ice_servers() const { return ice_servers_; }
  void set_ice_servers(IceServers servers) { ice_servers_ = std::move(servers); }

  // The process's change feed (domain/changes/change_feed.h): every connection's services
  // announce their commits to it. Thread-safe.
  ChangeFeed& changes() const { return *changes_; }
  const ChangeTally& change_tally() const { return *change_tally_; }
  // Starts the thread that delivers change_log to the feed, over a connection of its own
  // (serve does, before it serves). on_error: each failed poll. Errors: opening the connection
  // or reading the head; no follower then. Not thread-safe (call before serving).
  Status StartChangeFollower(FollowerOptions options, std::function<void(const Status&)> on_error);
  // Null unless StartChangeFollower succeeded.
  const ChangeFollower* change_follower() const { return change_follower_.get(); }

  // The job-matching service (domain/matching/match_service.h) over a connection of its own:
  // builds the index from the database, then follows the change feed (serve starts it after
  // the follower). Errors: opening the connection, loading. Not thread-safe (call before serving).
  Status StartMatching();
  // Null unless StartMatching succeeded. The service itself is thread-safe.
  matching::MatchService* matching() const { return matching_.get(); }

 private:
  std::string db_url_;
  std::unique_ptr<PiiVault> vault_;
  std::string evidence_dir_;
  bool key_created_ = false;
  IdentityPolicy identity_policy_;
  DisclosureLimits disclosure_limits_;
  GatewayOptions sms_gateway_;
  IceServers ice_servers_;
  // In this order: the follower stops, then the matching service and the tally unsubscribe,
  // before the feed goes (and the service before its connection).
  std::unique_ptr<ChangeFeed> changes_ = std::make_unique<ChangeFeed>();
  std::unique_ptr<ChangeTally> change_tally_ = std::make_unique<ChangeTally>(*changes_);
  std::unique_ptr<Database> matching_db_;
  std::unique_ptr<matching::MatchService> matching_;
  std::unique_ptr<ChangeFollower> change_follower_;
};

class AppConn {
 public:
  // Opens a connection. migrate: apply pending migrations first (init, serve start-up), then
  // chain audit rows written before the chain existed.
  // Errors: Unavailable if the DB cannot be opened; Unavailable with "run shanhai init"
  // if the schema is missing or older than this binary's and migrate is false.
  // db_observer, if set, receives each statement's duration in seconds (server metrics).
  static Result<std::unique_ptr<AppConn>> Open(const AppEnv& env, bool migrate,
                                               std::function<void(double)> db_observer = {});

  Database& db() { return *db_; }
  // The one context every service of this connection was handed (its audit log, dictionaries, clock…).
  ServiceContext& context() { return *context_; }
  LedgerService& ledgers() { return *ledgers_; }
  AccountService& accounts() { return *accounts_; }
  EvidenceService& evidence() { return *evidence_; }
  ErrorSheetStore& error_sheets() { return *error_sheets_; }
  // The connection's sender: the outbox, queueing for the relay to AppEnv::sms_gateway() when one
  // is set (domain/messages/gateway_relay.h; serve and notify run the relay).
  MessageSender& messages() { return *messages_; }
  OutboxService& outbox() { return *outbox_; }
  JobSeekerLogin& job_seekers() { return *job_seekers_; }
  // The actor of the session cookie's token: a staff session's (accounts().Authenticate, which
  // fills csrf_out and flags), else a job seeker's (job_seekers().Authenticate: the same cookie,
  // the token in one table only; flags left as they are). Either refreshes the session's idle
  // timer. Unauthenticated unless it is a live session; the database's errors.
  Result<Actor> AuthenticateSession(const std::string& token, std::string* csrf_out, SessionFlags* flags);

 private:
  // Declared in dependency order, so destroyed services first, then the context (which owns the
  // connection's AuditLog and DictionaryService), then the connection.
  std::unique_ptr<Database> db_;
  std::unique_ptr<ServiceContext> context_;
  std::unique_ptr<LedgerService> ledgers_;
  std::unique_ptr<AccountService> accounts_;
  std::unique_ptr<EvidenceService> evidence_;
  std::unique_ptr<ErrorSheetStore> error_sheets_;
  std::unique_ptr<MessageSender> messages_;
  std::unique_ptr<OutboxService> outbox_;
  std::unique_ptr<JobSeekerLogin> job_seekers_;
};

}  // namespace shanhai
