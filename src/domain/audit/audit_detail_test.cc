#include "domain/audit/audit_detail.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(AuditDetailValue, OrdinaryNamesStayAsTheyAre) {
  EXPECT_EQ(AuditDetailValue("结对单位"), "结对单位");
  EXPECT_EQ(AuditDetailValue("book.xlsx"), "book.xlsx");
}

TEST(AuditDetailValue, ANameThatCouldPassForKeysOrSeparatorsIsQuoted) {
  EXPECT_EQ(AuditDetailValue("x empty_sheets=y"), "\"x empty_sheets=y\"");
  EXPECT_EQ(AuditDetailValue("a,b"), "\"a,b\"");
  EXPECT_EQ(AuditDetailValue("say \"hi\" \\o/"), "\"say \\\"hi\\\" \\\\o/\"");
  EXPECT_EQ(AuditDetailValue("tab\there"), "\"tab\there\"");
  EXPECT_EQ(AuditDetailValue(""), "\"\"");
}

TEST(AuditDetailList, CommasSeparateOnlyTheValues) {
  EXPECT_EQ(AuditDetailList({}), "");
  EXPECT_EQ(AuditDetailList({"结对单位", "交流互访"}), "结对单位,交流互访");
  EXPECT_EQ(AuditDetailList({"a,b", "c"}), "\"a,b\",c");
}

}  // namespace
}  // namespace shanhai
