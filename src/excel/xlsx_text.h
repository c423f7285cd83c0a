// OOXML string escapes: characters XML cannot carry (control characters such as CR) are stored
// as _xHHHH_ in cell text, and a literal "_x" followed by 4 hex digits and "_" as _x005F_xHHHH_.
#pragma once

#include <string>

namespace shanhai::excel {

// Decodes every _xHHHH_ escape in text, in place; text without "_x" is left untouched (fast path).
// Escapes of surrogate or invalid code points are kept literally.
void DecodeOoxmlEscapes(std::string& text);

}  // namespace shanhai::excel
