#include "http/handlers/record_set_json.h"

#include "domain/ledger/record_json.h"
#include "http/handlers/ledger_request.h"

namespace shanhai {

Result<RawLineSets> TakeRawLineSets(const LedgerDef& def, boost::json::object& body) {
  RawLineSets out;
  std::vector<FieldError> errors;
  for (const LineSet& set : def.lines) {
    auto it = body.find(set.key);
    if (it == body.end()) continue;
    const boost::json::value list = std::move(it->value());
    body.erase(it);
    if (!list.is_array()) {
      errors.push_back({0, set.key, set.key + "：应为数组", set.key + ": must be an array"});
      continue;
    }
    std::vector<RawLine> lines;
    for (size_t i = 0; i < list.as_array().size(); ++i) {
      const boost::json::value& item = list.as_array()[i];
      const int64_t row = static_cast<int64_t>(i) + 1;
      const std::string where_zh = set.key + " 第 " + std::to_string(row) + " 行：";
      const std::string where_en = set.key + " line " + std::to_string(row) + ": ";
      if (!item.is_object()) {
        errors.push_back({row, set.key, where_zh + "应为对象", where_en + "must be an object"});
        continue;
      }
      RawLine line;
      if (const boost::json::value* id = item.as_object().if_contains("id"); id && !id->is_null()) {
        if (!id->is_int64() || id->as_int64() <= 0) {
          errors.push_back({row, set.key + ".id", where_zh + "id 应为正整数", where_en + "id must be a positive integer"});
          continue;
        }
        line.id = id->as_int64();
      }
      Result<RawRecord> raw = RawRecordFrom(item.as_object());
      if (!raw.ok()) {
        for (const FieldError& e : raw.status().details())
          errors.push_back({row, set.key + "." + e.field, where_zh + e.message_zh, where_en + e.message_en});
        continue;
      }
      line.record = std::move(raw).value();
      lines.push_back(std::move(line));
    }
    out.emplace_back(set.key, std::move(lines));
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return out;
}

boost::json::object RecordWithLinesToJson(const Actor& actor, const LedgerDef& def, const RecordWithLines& record) {
  boost::json::object out = RecordJsonFor(actor, def, record.parent);
  for (const auto& [set, lines] : record.lines) {
    boost::json::array items;
    for (const Record& line : lines) items.push_back(RecordToJson(*set->ledger, line));
    out[set->key] = std::move(items);
  }
  return out;
}

}  // namespace shanhai
