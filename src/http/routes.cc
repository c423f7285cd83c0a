// The one route table: method, path, permission and handler of every API endpoint.
#include "http/api_routes.h"

namespace shanhai {

std::vector<ApiRoute> BuildApiRoutes() {
  std::vector<ApiRoute> routes;
  AddAuthRoutes(routes);
  AddMetaRoutes(routes);
  AddLedgerRoutes(routes);
  AddTransitionRoutes(routes);
  AddLedgerFileRoutes(routes);
  AddIndicatorRoutes(routes);
  AddAdminRoutes(routes);
  AddAuditRoutes(routes);
  AddRoleRoutes(routes);
  AddDictionaryRoutes(routes);
  AddIdentityRoutes(routes);
  AddChangeRoutes(routes);
  return routes;
}

}  // namespace shanhai
