// multipart/form-data (RFC 7578) body parsing for uploads: spreadsheet imports and
// evidence files. The whole body is already in memory (the server caps its size).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace shanhai {

struct MultipartPart {
  std::string name;          // form field name from Content-Disposition
  std::string filename;      // "" for plain fields; UTF-8; directory parts stripped
  std::string content_type;  // part's Content-Type, "" if absent (text/plain implied)
  std::string data;          // raw bytes, binary-safe
};

// The boundary parameter of a multipart/form-data Content-Type (quotes removed).
// Errors: InvalidArgument if the type is not multipart/form-data or the boundary is
// missing, empty or longer than 70 characters.
Result<std::string> MultipartBoundary(std::string_view content_type);

// Splits `body` into its parts, in order. `content_type` is the request's Content-Type
// header. Filenames may be given as filename="..." (raw UTF-8, as browsers send them)
// or filename*=UTF-8''percent-encoded (RFC 5987; preferred when both are present).
// Errors (InvalidArgument, zh/en): bad Content-Type, no opening boundary, a part
// without a header/body separator or without a name, no closing boundary, more than
// 1,000 parts. Pure function; thread-safe.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view content_type);

// The first part called `name`, or nullptr. The pointer is into `parts`.
const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace shanhai
