#include "storage/postgres/placeholders.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(PlaceholdersTest, NumbersMarkersInOrder) {
  NumberedSql n = NumberPlaceholders("INSERT INTO t (a, b, c) VALUES (?, ?,?)");
  EXPECT_EQ(n.sql, "INSERT INTO t (a, b, c) VALUES ($1, $2,$3)");
  EXPECT_EQ(n.parameters, 3);
}

TEST(PlaceholdersTest, LeavesLiteralsIdentifiersAndCommentsAlone) {
  NumberedSql n = NumberPlaceholders(
      "SELECT 'why?', \"col?\", 'it''s ?' FROM t -- who?\nWHERE a = ? /* b = ? /* nested ? */ ? */ AND b = ?");
  EXPECT_EQ(n.sql,
            "SELECT 'why?', \"col?\", 'it''s ?' FROM t -- who?\nWHERE a = $1 /* b = ? /* nested ? */ ? */ AND b = $2");
  EXPECT_EQ(n.parameters, 2);
}

TEST(PlaceholdersTest, EscapeStringsHonourBackslashQuotes) {
  // In E'...' a \' does not end the literal, so the ? after it is still inside.
  NumberedSql n = NumberPlaceholders("SELECT E'a\\'?', ? , NAME'x?'");
  EXPECT_EQ(n.sql, "SELECT E'a\\'?', $1 , NAME'x?'");
  EXPECT_EQ(n.parameters, 1);
}

TEST(PlaceholdersTest, UnterminatedLiteralAndTrailingCommentAreCopied) {
  EXPECT_EQ(NumberPlaceholders("SELECT ? -- end?").sql, "SELECT $1 -- end?");
  EXPECT_EQ(NumberPlaceholders("SELECT 'open ?").sql, "SELECT 'open ?");
  EXPECT_EQ(NumberPlaceholders("").parameters, 0);
}

}  // namespace
}  // namespace shanhai
