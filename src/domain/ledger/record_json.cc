#include "domain/ledger/record_json.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include "domain/ledger/record_codec.h"

namespace shanhai {

boost::json::value ValueToJson(const Value& v) {
  if (std::holds_alternative<int64_t>(v)) return std::get<int64_t>(v);
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  if (std::holds_alternative<std::string>(v)) return boost::json::string(std::get<std::string>(v));
  return nullptr;
}

namespace {

// True if any of the 8 bytes of w is a control character, a quote or a backslash (bytes of
// UTF-8 sequences, 0x80 and above, never are): lets the scan below pass plain text a word at a time.
bool WordNeedsEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const auto has_zero_byte = [](uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  const bool control = ((w - kOnes * 0x20) & ~w & kHigh) != 0;  // a byte below 0x20
  return control || has_zero_byte(w ^ (kOnes * '"')) || has_zero_byte(w ^ (kOnes * '\\'));
}

// s as a JSON string literal, escaped as Boost.JSON's serializer does (quote, backslash and
// control characters; UTF-8 passes through).
void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t plain_from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, sizeof word);
      if (!WordNeedsEscape(word)) {
        i += 7;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, plain_from, i - plain_from);
    plain_from = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
  }
  out.append(s, plain_from, s.size() - plain_from);
  out += '"';
}

void AppendInt(std::string& out, int64_t n) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, end);
}

void AppendValue(std::string& out, const Value& v) {
  if (const int64_t* n = std::get_if<int64_t>(&v)) AppendInt(out, *n);
  else if (const std::string* text = std::get_if<std::string>(&v)) AppendJsonString(out, *text);
  else if (std::holds_alternative<double>(v)) out += boost::json::serialize(ValueToJson(v));
  else out += "null";
}

}  // namespace

void AppendRecordJson(std::string& out, const LedgerDef& def, const Record& record,
                      const std::map<std::string, std::map<int64_t, std::string>>& labels,
                      std::string_view extra_members) {
  // Written as text straight into the caller's buffer: a list page is dozens of records, and
  // building a JSON object per record only to serialise it cost more than reading them.
  out += "{\"id\":";
  AppendInt(out, record.id);
  if (def.pair_scoped) {
    out += ",\"pair\":";
    AppendJsonString(out, record.pair_code);
  }
  for (const auto& [key, value] : record.values) {
    out += ',';
    AppendJsonString(out, key);
    out += ':';
    AppendValue(out, value);
    auto field_labels = labels.find(key);
    if (field_labels == labels.end() || IsNull(value)) continue;
    auto label = field_labels->second.find(AsInt(value));
    if (label == field_labels->second.end()) continue;
    out += ',';
    AppendJsonString(out, key + "_label");
    out += ':';
    AppendJsonString(out, label->second);
  }
  if (!extra_members.empty()) {
    out += ',';
    out += extra_members;
  }
  out += '}';
}

boost::json::object RecordToJson(const LedgerDef& def, const Record& record,
                                 const std::map<std::string, std::map<int64_t, std::string>>& labels) {
  std::string text;
  AppendRecordJson(text, def, record, labels);
  return boost::json::parse(text).as_object();
}

std::string RecordToJsonText(const LedgerDef& def, const Record& record) {
  std::string text;
  AppendRecordJson(text, def, record, {});
  return text;
}

std::string AuditRecordJsonText(const LedgerDef& def, Record record) {
  ApplyDisclosure(def, record, Disclosure::kMasked);
  // An internal key repeats other fields in codes (FieldDef::internal): no change of its own.
  std::erase_if(record.values, [&](const auto& v) {
    const FieldDef* f = def.Field(v.first);
    return f && f->internal;
  });
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
