#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/ledger/ledger_service.h"
#include "http/api_routes.h"
#include "security/permissions.h"

namespace shanhai {
namespace {

// The expanded table: one route per method and path, per-ledger rows once per ledger they serve,
// each with that ledger's permission and base path.
TEST(RouteTable, PerLedgerRowsExpandOncePerLedgerWithTheLedgersPermission) {
  const std::vector<ApiRoute> routes = BuildApiRoutes();
  std::set<std::string> keys;
  std::map<const LedgerDef*, int> reveal_routes, list_routes;
  for (const ApiRoute& r : routes) {
    EXPECT_TRUE(keys.insert(r.method + " " + r.path).second) << r.method << " " << r.path << " twice";
    EXPECT_NE(r.handler, nullptr) << r.path;
    EXPECT_FALSE(r.summary.empty()) << r.path;
    if (!r.ledger) {
      EXPECT_EQ(r.path.find('<'), std::string::npos) << r.path;
      continue;
    }
    EXPECT_TRUE(r.path.starts_with(LedgerBasePath(*r.ledger))) << r.path;
    EXPECT_TRUE(r.permission.starts_with(r.ledger->module + ":" + r.ledger->name + ":")) << r.path << " " << r.permission;
    EXPECT_TRUE(r.summary.starts_with(r.ledger->label_zh)) << r.summary;
    if (r.path.ends_with("/reveal/{field}")) ++reveal_routes[r.ledger];
    if (r.method == "GET" && r.path == LedgerBasePath(*r.ledger)) {
      ++list_routes[r.ledger];
      EXPECT_EQ(r.permission, LedgerPermission(*r.ledger, "list"));
    }
  }
  for (const LedgerDef* def : AllLedgers()) {
    EXPECT_EQ(list_routes[def], 1) << def->name;
    EXPECT_EQ(reveal_routes[def], LedgersWithSensitiveFields(*def) ? 1 : 0) << def->name;
  }
  // Not a comparison of zeros: the people registry has a reveal route, the visits none.
  EXPECT_EQ(reveal_routes[FindLedger("people")], 1);
  EXPECT_EQ(reveal_routes[FindLedger("visits")], 0);
}

TEST(RouteTable, TheMetricsAndTheDocumentAreRowsToo) {
  bool metrics = false, document = false;
  for (const ApiRoute& r : BuildApiRoutes()) {
    if (r.method == "GET" && r.path == "/metrics") metrics = r.permission == kSystemDuty;
    if (r.method == "GET" && r.path == "/api/openapi.json") document = r.permission == kSession;
  }
  EXPECT_TRUE(metrics);
  EXPECT_TRUE(document);
}

}  // namespace
}  // namespace shanhai
