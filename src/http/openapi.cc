// The OpenAPI 3 document, generated from the route table (so it cannot drift from the
// routes; a test checks every route appears) and the ledger declarations (schemas).
#include <boost/json.hpp>

#include "http/api_routes.h"
#include "domain/ledger/ledger_def.h"

namespace shanhai {

namespace {

boost::json::object FieldSchema(const FieldDef& f) {
  boost::json::object s;
  switch (f.type) {
    case FieldType::kInteger:
    case FieldType::kMoney:
    case FieldType::kBool:
    case FieldType::kRef: s["type"] = "integer"; break;
    default: s["type"] = "string";
  }
  if (s["type"] == "string") s["maxLength"] = f.MaxChars();
  if (f.type == FieldType::kDate) s["format"] = "date";
  if (f.type == FieldType::kEnum || f.type == FieldType::kSensitiveEnum) {
    boost::json::array values;
    for (const EnumOption& o : f.options) values.push_back(boost::json::string(o.code));
    s["enum"] = std::move(values);
  }
  s["description"] = f.label_zh + " / " + f.label_en + (f.type == FieldType::kMoney ? "（分 fen）" : "") +
                     (f.NeedsReveal() ? "；无 reveal 权限者只见掩码（出生日期只见年份），按此筛选、排序需 reveal 权限 / "
                                        "masked for users without reveal (a birth date shows its year); filtering or "
                                        "sorting by it needs reveal"
                                      : "");
  if (f.computed) s["readOnly"] = true;
  return s;
}

boost::json::object LedgerSchema(const LedgerDef& def) {
  boost::json::object properties{{"id", {{"type", "integer"}, {"readOnly", true}}},
                                 {"version", {{"type", "integer"}}}};
  boost::json::array required;
  if (def.pair_scoped) {
    properties["pair"] = {{"type", "string"}, {"example", "440111-522727"}, {"description", "帮扶关系代码"}};
    required.push_back("pair");
  }
  for (const FieldDef& f : def.fields) {
    properties[f.key] = FieldSchema(f);
    if (f.required && !f.computed) required.push_back(boost::json::string(f.key));
  }
  for (const LineSet& set : def.lines)
    properties[set.key] = {
        {"type", "array"}, {"minItems", set.min}, {"maxItems", set.max},
        {"items", {{"$ref", "#/components/schemas/" + set.ledger->name}}},
        {"description", set.ledger->label_zh + "（明细，随本记录一起写入）：修改时，带 id 的行修改该明细，不带 id 的行新增，"
                                               "未列出的删除；不带此键则明细不变 / " + set.ledger->label_en +
                            " (lines, written with this record): on an update, a line with an id changes that line, one "
                            "without adds a line, lines left out are deleted; without this key the lines stay as they are"}};
  return {{"type", "object"}, {"description", def.label_zh}, {"properties", std::move(properties)},
          {"required", std::move(required)}};
}

// "/api/v1/x/{id}" → its path parameters as OpenAPI parameter objects.
boost::json::array PathParameters(const std::string& path) {
  boost::json::array out;
  for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1)) {
    const size_t close = path.find('}', open);
    out.push_back({{"name", path.substr(open + 1, close - open - 1)}, {"in", "path"}, {"required", true},
                   {"schema", {{"type", "string"}}}});
  }
  return out;
}

// The ledger a path belongs to, if any: "/api/v1/<module>/<ledger>…".
const LedgerDef* LedgerOfPath(const std::string& path) {
  for (const LedgerDef* def : AllLedgers()) {
    const std::string base = "/api/v1/" + def->module + "/" + def->name;
    if (path == base || path.starts_with(base + "/")) return def;
  }
  return nullptr;
}

}  // namespace

std::string OpenApiDocument(const std::vector<ApiRoute>& routes) {
  boost::json::object schemas{
      {"Error",
       {{"type", "object"},
        {"properties",
         {{"error",
           {{"type", "object"},
            {"properties",
             {{"code", {{"type", "string"}}},
              {"message_zh", {{"type", "string"}}},
              {"message_en", {{"type", "string"}}},
              {"details", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}}}}}}};
  for (const LedgerDef* def : AllLedgers()) schemas[def->name] = LedgerSchema(*def);

  boost::json::object paths;
  for (const ApiRoute& r : routes) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    boost::json::object op{{"summary", r.summary},
                           {"operationId", method + r.path},
                           {"parameters", PathParameters(r.path)},
                           {"responses",
                            {{"200", {{"description", "OK"}}},
                             {"default", {{"description", "错误 / error",
                                           {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}}}}};
    if (!r.permission.empty()) op["x-permission"] = r.permission;
    if (!r.permission.empty()) op["security"] = boost::json::array{{{"session", boost::json::array{}}}};
    const LedgerDef* def = LedgerOfPath(r.path);
    if (def && (r.method == "POST" || r.method == "PUT") && !r.path.ends_with("/import") && !r.path.ends_with("/evidence"))
      op["requestBody"] = {{"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/" + def->name}}}}}}}};
    boost::json::value& entry = paths[r.path];
    if (!entry.is_object()) entry = boost::json::object();
    entry.as_object()[method] = std::move(op);
  }
  // The one path outside the route table (the app answers it before routing).
  paths["/healthz"] = {{"get", {{"summary", "健康检查（公开）"}, {"responses", {{"200", {{"description", "OK"}}}}}}}};

  boost::json::object doc{
      {"openapi", "3.0.3"},
      {"info", {{"title", "山海 Shanhai API"}, {"version", "0.1.0"},
                {"description", "东西部协作平台接口。写操作需在 X-CSRF-Token 头中带登录时返回的 csrf_token。"}}},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", std::move(schemas)},
        {"securitySchemes", {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "shanhai_session"}}}}}}}};
  return boost::json::serialize(doc);
}

}  // namespace shanhai
