// The HTTP application: route table lookup (routes.cc), authentication (session cookie), CSRF
// check on writes, permission check, then the handler, whose Result it turns into HTTP (a Status
// through HttpResponse::FromStatus, the one place errors become HTTP); plus /healthz (public,
// answered before routing) and the console's static files. Thread-safe: each worker thread
// lazily opens its own database connection.
#pragma once

#include <memory>

#include "app/app_context.h"
#include "http/api_routes.h"
#include "http/router.h"
#include "http/signalling_hub.h"
#include "http/static_files.h"
#include "security/permissions.h"

namespace shanhai {

inline constexpr const char* kSessionCookie = "shanhai_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

class ApiApp {
 public:
  // env and static_files must outlive the app.
  ApiApp(const AppEnv& env, const StaticFiles& static_files);
  HttpResponse Handle(HttpRequest& request);
  // The process's relay of interview signalling, for serve's sweep over its seats.
  SignallingHub& signalling() { return signalling_; }

 private:
  HttpResponse Dispatch(HttpRequest& request, const ApiRoute& route);
  Result<AppConn*> ThreadConnection();

  const AppEnv& env_;
  const StaticFiles& static_files_;
  std::vector<ApiRoute> routes_;
  Router router_;
  SignallingHub signalling_;  // the one relay of interview signalling in the process
};

}  // namespace shanhai
