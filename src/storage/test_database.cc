#include "storage/test_database.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

namespace shanhai {
namespace {

constexpr const char* kPgUrlVariable = "SHANHAI_TEST_PG_URL";

const char* PgUrlFromEnvironment() {
  const char* url = std::getenv(kPgUrlVariable);
  return url != nullptr && *url != '\0' ? url : nullptr;
}

// Unique across processes (pid) and within one (counter); the random part guards against
// pid reuse by earlier runs that crashed before dropping their schema.
std::string UniqueSuffix() {
  static int counter = 0;
  std::random_device rd;
  return std::to_string(getpid()) + "_" + std::to_string(++counter) + "_" + std::to_string(rd() % 1000000);
}

}  // namespace

Result<std::unique_ptr<TestDatabase>> TestDatabase::Create(Dialect dialect) {
  std::unique_ptr<TestDatabase> t(new TestDatabase());
  std::string dir_template = (std::filesystem::temp_directory_path() / "shanhai-test-XXXXXX").string();
  if (mkdtemp(dir_template.data()) == nullptr) {
    return Status::Unavailable("无法创建临时目录", "cannot create a temporary directory");
  }
  t->dir_ = dir_template;
  if (dialect == Dialect::kSqlite) {
    t->url_ = t->dir_ + "/test.db";
  } else {
    const char* base = PgUrlFromEnvironment();
    if (base == nullptr) {
      return Status::InvalidArgument("未设置 SHANHAI_TEST_PG_URL", "SHANHAI_TEST_PG_URL is not set");
    }
    SH_ASSIGN_OR_RETURN(t->admin_, Database::Open(base));
    t->schema_ = "test_" + UniqueSuffix();
    SH_RETURN_IF_ERROR(t->admin_->ExecScript("CREATE SCHEMA " + t->schema_));
    const std::string base_url(base);
    t->url_ = base_url + (base_url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + t->schema_;
  }
  SH_ASSIGN_OR_RETURN(t->db_, Database::Open(t->url_));
  return t;
}

TestDatabase::~TestDatabase() {
  db_.reset();  // release its locks before the schema is dropped
  if (admin_ != nullptr && !schema_.empty()) (void)admin_->ExecScript("DROP SCHEMA " + schema_ + " CASCADE");
  std::error_code ec;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

std::string TestDatabase::TempPath(const std::string& file_name) const { return dir_ + "/" + file_name; }

std::vector<Dialect> TestDialects() {
  if (PgUrlFromEnvironment() != nullptr) return {Dialect::kSqlite, Dialect::kPostgres};
  // GoogleTest evaluates the generator once per test; say it once per process.
  static const bool said = [] {
    std::fprintf(stderr, "%s is not set: PostgreSQL test cases are not generated (SQLite only).\n", kPgUrlVariable);
    return true;
  }();
  (void)said;
  return {Dialect::kSqlite};
}

std::string DialectName(Dialect dialect) { return dialect == Dialect::kSqlite ? "Sqlite" : "Postgres"; }

}  // namespace shanhai
