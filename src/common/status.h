// Errors as values. A Status is either ok or one of a closed set of codes with a
// message in Chinese and English and optional per-field details (row, field, reason).
// One table (status.cc) maps codes to HTTP statuses, stable API codes and CLI exit codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace shanhai {

enum class Code {
  kOk,
  kInvalidArgument,
  kNotFound,
  kConflict,
  kPermissionDenied,
  kUnauthenticated,
  kUnavailable,
  kInternal,
};

// One problem with one input value. row is 1-based as a spreadsheet shows it (0 = not a row).
struct FieldError {
  int64_t row = 0;
  std::string field;  // column/field key, e.g. "start_date"
  std::string message_zh;
  std::string message_en;
};

class Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string zh, std::string en) { return {Code::kInvalidArgument, std::move(zh), std::move(en)}; }
  static Status NotFound(std::string zh, std::string en) { return {Code::kNotFound, std::move(zh), std::move(en)}; }
  static Status Conflict(std::string zh, std::string en) { return {Code::kConflict, std::move(zh), std::move(en)}; }
  static Status PermissionDenied(std::string zh, std::string en) { return {Code::kPermissionDenied, std::move(zh), std::move(en)}; }
  static Status Unauthenticated(std::string zh, std::string en) { return {Code::kUnauthenticated, std::move(zh), std::move(en)}; }
  static Status Unavailable(std::string zh, std::string en) { return {Code::kUnavailable, std::move(zh), std::move(en)}; }
  static Status Internal(std::string en) { return {Code::kInternal, "内部错误：" + en, std::move(en)}; }
  // A validation failure carrying every field problem found.
  static Status Invalid(std::vector<FieldError> details);
  // InvalidArgument about one input field (not a row), so a form can put the message under it.
  static Status InvalidField(const std::string& field, std::string zh, std::string en) {
    Status s = InvalidArgument(zh, en);
    s.details_.push_back(FieldError{0, field, std::move(zh), std::move(en)});
    return s;
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message_zh() const { return zh_; }
  const std::string& message_en() const { return en_; }
  const std::vector<FieldError>& details() const { return details_; }
  Status& WithDetails(std::vector<FieldError> d) { details_ = std::move(d); return *this; }
  // "zh / en", plus one line per detail; what the CLI prints.
  std::string ToString() const;

 private:
  Status(Code c, std::string zh, std::string en) : code_(c), zh_(std::move(zh)), en_(std::move(en)) {}
  Code code_ = Code::kOk;
  std::string zh_, en_;
  std::vector<FieldError> details_;
};

// Stable lower-case code for the API, e.g. "invalid_argument".
const char* CodeName(Code c);
int HttpStatusFor(Code c);
// 0 ok, 1 a user's mistake (bad input, not found, conflict, denied), 2 internal/unavailable.
int ExitCodeFor(Code c);

// A value or the Status saying why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}    // NOLINT: must not be ok
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace shanhai

// Return early from a function returning Status or Result<...>.
#define SH_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::shanhai::Status sh_status_ = (expr);  \
    if (!sh_status_.ok()) return sh_status_; \
  } while (0)

#define SH_CONCAT_INNER(a, b) a##b
#define SH_CONCAT(a, b) SH_CONCAT_INNER(a, b)
// SH_ASSIGN_OR_RETURN(auto x, Compute()); declares x from a Result or returns its Status.
#define SH_ASSIGN_OR_RETURN(lhs, rexpr) SH_ASSIGN_OR_RETURN_IMPL(SH_CONCAT(sh_result_, __LINE__), lhs, rexpr)
#define SH_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                             \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()
