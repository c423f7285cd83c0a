#include "domain/ledger/record_json.h"

#include "domain/ledger/record_codec.h"

namespace shanhai {

boost::json::value ValueToJson(const Value& v) {
  if (std::holds_alternative<int64_t>(v)) return std::get<int64_t>(v);
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  if (std::holds_alternative<std::string>(v)) return boost::json::string(std::get<std::string>(v));
  return nullptr;
}

boost::json::object RecordToJson(const LedgerDef& def, const Record& record,
                                 const std::map<std::string, std::map<int64_t, std::string>>& labels) {
  // Sized once and filled with emplace: list pages build many of these per request.
  boost::json::object o(record.values.size() + labels.size() + 2);
  o.emplace("id", record.id);
  if (def.pair_scoped) o.emplace("pair", record.pair_code);
  for (const auto& [key, value] : record.values) {
    o.emplace(key, ValueToJson(value));
    auto field_labels = labels.find(key);
    if (field_labels == labels.end() || IsNull(value)) continue;
    auto label = field_labels->second.find(AsInt(value));
    if (label != field_labels->second.end()) o.emplace(key + "_label", label->second);
  }
  return o;
}

std::string RecordToJsonText(const LedgerDef& def, const Record& record) {
  return boost::json::serialize(RecordToJson(def, record));
}

std::string AuditRecordJsonText(const LedgerDef& def, Record record) {
  ApplyDisclosure(def, record, Disclosure::kMasked);
  return RecordToJsonText(def, record);
}

std::string MaskedRecordJsonText(const LedgerDef& def, const std::string& json) {
  if (json.empty()) return json;
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(json, ec);
  if (ec || !parsed.is_object()) return json;
  boost::json::object& o = parsed.as_object();
  for (const FieldDef& f : def.fields) {
    if (!f.NeedsReveal()) continue;
    boost::json::value* v = o.if_contains(f.key);
    if (!v || !v->is_string()) continue;
    const std::string plain(v->as_string());
    *v = boost::json::string(f.IsSensitive() ? MaskValue(f, plain) : MaskDerived(f, plain));
  }
  return boost::json::serialize(parsed);
}

}  // namespace shanhai
