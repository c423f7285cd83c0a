// The OpenAPI 3 document, generated from the route table (so it cannot drift from the
// routes; a test checks every route appears, another validates the document) and the ledger
// declarations (schemas).
#include <boost/json.hpp>

#include "http/api_routes.h"
#include "domain/ledger/ledger_def.h"
#include "domain/ledger/workflow.h"

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
                     (f.type == FieldType::kRegion ? "；写入时可填代码或本帮扶关系两方地区内的名称，列表按此筛选时也可填名称（在 pair "
                                                     "两方地区内，未给 pair 时在用户可见的帮扶关系各方地区内，都没有时在全部行政区划中），"
                                                     "筛出该地区及其下各级的记录 / "
                                                     "written as a code or a name within the pair's two regions, and filtered on in "
                                                     "a list by a code or a name (within ?pair=, else the sides of the pairs the user "
                                                     "sees, else the whole catalogue), selecting "
                                                     "the records in that region or anywhere below it; stored and read as the code, "
                                                     "read with <key>_label (its whole name) and <key>_name (its short name within the "
                                                     "pair, as lists show it and the export writes it)"
                                                   : "") +
                     (f.NeedsReveal() ? "；无 reveal 权限者只见掩码（出生日期只见年份），按此筛选、排序需 reveal 权限 / "
                                        "masked for users without reveal (a birth date shows its year); filtering or "
                                        "sorting by it needs reveal"
                                      : "");
  if (f.internal)
    s["description"] = std::string(s["description"].as_string()) +
                       "；查重键，由其他字段得出，同一帮扶关系内唯一，再次导入据此找到已有记录 / a key derived from other "
                       "fields, unique within the pair: a re-import finds the stored record by it";
  if (f.computed) s["readOnly"] = true;
  return s;
}

// A record as created (its required members listed) or, for_change, as an update sends it:
// every member optional but version, those left out keep their values; a line's id, which says which line
// an update changes, is then sent too (a record's own id is in the path).
boost::json::object LedgerSchema(const LedgerDef& def, bool for_change) {
  boost::json::object id{{"type", "integer"}};
  if (!(for_change && !def.line_of.empty())) id["readOnly"] = true;
  boost::json::object properties{{"id", std::move(id)}, {"version", {{"type", "integer"}}}};
  boost::json::array required;
  if (def.pair_scoped) {
    properties["pair"] = {{"type", "string"}, {"example", "440111-522727"}, {"description", "帮扶关系代码"}};
    required.push_back("pair");
  }
  for (const FieldDef& f : def.fields) {
    properties[f.key] = FieldSchema(f);
    if (f.IsSensitive() && f.key == def.natural_key)
      properties[f.key].as_object()["description"] =
          std::string(properties[f.key].as_object()["description"].as_string()) +
          "；已登记的号码一律答“已登记”（不说在何处），每次核对记入审计日志（key_match）并计入账号每日限额，超出则 403 / a "
          "number already registered is answered alike wherever its record is; each such match is audited "
          "(key_match) and counted against the account's daily limit, past which 403";
    if (f.required && !f.computed) required.push_back(boost::json::string(f.key));
  }
  for (const LineSet& set : def.lines)
    properties[set.key] = {
        {"type", "array"}, {"minItems", set.min}, {"maxItems", set.max},
        {"items", {{"$ref", "#/components/schemas/" + set.ledger->name + (for_change ? "_change" : "")}}},
        {"description", set.ledger->label_zh + "（明细，随本记录一起写入）：修改时，带 id 的行修改该明细，不带 id 的行新增，"
                                               "未列出的删除；不带此键则明细不变 / " + set.ledger->label_en +
                            " (lines, written with this record): on an update, a line with an id changes that line, one "
                            "without adds a line, lines left out are deleted; without this key the lines stay as they are"}};
  boost::json::object schema;
  schema["type"] = "object";
  schema["description"] = def.label_zh;
  schema["properties"] = std::move(properties);
  if (!required.empty() && !for_change) schema["required"] = std::move(required);  // OpenAPI 3.0: at least one name
  // A change of a record names the version it was made from: 428 without it, 409 when stale.
  // (A line's changes travel with its parent, whose version covers them.)
  if (for_change && def.line_of.empty()) schema["required"] = boost::json::array{"version"};
  return schema;
}

// {"$ref": "#/components/schemas/<name>"}. Objects are built member by member here and below:
// a nested brace list whose inner lists have three elements ({"description", "…", {…}}) is read by
// Boost.JSON as an array, which is how every operation's error response once became an array.
boost::json::object SchemaRef(const std::string& name) {
  boost::json::object ref;
  ref["$ref"] = "#/components/schemas/" + name;
  return ref;
}

// {"<media type>": {"schema": schema}}, the content of a body or a response.
boost::json::object Content(const std::string& media_type, boost::json::object schema) {
  boost::json::object media;
  media["schema"] = std::move(schema);
  boost::json::object content;
  content[media_type] = std::move(media);
  return content;
}

// "/api/v1/x/{id}" → its path parameters as OpenAPI parameter objects: {id} is a record's or a
// user's positive integer id, the others (a field, an indicator key, a region code, a token) text.
boost::json::array PathParameters(const std::string& path) {
  boost::json::array out;
  for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1)) {
    const size_t close = path.find('}', open);
    const std::string name = path.substr(open + 1, close - open - 1);
    boost::json::object schema;
    if (name == "id") {
      schema["type"] = "integer";
      schema["minimum"] = 1;
    } else {
      schema["type"] = "string";
    }
    boost::json::object parameter;
    parameter["name"] = name;
    parameter["in"] = "path";
    parameter["required"] = true;
    parameter["schema"] = std::move(schema);
    out.push_back(std::move(parameter));
  }
  return out;
}

// DELETE /<ledger>/{id}?version=N: the version the client last read; a record changed since is
// not deleted (409). Without it the record is deleted at whatever version it has.
boost::json::object DeleteVersionParameter() {
  boost::json::object parameter;
  parameter["name"] = "version";
  parameter["in"] = "query";
  parameter["required"] = false;
  parameter["description"] = "读取记录时的版本号；记录此后被修改则不删除（409） / the version you read; a record changed "
                             "since is not deleted (409)";
  parameter["schema"] = {{"type", "integer"}, {"minimum", 1}};
  return parameter;
}

boost::json::object Typed(const char* type, const std::string& description) {
  boost::json::object s;
  s["type"] = type;
  s["description"] = description;
  return s;
}

boost::json::object ArrayOf(boost::json::object items, const std::string& description) {
  boost::json::object s = Typed("array", description);
  s["items"] = std::move(items);
  return s;
}

// The counts of an import's check or run (a ledger's file, a workbook's sheet or its totals).
boost::json::object ImportCounts() {
  boost::json::object p;
  p["rows"] = Typed("integer", "读取的数据行 / data rows read");
  p["valid_count"] = Typed("integer", "有效行 / valid rows");
  p["invalid_count"] = Typed("integer", "有误行（不含已存储的行）/ bad rows (rows already stored not included)");
  p["stored"] = Typed("integer", "写入的记录 / records stored");
  p["already_stored"] = Typed("integer", "已存储的行 / rows stored already");
  p["stored_refused"] = Typed("integer",
                              "其中因已存储而拒绝的行（already_stored=refuse）：文件同有误行一样不导入 / of those, rows refused "
                              "for it (already_stored=refuse): the file is refused as for bad rows");
  p["updated"] = Typed("integer", "更新的已存记录 / stored records updated");
  return p;
}

// The answer of an import, per ledger ("ImportReport") or for a workbook ("WorkbookImportReport").
void AddImportSchemas(boost::json::object& schemas) {
  boost::json::object error = Typed("object", "被拒绝的行：有误或已存储 / a refused row: bad, or stored already");
  error["properties"] = {{"sheet", Typed("string", "工作表（工作簿导入）/ sheet (workbook import)")},
                         {"row", Typed("integer", "行号 / row number")},
                         {"field", Typed("string", "列 / column")},
                         {"message_zh", Typed("string", "原因 / reason (zh)")},
                         {"message_en", Typed("string", "reason (en)")},
                         {"stored", Typed("boolean", "仅因已存储而拒绝（不是有误的行）/ refused only for being stored already, not a bad row")}};
  boost::json::object preview = ArrayOf(
      Typed("object", "记录，帮扶关系、地区、引用另附名称（<key>_label）/ a record, its pair, regions and references also by name (<key>_label)"),
      "试导入时数据库将接受的前 50 行：不含有误行、数据库拒绝的行和已导入过而跳过的行 / on a dry run, the first 50 rows the "
      "database takes: no bad row, none it refuses, none stored already and skipped");
  const auto with_outcome = [&](boost::json::object p) {
    p["dry_run"] = Typed("boolean", "试导入 / dry run");
    p["errors"] = ArrayOf(error, "有误的行 / bad rows");
    p["error_sheet"] = Typed("string",
                             "有误的行下载地址（有被拒的行时；原样列出这些行并附原因，改正后可再导入）/ the error sheet's "
                             "address (when rows are refused: those rows as written, each with its problems, to fix and "
                             "import again)");
    return p;
  };
  boost::json::object ledger_properties = with_outcome(ImportCounts());
  ledger_properties["preview"] = preview;
  boost::json::object ledger = Typed("object", "台账导入结果 / a ledger's import report");
  ledger["properties"] = std::move(ledger_properties);
  schemas["ImportReport"] = std::move(ledger);

  boost::json::object sheet_properties = ImportCounts();
  sheet_properties["preview"] = std::move(preview);
  sheet_properties["sheet"] = Typed("string", "工作表名 / sheet name");
  sheet_properties["ledger"] = Typed("string", "台账 / ledger");
  sheet_properties["label_zh"] = Typed("string", "台账中文名 / ledger label (zh)");
  sheet_properties["label_en"] = Typed("string", "ledger label (en)");
  boost::json::object sheet = Typed("object", "一个工作表的结果 / one sheet's report");
  sheet["properties"] = std::move(sheet_properties);
  boost::json::object book_properties = with_outcome(ImportCounts());
  book_properties["sheets"] = ArrayOf(std::move(sheet), "导入的工作表（按导入顺序）/ the sheets imported, in import order");
  book_properties["ignored_sheets"] =
      ArrayOf(Typed("string", "工作表名 / sheet name"), "不以台账命名、已跳过的工作表 / sheets named after no ledger, left out");
  book_properties["empty_sheets"] =
      ArrayOf(Typed("string", "工作表名 / sheet name"), "没有数据行、未导入的台账工作表 / ledger sheets without data rows, not imported");
  boost::json::object book = Typed("object", "工作簿导入结果（合计与各工作表）/ a workbook's import report (totals and sheets)");
  book["properties"] = std::move(book_properties);
  schemas["WorkbookImportReport"] = std::move(book);
}

// An object schema of these properties.
boost::json::object ObjectOf(boost::json::object properties, const std::string& description) {
  boost::json::object s = Typed("object", description);
  s["properties"] = std::move(properties);
  return s;
}

// A member that may be null (OpenAPI 3.0: nullable).
boost::json::object Nullable(const char* type, const std::string& description) {
  boost::json::object s = Typed(type, description);
  s["nullable"] = true;
  return s;
}

// The members saying whose records the figures count (indicators, report), and those of a figure
// the user's scope cannot count.
void AddFigureScopeProperties(boost::json::object& p) {
  p["scope"] = Nullable("string", "统计范围：用户所见仅为帮扶关系的一部分时为其地区代码（522727200）或所属单位（units:12），"
                                  "否则为 null / whose records the figures count when the user sees only part of the pair: "
                                  "the region's code or the organisation (units:12); null for the whole pair");
  p["scope_kind"] = Nullable("string", "region | owner；整个帮扶关系为 null / region | owner; null for the whole pair");
  p["scope_name"] = Nullable("string", "统计范围的名称（黔南州平塘县卡蒲毛南族乡、单位名称）/ the scope by name");
}
void AddNotInScopeProperties(boost::json::object& p) {
  p["not_in_scope"] = Typed("boolean", "用户的数据范围无法归入此台账的记录（乡镇、村账号与无所在地的台账——结对帮扶按其单位的所在地、"
                                       "招商引资按落地地、劳动力台账与求职、就业记录按其人员的户籍地归入；单位账号与不归属单位的台账），不统计：数值为 null 而非 0 / "
                                       "the user's data scope cannot place this ledger's records (a town's or village's user "
                                       "and a ledger without a region field — pairings lie where their units do, investments "
                                       "where they land, seekers, applications and spells where their person lives; "
                                       "an organisation's account and a ledger it owns nothing of): not counted, value "
                                       "null rather than 0");
  boost::json::object reason = Typed("string", "不统计的原因（not_in_scope 时）/ why it is not counted (with not_in_scope)");
  reason["enum"] = boost::json::array{"no_region_field", "no_owner_field"};
  p["not_in_scope_reason"] = std::move(reason);
}

// A figure's target members (indicators and report alike).
void AddTargetProperties(boost::json::object& p) {
  p["target"] = Nullable("integer", "期间目标：期间所涉各年度目标之和（期间须有起止日期且每年均有目标），否则 null / the "
                                    "period's target: the sum of the yearly targets of the years it touches, else null");
  p["target_partial"] = Typed("boolean", "有年度目标但无与本期间可比者 / targets exist, but none comparable with the period");
  p["completion_percent"] = Nullable("number", "完成率（%），无目标时为 null / completion (%), null without a target");
}

// The years of the period without an annual target (indicators and report alike).
boost::json::object TargetMissingYears() {
  return ArrayOf(Typed("integer", "年度 / year"),
                 "期间所涉年度中未设任何年度目标者，由远及近（界面写作“2026年未设目标”）；期间不完整、无目标台账查看权限或"
                 "统计范围为帮扶关系的一部分时为空 / the years of the period for which no annual target is set, oldest "
                 "first (shown as \"No target set for 2026\"); empty for an open period, without the targets ledger's "
                 "list permission, or for part of a pair");
}

// The answers of the figures (GET /api/v1/indicators, …/trend) and of the report's JSON.
void AddIndicatorSchemas(boost::json::object& schemas) {
  boost::json::object value_properties;
  value_properties["key"] = Typed("string", "指标代码 / indicator key");
  value_properties["value"] = Nullable("number", "数值（金额为分）；无权查看、比率分母为 0 或不统计时为 null / the figure "
                                                 "(money in fen); null when withheld, a rate over 0, or not counted");
  value_properties["withheld"] = Typed("boolean", "无该台账的列表权限，未计算 / not computed: the user may not list the ledger");
  value_properties["poverty"] = Nullable("integer", "其中脱贫人口 / of whom lifted from poverty");
  AddTargetProperties(value_properties);
  AddNotInScopeProperties(value_properties);
  schemas["IndicatorValue"] = ObjectOf(std::move(value_properties), "一个指标 / one figure");

  boost::json::object values_properties;
  values_properties["pair"] = Typed("string", "帮扶关系代码 / pair code");
  values_properties["from"] = Typed("string", "起始日期（未给为空）/ start date (\"\" when open)");
  values_properties["to"] = Typed("string", "截止日期（未给为空）/ end date (\"\" when open)");
  AddFigureScopeProperties(values_properties);
  values_properties["items"] = ArrayOf(SchemaRef("IndicatorValue"), "目录顺序的全部指标 / every figure, in catalogue order");
  values_properties["target_missing_years"] = TargetMissingYears();
  schemas["IndicatorValues"] = ObjectOf(std::move(values_properties), "期间的全部指标 / every figure of the period");

  boost::json::object year_properties;
  year_properties["year"] = Typed("integer", "年度 / year");
  year_properties["value"] = Nullable("integer", "该年数值；不统计时为 null / the year's figure; null when not counted");
  boost::json::object year = ObjectOf(std::move(year_properties), "一年 / one year");
  boost::json::object trend_properties;
  trend_properties["key"] = Typed("string", "指标代码 / indicator key");
  trend_properties["pair"] = Typed("string", "帮扶关系代码 / pair code");
  AddNotInScopeProperties(trend_properties);
  trend_properties["items"] = ArrayOf(std::move(year), "逐年，由远及近 / year by year, oldest first");
  schemas["IndicatorTrend"] = ObjectOf(std::move(trend_properties), "指标逐年走势 / a figure year by year");

  boost::json::object figure_properties;
  figure_properties["label_zh"] = Typed("string", "指标名称 / label (zh)");
  figure_properties["label_en"] = Typed("string", "label (en)");
  figure_properties["unit"] = Typed("string", "单位（金额为 fen）/ unit (fen for money)");
  figure_properties["group"] = Typed("string", "分组 / group");
  figure_properties["definition_zh"] = Typed("string", "定义 / definition (zh)");
  figure_properties["text"] = Typed("string", "报告中的写法（1,033.98万元、1,036人次，计数带千位分隔、单位紧随；无数值为 —）/ as the report prints it");
  figure_properties["target_text"] = Nullable("string", "目标的写法 / the target as printed");
  figure_properties["completion_text"] = Nullable("string", "完成率的写法（262.50%）/ the completion as printed");
  figure_properties["poverty"] = Typed("integer", "其中脱贫人口（有此项的指标）/ of whom lifted from poverty, where it has one");
  AddTargetProperties(figure_properties);
  AddNotInScopeProperties(figure_properties);
  schemas["ReportFigure"] = ObjectOf(std::move(figure_properties), "报告中的一个指标 / one figure of the report");

  boost::json::object figure_value = Nullable("number", "数值（金额为分）；不统计时为 null / the figure; null when not counted");
  boost::json::object indicators = Typed("object", "指标代码 → 数值；<key>.poverty 为其中脱贫人口 / key → figure; "
                                                   "<key>.poverty: of whom lifted from poverty");
  indicators["additionalProperties"] = std::move(figure_value);
  boost::json::object details = Typed("object", "指标代码 → 明细 / key → its details");
  details["additionalProperties"] = SchemaRef("ReportFigure");
  boost::json::object report_properties;
  report_properties["pair"] = Typed("string", "帮扶关系代码 / pair code");
  report_properties["from"] = Nullable("string", "起始日期 / start date");
  report_properties["to"] = Nullable("string", "截止日期 / end date");
  AddFigureScopeProperties(report_properties);
  report_properties["indicators"] = std::move(indicators);
  report_properties["details"] = std::move(details);
  report_properties["target_missing_years"] = TargetMissingYears();
  schemas["Report"] = ObjectOf(std::move(report_properties),
                               "“223”报告（format=json；md、xlsx 为文件，同样在标题下写明统计范围）/ the report "
                               "(format=json; md and xlsx are files stating the scope too)");
}

// The answers of the recommendation routes (handlers/match_handlers.cc, domain/matching/match_view.h).
void AddMatchSchemas(boost::json::object& schemas) {
  boost::json::object reason_properties;
  reason_properties["zh"] = Typed("string", "理由（如 月薪比期望高12%、包吃住、同村3人在此就业）/ the reason (zh)");
  reason_properties["en"] = Typed("string", "the reason (en)");
  const boost::json::object reasons =
      ArrayOf(ObjectOf(std::move(reason_properties), "一条理由 / one reason"), "得分的理由，按评分项顺序 / the reasons, in the score's order");
  boost::json::object job;
  job["job_id"] = Typed("integer", "岗位编号 / the job's record id");
  job["score"] = Typed("integer", "得分 / points");
  job["title"] = Typed("string", "岗位名称 / job title");
  job["employer"] = Typed("string", "用工企业 / employer");
  job["place"] = Typed("string", "工作地（名称）/ work place by name");
  job["wage_min_fen"] = Typed("integer", "月薪下限（分）/ monthly wage from (fen)");
  job["wage_max_fen"] = Typed("integer", "月薪上限（分；未写上限时同下限）/ monthly wage up to (fen; the lowest when no top is stated)");
  job["reasons"] = reasons;
  boost::json::object jobs_properties;
  jobs_properties["seeker_id"] = Typed("integer", "求职人员编号 / the seeker's record id");
  jobs_properties["on"] = Typed("string", "判断可推荐的日期 / the day availability was judged on");
  jobs_properties["jobs"] = ArrayOf(ObjectOf(std::move(job), "一个推荐岗位 / one recommended job"), "由高到低 / best first");
  schemas["JobMatches"] = ObjectOf(std::move(jobs_properties), "为求职人员推荐的岗位 / the jobs recommended to a seeker");
  boost::json::object seeker;
  seeker["seeker_id"] = Typed("integer", "求职人员编号 / the seeker's record id");
  seeker["score"] = Typed("integer", "得分 / points");
  seeker["name"] = Typed("string", "姓名（企业招聘专员所见脱敏，如 张*明）/ name (masked for an employer's HR)");
  seeker["id_number"] = Typed("string", "身份证号（脱敏）/ ID number, masked");
  seeker["home"] = Typed("string", "户籍地（名称）/ home region by name");
  seeker["reasons"] = reasons;
  boost::json::object seekers_properties;
  seekers_properties["job_id"] = Typed("integer", "岗位编号 / the job's record id");
  seekers_properties["on"] = Typed("string", "判断可推荐的日期 / the day availability was judged on");
  seekers_properties["seekers"] = ArrayOf(ObjectOf(std::move(seeker), "一位推荐人选 / one recommended person"), "由高到低 / best first");
  schemas["SeekerMatches"] = ObjectOf(std::move(seekers_properties), "为岗位推荐的人选 / the people recommended for a job");
}

// The schema of a route's 200 answer where the document describes it, else "".
std::string AnswerSchemaOf(const ApiRoute& r) {
  if (r.method == "GET" && r.path == "/api/v1/indicators") return "IndicatorValues";
  if (r.method == "GET" && r.path == "/api/v1/indicators/{key}/trend") return "IndicatorTrend";
  if (r.method == "GET" && r.path == "/api/v1/report") return "Report";
  if (r.method == "GET" && (r.path == "/api/v1/labor/seekers/{id}/matches" || r.path == "/api/v1/labor/me/jobs"))
    return "JobMatches";
  if (r.method == "GET" && r.path == "/api/v1/labor/jobs/{id}/matches") return "SeekerMatches";
  if (r.method != "POST") return "";
  if (r.path == "/api/v1/imports") return "WorkbookImportReport";
  if (r.ledger && r.path == LedgerBasePath(*r.ledger) + "/import") return "ImportReport";
  return "";
}

// 200 (and 201 for a creation) plus the default error response, {"error":{…}}; the 200 answer
// typed by answer_schema when one is named.
boost::json::object Responses(const std::string& method, const std::string& answer_schema = "") {
  boost::json::object ok;
  ok["description"] = "成功 / OK";
  boost::json::object error;
  error["description"] = "错误 / error";
  error["content"] = Content("application/json", SchemaRef("Error"));
  boost::json::object responses;
  responses[method == "post" ? "201" : "200"] = ok;
  if (method == "post") responses["200"] = ok;  // POSTs that act rather than create answer 200
  if (!answer_schema.empty())
    responses["200"].as_object()["content"] = Content("application/json", SchemaRef(answer_schema));
  responses["default"] = std::move(error);
  return responses;
}

// A multipart upload with one file in the field "file" (imports, evidence).
boost::json::object FileUploadBody() {
  boost::json::object file;
  file["type"] = "string";
  file["format"] = "binary";
  boost::json::object properties;
  properties["file"] = std::move(file);
  boost::json::object schema;
  schema["type"] = "object";
  schema["properties"] = std::move(properties);
  schema["required"] = boost::json::array{"file"};
  boost::json::object body;
  body["required"] = true;
  body["content"] = Content("multipart/form-data", std::move(schema));
  return body;
}

// A transition's body: the record's version and the fields the transition takes.
boost::json::object TransitionBody(const LedgerDef& def, const TransitionDef& t) {
  boost::json::object version;
  version["type"] = "integer";
  version["description"] = "记录的当前版本 / the record's current version";
  boost::json::object properties;
  properties["version"] = std::move(version);
  boost::json::array required{"version"};
  for (const std::string& key : t.required) {
    properties[key] = FieldSchema(*def.Field(key));
    required.push_back(boost::json::string(key));
  }
  for (const std::string& key : t.optional) properties[key] = FieldSchema(*def.Field(key));
  boost::json::object schema;
  schema["type"] = "object";
  schema["properties"] = std::move(properties);
  schema["required"] = std::move(required);
  boost::json::object body;
  body["required"] = true;
  body["content"] = Content("application/json", std::move(schema));
  return body;
}

// The requestBody object of a route, or null when it takes none.
boost::json::value RequestBodyOf(const ApiRoute& r) {
  boost::json::object body;
  switch (r.body) {
    case RequestBody::kNone: return nullptr;
    case RequestBody::kFile: return FileUploadBody();
    case RequestBody::kLedgerRecord:
    case RequestBody::kLedgerChange: {
      const std::string schema = r.ledger->name + (r.body == RequestBody::kLedgerChange ? "_change" : "");
      body["required"] = true;
      body["content"] = Content("application/json", SchemaRef(schema));
      return body;
    }
    case RequestBody::kJson: {
      if (r.transition) return TransitionBody(*r.ledger, *r.transition);
      boost::json::object object;
      object["type"] = "object";
      body["content"] = Content("application/json", std::move(object));
      return body;
    }
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
  AddImportSchemas(schemas);
  AddIndicatorSchemas(schemas);
  AddMatchSchemas(schemas);
  for (const LedgerDef* def : AllLedgers()) {
    schemas[def->name] = LedgerSchema(*def, false);
    schemas[def->name + "_change"] = LedgerSchema(*def, true);
  }

  // Every operation states its security: the session cookie, or none for the public routes.
  boost::json::object session;
  session["session"] = boost::json::array{};
  boost::json::object paths;
  for (const ApiRoute& r : routes) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    boost::json::object op;
    op["summary"] = r.summary;
    op["operationId"] = method + r.path;
    op["parameters"] = PathParameters(r.path);
    if (method == "delete" && r.ledger) op["parameters"].as_array().push_back(DeleteVersionParameter());
    op["responses"] = Responses(method, AnswerSchemaOf(r));
    op["security"] = r.permission.empty() ? boost::json::array{} : boost::json::array{session};
    if (!r.permission.empty()) op["x-permission"] = r.permission;
    if (boost::json::value body = RequestBodyOf(r); !body.is_null()) op["requestBody"] = std::move(body);
    boost::json::value& entry = paths[r.path];
    if (!entry.is_object()) entry = boost::json::object();
    entry.as_object()[method] = std::move(op);
  }
  // The one path outside the route table (the app answers it before routing).
  boost::json::object health;
  health["summary"] = "健康检查（公开）";
  health["operationId"] = "get/healthz";
  health["security"] = boost::json::array{};
  health["responses"] = Responses("get");
  paths["/healthz"] = boost::json::object{{"get", std::move(health)}};

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
