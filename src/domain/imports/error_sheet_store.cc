#include "domain/imports/error_sheet_store.h"

#include "security/tokens.h"

namespace shanhai {

namespace {

constexpr const char* kInsertSheet =
    "INSERT INTO import_error_sheets (token, owner, created_epoch, content) VALUES (?, ?, ?, ?)";
constexpr const char* kSelectSheet =
    "SELECT content FROM import_error_sheets WHERE token = ? AND owner = ? AND created_epoch > ?";
constexpr const char* kDeleteExpired = "DELETE FROM import_error_sheets WHERE created_epoch <= ?";

// The encryption context binds a sheet's content to its token.
std::string SheetContext(const std::string& token) { return "import_error_sheet:" + token; }

Status NoSuchSheet() { return Status::NotFound("没有该错误清单（或已过期）", "no such error sheet (or it has expired)"); }

}  // namespace

Result<std::string> ErrorSheetStore::Save(const std::string& owner, const std::string& bytes) {
  SH_RETURN_IF_ERROR(Purge().status());
  const std::string token = NewToken();
  SH_RETURN_IF_ERROR(db_.Execute(kInsertSheet, {token, owner, clock_.Seconds(), vault_.Encrypt(bytes, SheetContext(token))}).status());
  return token;
}

Result<std::string> ErrorSheetStore::Load(const std::string& owner, const std::string& token) {
  SH_RETURN_IF_ERROR(Purge().status());
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectSheet, {token, owner, clock_.Seconds() - kLifetimeSeconds}));
  if (rows.rows.empty()) return NoSuchSheet();
  return vault_.Decrypt(AsText(rows.rows[0][0]), SheetContext(token));
}

Result<int64_t> ErrorSheetStore::Purge() { return db_.Execute(kDeleteExpired, {clock_.Seconds() - kLifetimeSeconds}); }

}  // namespace shanhai
