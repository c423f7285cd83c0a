// The HTTP application: route table lookup, authentication (session cookie), CSRF check on
// writes, permission check, then the handler; plus /healthz (public), /metrics and the
// OpenAPI document (both behind a session) and the console's static files. Thread-safe: each worker thread lazily opens
// its own database connection.
#pragma once

#include <memory>

#include "app/app_context.h"
#include "http/api_routes.h"
#include "http/router.h"
#include "http/static_files.h"
#include "security/permissions.h"

namespace shanhai {

inline constexpr const char* kSessionCookie = "shanhai_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";
// Who may read GET /metrics (the system administrator's permission).
inline constexpr const char* kMetricsPermission = kSystemDuty;

class ApiApp {
 public:
  // env and static_files must outlive the app.
  ApiApp(const AppEnv& env, const StaticFiles& static_files);
  HttpResponse Handle(HttpRequest& request);

 private:
  HttpResponse Dispatch(HttpRequest& request, const ApiRoute& route);
  Result<AppConn*> ThreadConnection();

  const AppEnv& env_;
  const StaticFiles& static_files_;
  std::vector<ApiRoute> routes_;
  Router router_;
  std::string openapi_;
};

}  // namespace shanhai
