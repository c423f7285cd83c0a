#include "storage/postgres/pg_url.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(PgUrlTest, RemovesPasswordFromUserInfo) {
  EXPECT_EQ(UrlWithoutPassword("postgresql://app:s3cr%40t@db.local:5432/shanhai?sslmode=require"),
            "postgresql://app@db.local:5432/shanhai?sslmode=require");
  EXPECT_EQ(UrlPassword("postgresql://app:s3cr%40t@db.local:5432/shanhai"), "s3cr@t");
}

TEST(PgUrlTest, RemovesPasswordQueryParameter) {
  EXPECT_EQ(UrlWithoutPassword("postgres://app@h/db?password=x&sslmode=disable"),
            "postgres://app@h/db?sslmode=disable");
  EXPECT_EQ(UrlWithoutPassword("postgres://h/db?sslmode=disable&password=x"), "postgres://h/db?sslmode=disable");
  EXPECT_EQ(UrlPassword("postgres://h/db?sslmode=disable&password=a%20b"), "a b");
}

TEST(PgUrlTest, UrlWithoutPasswordIsUnchanged) {
  for (const char* url : {"postgresql://postgres@127.0.0.1:55433/shanhai_test", "postgresql:///db",
                          "postgresql://h/db?options=-csearch_path%3Dx"}) {
    EXPECT_EQ(UrlWithoutPassword(url), url);
    EXPECT_EQ(UrlPassword(url), "");
  }
}

TEST(PgUrlTest, AtSignInPathIsNotUserInfo) {
  EXPECT_EQ(UrlWithoutPassword("postgresql://h:5432/db@x"), "postgresql://h:5432/db@x");
}

}  // namespace
}  // namespace shanhai
