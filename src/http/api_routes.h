// The API's route table and the context its handlers receive. A handler is a thin adapter:
// it parses the request, calls a service with the request's actor, and serialises the result.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "http/http_types.h"

namespace shanhai {

struct RequestContext {
  HttpRequest& request;
  Actor actor;         // the session's user (empty name for public routes)
  AppConn& conn;       // this thread's database connection and services
  const AppEnv& env;
  std::string csrf_token;
  SessionFlags session_flags;  // what the session must do before using the rest of the API
};

using ApiHandler = std::function<HttpResponse(RequestContext&)>;

// Route permissions beyond "module:entity:action":
inline constexpr const char* kPublic = "";           // no session needed
inline constexpr const char* kSession = "session";   // any logged-in user; the service decides

struct ApiRoute {
  std::string method;
  std::string path;        // "/api/v1/exchange/visits/{id}"
  std::string permission;  // "exchange:visits:read", kSession or kPublic
  ApiHandler handler;
  std::string summary;     // one line for the OpenAPI document
};

// Every route of the API (ledger routes are generated per ledger).
std::vector<ApiRoute> BuildApiRoutes();

// Handler groups (one file each under handlers/).
void AddAuthRoutes(std::vector<ApiRoute>& routes);
void AddLedgerRoutes(std::vector<ApiRoute>& routes);
void AddTransitionRoutes(std::vector<ApiRoute>& routes);  // workflow transitions of the ledgers that declare one
void AddLedgerFileRoutes(std::vector<ApiRoute>& routes);
void AddIndicatorRoutes(std::vector<ApiRoute>& routes);
void AddAdminRoutes(std::vector<ApiRoute>& routes);
void AddAuditRoutes(std::vector<ApiRoute>& routes);
void AddRoleRoutes(std::vector<ApiRoute>& routes);
void AddMetaRoutes(std::vector<ApiRoute>& routes);
void AddDictionaryRoutes(std::vector<ApiRoute>& routes);
void AddIdentityRoutes(std::vector<ApiRoute>& routes);
void AddChangeRoutes(std::vector<ApiRoute>& routes);

// True for the routes a session may use while its password must change (me, password,
// logout), and, with enrolling_totp, while an administrator must enrol TOTP (those and the
// TOTP enrolment routes).
bool AllowedBeforeSetup(const ApiRoute& route, bool enrolling_totp);

// The OpenAPI 3 document of routes.
std::string OpenApiDocument(const std::vector<ApiRoute>& routes);

}  // namespace shanhai
