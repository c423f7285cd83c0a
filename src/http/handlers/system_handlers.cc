// /metrics (Prometheus text) and /api/openapi.json (this API's description, from the route table).
#include "http/handlers/handlers.h"
#include "http/metrics.h"

namespace shanhai::handlers {

Result<Reply> Metrics(RequestContext&) {
  return Reply::Text(GlobalMetrics().RenderPrometheus(), std::string(kPrometheusContentType));
}

Result<Reply> OpenApi(RequestContext&) {
  // The table is fixed at build time, so the document is made once (thread-safe static).
  static const std::string document = OpenApiDocument(BuildApiRoutes());
  return Reply::JsonText(document);
}

}  // namespace shanhai::handlers
