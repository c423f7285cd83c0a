// Rewrites the portable `?` parameter markers into PostgreSQL's numbered $1, $2, ...
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace shanhai {

struct NumberedSql {
  std::string sql;     // the statement with every `?` marker replaced by $n
  int parameters = 0;  // how many markers were replaced
};

// Replaces each `?` outside of '...' literals (including E'...' with backslash escapes),
// "..." identifiers, -- line comments and /* */ block comments, in order, by $1, $2, ...
// Limitation: PostgreSQL's jsonb operators ?, ?| and ?& are rewritten too; use
// jsonb_exists()/jsonb_exists_any()/jsonb_exists_all() instead. Dollar-quoted strings are not recognised.
NumberedSql NumberPlaceholders(std::string_view sql);

}  // namespace shanhai
