#include "app/app_context.h"

#include <cstdlib>
#include <filesystem>

#include "domain/messages/outbox_sender.h"
#include "domain/audit/audit_chain.h"
#include "domain/ledger/at_rest_upgrade.h"
#include "indicators/indicator_engine.h"
#include "indicators/targets_sheet.h"
#include "security/data_key.h"
#include "storage/migrations.h"
#include "storage/timed_database.h"

namespace shanhai {

namespace {
constexpr const char* kPostgresKeyFile = "var/shanhai-postgres.key";
constexpr const char* kSchemaCheck = "SELECT COUNT(*) FROM schema_migrations";

// Unavailable, with the upgrade hint, if the schema predates this binary's migrations: the
// statements of the newer code would fail on it in obscure ways.
Status RequireCurrentSchema(Database& db, const std::string& db_url) {
  SH_ASSIGN_OR_RETURN(int64_t version, SchemaVersion(db));
  SH_ASSIGN_OR_RETURN(std::vector<Migration> migrations, EmbeddedMigrations());
  const int64_t latest = migrations.empty() ? 0 : migrations.back().version;
  if (version >= latest) return Status::Ok();
  return Status::Unavailable("数据库结构为第 " + std::to_string(version) + " 版，低于本程序的第 " + std::to_string(latest) +
                                 " 版，请先运行 shanhai init --db " + db_url + " 升级",
                             "the database schema is version " + std::to_string(version) + ", older than this binary's " +
                                 std::to_string(latest) + "; run shanhai init --db " + db_url + " to upgrade it");
}
}  // namespace

bool IsPostgresUrl(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string ResolveDbUrl(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("SHANHAI_DB"); env && *env) return env;
  return kDefaultDbPath;
}

std::string KeyFileFor(const std::string& db_url, const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("SHANHAI_KEY_FILE"); env && *env) return env;
  return IsPostgresUrl(db_url) ? kPostgresKeyFile : DataKeyPathFor(db_url);
}

Result<std::unique_ptr<AppEnv>> AppEnv::Open(const std::string& db_url, const std::string& key_file, bool create_key) {
  // Checked before the key, so a mistyped path gets the useful hint, and nothing is created.
  if (!create_key && !IsPostgresUrl(db_url) && !std::filesystem::exists(db_url))
    return Status::NotFound("数据库文件 " + db_url + " 不存在，请先运行 shanhai init --db " + db_url,
                            "database file " + db_url + " does not exist; run shanhai init --db " + db_url + " first");
  auto env = std::unique_ptr<AppEnv>(new AppEnv());
  env->db_url_ = db_url;
  const std::filesystem::path key_path(key_file);
  if (create_key && !std::getenv(kDataKeyEnv)) {
    std::error_code ec;
    if (key_path.has_parent_path() && !std::filesystem::exists(key_path.parent_path(), ec)) {
      std::filesystem::create_directories(key_path.parent_path(), ec);
      std::filesystem::permissions(key_path.parent_path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::replace, ec);
    }
    SH_ASSIGN_OR_RETURN(env->key_created_, CreateDataKeyIfMissing(key_file));
  }
  Result<DataKey> key = LoadDataKey(key_file);
  if (!key.ok())
    return Status::Unavailable(key.status().message_zh() + "（个人信息密钥丢失则加密数据无法读取，见 README 运维章节）",
                               key.status().message_en() + " (without the data key the encrypted personal data cannot "
                                                           "be read; see the README's operations section)");
  env->vault_ = std::make_unique<PiiVault>(*key);
  InstallAuditKey(*key);
  const std::string base = IsPostgresUrl(db_url) ? std::string("var") : key_path.parent_path().string();
  env->evidence_dir_ = (std::filesystem::path(base.empty() ? "." : base) / "evidence").string();
  return env;
}

Status AppEnv::StartChangeFollower(FollowerOptions options, std::function<void(const Status&)> on_error) {
  const std::string url = db_url_;
  SH_ASSIGN_OR_RETURN(change_follower_,
                      ChangeFollower::Start([url] { return Database::Open(url); }, *changes_, options, std::move(on_error)));
  return Status::Ok();
}

Status AppEnv::StartMatching() {
  SH_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(db_url_));
  auto service = std::make_unique<matching::MatchService>(*db, *vault_, Clock());
  SH_RETURN_IF_ERROR(service->Follow(*changes_));
  matching_db_ = std::move(db);
  matching_ = std::move(service);
  return Status::Ok();
}

Result<Actor> AppConn::AuthenticateSession(const std::string& token, std::string* csrf_out, SessionFlags* flags) {
  Result<Actor> actor = accounts_->Authenticate(token, csrf_out, flags);
  if (actor.ok() || actor.status().code() != Code::kUnauthenticated || token.empty()) return actor;
  Result<Actor> seeker = job_seekers_->Authenticate(token, csrf_out);
  // A token that is no seeker's either keeps the staff answer's words ("please log in" and the like).
  if (seeker.ok() || seeker.status().code() != Code::kUnauthenticated) return seeker;
  return actor;
}

Result<std::unique_ptr<AppConn>> AppConn::Open(const AppEnv& env, bool migrate,
                                               std::function<void(double)> db_observer) {
  auto conn = std::unique_ptr<AppConn>(new AppConn());
  SH_ASSIGN_OR_RETURN(conn->db_, Database::Open(env.db_url()));
  if (db_observer) conn->db_ = std::make_unique<TimedDatabase>(std::move(conn->db_), std::move(db_observer));
  if (migrate) {
    SH_ASSIGN_OR_RETURN(int64_t version_before, SchemaVersion(*conn->db_));
    SH_RETURN_IF_ERROR(Migrate(*conn->db_));
    // Rows written before the audit chain existed join it once, when the chain's migration runs
    // (see audit_chain.h); rows unchained later are tampering for `audit verify` to report.
    if (version_before > 0 && version_before < kAuditChainSchemaVersion)
      SH_RETURN_IF_ERROR(ChainUnchainedAuditEntries(*conn->db_, *InstalledAuditKey()).status());
    // Values sealed before schema 17 are padded and fingerprints keyed (at_rest_upgrade.h).
    SH_RETURN_IF_ERROR(CompletePendingAtRestUpgrade(*conn->db_, env.vault()));
  } else if (!conn->db_->Query(kSchemaCheck).ok()) {
    return Status::Unavailable("数据库尚未初始化，请先运行 shanhai init --db " + env.db_url(),
                               "the database has no schema yet; run shanhai init --db " + env.db_url());
  } else {
    SH_RETURN_IF_ERROR(RequireCurrentSchema(*conn->db_, env.db_url()));
  }
  conn->context_ = std::make_unique<ServiceContext>(*conn->db_, &env.vault(), Clock(), &env.changes());
  ServiceContext& context = *conn->context_;
  context.disclosure_limits = env.disclosure_limits();
  context.extra_checks["targets"] = TargetKeyCheck();
  context.sheet_forms["targets"] = TargetsSheetForm();
  conn->ledgers_ = std::make_unique<LedgerService>(context);
  conn->accounts_ = std::make_unique<AccountService>(context, env.identity_policy());
  conn->evidence_ = std::make_unique<EvidenceService>(context, *conn->ledgers_, env.evidence_dir());
  conn->error_sheets_ = std::make_unique<ErrorSheetStore>(context);
  conn->messages_ =
      std::make_unique<OutboxSender>(*conn->db_, env.vault(), context.clock, !env.sms_gateway().url.empty());
  conn->outbox_ = std::make_unique<OutboxService>(context);
  conn->job_seekers_ = std::make_unique<JobSeekerLogin>(context, *conn->messages_);
  return conn;
}

}  // namespace shanhai
