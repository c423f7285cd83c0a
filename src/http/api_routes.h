// The API's route table and the context its handlers receive. A handler is a thin adapter: it
// parses the request, calls a service with the request's actor, and returns what to answer
// (http/reply.h) or the service's Status; the dispatcher turns either into HTTP.
//
// The table is one literal list in routes.cc (kRouteTable): method, path, handler, permission,
// the ledgers it serves, request body and summary. A row that serves ledgers is expanded once
// per ledger it serves; the router, the permission check and the OpenAPI document are all built
// from the expanded list, BuildApiRoutes().
#pragma once

#include <string>
#include <vector>

#include "app/app_context.h"
#include "http/http_types.h"
#include "http/reply.h"

namespace shanhai {

struct LedgerDef;
struct TransitionDef;
class SignallingHub;

struct RequestContext {
  HttpRequest& request;
  Actor actor;         // the session's user (empty name for public routes)
  AppConn& conn;       // this thread's database connection and services
  const AppEnv& env;
  std::string csrf_token;
  SessionFlags session_flags;  // what the session must do before using the rest of the API
  const LedgerDef* ledger = nullptr;  // the ledger the route serves (set for per-ledger routes)
  const TransitionDef* transition = nullptr;  // the transition it takes (set for per-transition routes)
  SignallingHub* signalling = nullptr;  // the process's relay of interview signalling (set by ApiApp)

  // The route's ledger; only for handlers of per-ledger rows (where it is always set).
  const LedgerDef& Ledger() const { return *ledger; }
  // The route's transition; only for handlers of per-transition rows (where it is always set).
  const TransitionDef& Transition() const { return *transition; }
};

// A handler: a named function in handlers/*.cc (declared in handlers/handlers.h).
using ApiHandler = Result<Reply> (*)(RequestContext&);

// Route permissions beyond "module:entity:action":
inline constexpr const char* kPublic = "";           // no session needed
inline constexpr const char* kSession = "session";   // any logged-in user; the service decides

// Which ledgers a row of the table serves: nullptr (kNoLedger) for none, else a predicate; the row
// becomes one route per ledger for which it holds.
using LedgerFilter = bool (*)(const LedgerDef&);
inline constexpr LedgerFilter kNoLedger = nullptr;
bool EveryLedger(const LedgerDef& def);
bool LedgersWithSensitiveFields(const LedgerDef& def);  // those with a reveal route
bool LedgersWithWorkflow(const LedgerDef& def);         // those with transition routes
// All but line ledgers, which have no import template and no evidence of their own (their
// records are written with their parent; their direct write routes answer so).
bool LedgersWrittenDirectly(const LedgerDef& def);

// The request body a route takes, for the OpenAPI document.
enum class RequestBody {
  kNone,
  kJson,         // a JSON object of the route's own members
  kLedgerRecord, // the ledger's record (its schema in the document)
  kLedgerChange, // the members of the ledger's record to change, each optional ("<ledger>_change")
  kFile,         // multipart/form-data with the upload in the field "file"
};

// One row of the literal table.
struct RouteRow {
  const char* method;
  // The path; in a per-ledger row "<ledger>" stands for the ledger's base path,
  // "/api/v1/<module>/<ledger>". A per-ledger row whose path ends in "<transition>" is expanded
  // once per transition of the ledger's workflow, its permission being the transition's.
  const char* path;
  ApiHandler handler;
  // kPublic, kSession or "module:entity:action"; in a per-ledger row the ledger's action
  // ("list" → "<module>:<ledger>:list").
  const char* permission;
  LedgerFilter ledgers;
  RequestBody body;
  const char* summary;  // one line for the OpenAPI document; per-ledger rows follow the ledger's label
};

// A route as served: a row, expanded for one ledger when it serves ledgers.
struct ApiRoute {
  std::string method;
  std::string path;        // "/api/v1/exchange/visits/{id}"
  std::string permission;  // "exchange:visits:read", kSession or kPublic
  ApiHandler handler;
  const LedgerDef* ledger = nullptr;  // the ledger it serves, or nullptr
  const TransitionDef* transition = nullptr;  // the transition it takes, or nullptr
  RequestBody body = RequestBody::kNone;
  std::string summary;
};

// Every route of the API, in the table's order (per-ledger rows in AllLedgers() order).
// Pure; the same list on every call.
std::vector<ApiRoute> BuildApiRoutes();

// "/api/v1/<module>/<ledger>"
std::string LedgerBasePath(const LedgerDef& def);

// True for the routes a session may use while its password must change (me, password,
// logout), and, with enrolling_totp, while an administrator must enrol TOTP (those and the
// TOTP enrolment routes).
bool AllowedBeforeSetup(const ApiRoute& route, bool enrolling_totp);

// True for the routes a job seeker's session may use (domain/job_seekers): its own pages, the
// interview room of its applications (whose service checks the person) and logout. Every other route answers a job seeker 403, whatever it needs of staff.
bool JobSeekerRoute(const ApiRoute& route);

// The OpenAPI 3 document of routes (JSON text).
std::string OpenApiDocument(const std::vector<ApiRoute>& routes);

}  // namespace shanhai
