#include "common/status.h"

namespace shanhai {

Status Status::Invalid(std::vector<FieldError> details) {
  Status s(Code::kInvalidArgument, "输入有误", "invalid input");
  s.details_ = std::move(details);
  return s;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out = zh_ + " / " + en_;
  for (const FieldError& d : details_) {
    out += "\n  ";
    if (d.row > 0) out += "第" + std::to_string(d.row) + "行 row " + std::to_string(d.row) + ", ";
    if (!d.field.empty()) out += "[" + d.field + "] ";
    out += d.message_zh + " / " + d.message_en;
  }
  return out;
}

namespace {
struct CodeInfo {
  Code code;
  const char* name;
  int http;
  int exit;
};
// The one place codes meet HTTP statuses and exit codes.
constexpr CodeInfo kCodeTable[] = {
    {Code::kOk, "ok", 200, 0},
    {Code::kInvalidArgument, "invalid_argument", 400, 1},
    {Code::kNotFound, "not_found", 404, 1},
    {Code::kConflict, "conflict", 409, 1},
    {Code::kPermissionDenied, "permission_denied", 403, 1},
    {Code::kUnauthenticated, "unauthenticated", 401, 1},
    {Code::kUnavailable, "unavailable", 503, 2},
    {Code::kInternal, "internal", 500, 2},
};
const CodeInfo& Info(Code c) {
  for (const CodeInfo& i : kCodeTable)
    if (i.code == c) return i;
  return kCodeTable[7];
}
}  // namespace

const char* CodeName(Code c) { return Info(c).name; }
int HttpStatusFor(Code c) { return Info(c).http; }
int ExitCodeFor(Code c) { return Info(c).exit; }

}  // namespace shanhai
