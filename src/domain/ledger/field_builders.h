// Terse constructors for ledger declarations, so each module's ledger file reads like a
// table of fields. Every builder returns a FieldDef by value; chain .Required() etc.
#pragma once

#include <utility>

#include "domain/ledger/ledger_def.h"

namespace shanhai::fields {

struct F : FieldDef {
  F&& Required() && { required = true; return std::move(*this); }
  F&& Searchable() && { searchable = true; return std::move(*this); }
  F&& Hint(std::string h) && { hint_zh = std::move(h); return std::move(*this); }
  F&& Min(int64_t m) && { min = m; return std::move(*this); }
  F&& TypedInYuan() && { typed_in_yuan = true; return std::move(*this); }  // a wage, not a fund
  F&& Computed() && { computed = true; return std::move(*this); }
  F&& Internal() && { computed = internal = true; return std::move(*this); }
  F&& FormerLabel(std::string zh) && { former_label_zh = std::move(zh); return std::move(*this); }
  F&& MadeOf(std::vector<std::string> inputs) && { made_of = std::move(inputs); return std::move(*this); }
  F&& PairSide() && { anywhere = true; return std::move(*this); }       // a pair's own side
  F&& FromAnywhere() && { anywhere = true; return std::move(*this); }   // e.g. where an enterprise comes from
  F&& NotPlacing() && { places = false; return std::move(*this); }      // a region the record names, not lies in
  F&& Discloses(std::string sensitive_key, DerivedMask mask = DerivedMask::kHidden) && {
    discloses = std::move(sensitive_key);
    derived_mask = mask;
    return std::move(*this);
  }
  F&& MaxChars(int64_t n) && { max_chars = n; return std::move(*this); }
  F&& SheetLabel(std::string zh, std::string en) && {
    sheet_label_zh = std::move(zh);
    sheet_label_en = std::move(en);
    return std::move(*this);
  }
  F&& Where(std::string field, std::string code, std::string reason_zh, std::string reason_en) && {
    ref_where = {std::move(field), std::move(code), std::move(reason_zh), std::move(reason_en)};
    return std::move(*this);
  }
};

inline F Make(std::string key, std::string zh, std::string en, FieldType t) {
  F f;
  f.key = std::move(key);
  f.label_zh = std::move(zh);
  f.label_en = std::move(en);
  f.type = t;
  return f;
}
inline F Text(std::string k, std::string zh, std::string en) { return Make(std::move(k), std::move(zh), std::move(en), FieldType::kText); }
inline F Integer(std::string k, std::string zh, std::string en) { return Make(std::move(k), std::move(zh), std::move(en), FieldType::kInteger); }
inline F Money(std::string k, std::string zh, std::string en) { return Make(std::move(k), std::move(zh), std::move(en), FieldType::kMoney); }
inline F Date(std::string k, std::string zh, std::string en) { return Make(std::move(k), std::move(zh), std::move(en), FieldType::kDate); }
inline F Bool(std::string k, std::string zh, std::string en) { return Make(std::move(k), std::move(zh), std::move(en), FieldType::kBool); }
inline F Region(std::string k, std::string zh, std::string en) { return Make(std::move(k), std::move(zh), std::move(en), FieldType::kRegion); }
inline F IdNumber(std::string k, std::string zh, std::string en) { return Make(std::move(k), std::move(zh), std::move(en), FieldType::kIdNumber); }
inline F Mobile(std::string k, std::string zh, std::string en) { return Make(std::move(k), std::move(zh), std::move(en), FieldType::kMobile); }
inline F CreditCode(std::string k, std::string zh, std::string en) { return Make(std::move(k), std::move(zh), std::move(en), FieldType::kCreditCode); }
inline F Enum(std::string k, std::string zh, std::string en, std::vector<EnumOption> opts) {
  F f = Make(std::move(k), std::move(zh), std::move(en), FieldType::kEnum);
  f.options = std::move(opts);
  return f;
}
// A named option set several ledgers' fields share (see FieldDef::option_set).
struct OptionSet {
  std::string name;
  std::vector<EnumOption> options;
};
inline F Enum(std::string k, std::string zh, std::string en, const OptionSet& set) {
  F f = Make(std::move(k), std::move(zh), std::move(en), FieldType::kEnum);
  f.options = set.options;
  f.option_set = set.name;
  return f;
}
inline F SensitiveEnum(std::string k, std::string zh, std::string en, std::vector<EnumOption> opts) {
  F f = Make(std::move(k), std::move(zh), std::move(en), FieldType::kSensitiveEnum);
  f.options = std::move(opts);
  return f;
}
inline F Ref(std::string k, std::string zh, std::string en, std::string ledger) {
  F f = Make(std::move(k), std::move(zh), std::move(en), FieldType::kRef);
  f.ref_ledger = std::move(ledger);
  return f;
}

// Direction of people or money between the two sides, used by talent, visits and funds: one
// dictionary "direction" for all of them.
inline const OptionSet& DirectionSet() {
  static const OptionSet set{"direction",
                             {{"to_helped", "东部→西部（派往受帮扶方）", "helper to helped (east to west)"},
                              {"to_helper", "西部→东部（派往帮扶方）", "helped to helper (west to east)"}}};
  return set;
}

}  // namespace shanhai::fields

namespace shanhai::fields {

// A check that the `later` date, when given, is not before the `earlier` one. It runs on every
// write (a create, an update merged with the stored record, an import row, a workflow transition);
// the error stands beside `later` and names both fields by their labels and the earlier day:
// 结束日期不能早于开始日期（2021-04-10）. Takes the two fields as the ledger declares them.
inline RecordCheck DatesInOrder(const FieldDef& earlier, const FieldDef& later) {
  std::string earlier_en = earlier.label_en;  // mid-sentence: "End date must not be before start date"
  if (!earlier_en.empty() && earlier_en[0] >= 'A' && earlier_en[0] <= 'Z') earlier_en[0] = char(earlier_en[0] - 'A' + 'a');
  return [earlier = earlier.key, later = later.key,
          zh = later.label_zh + "不能早于" + earlier.label_zh,
          en = later.label_en + " must not be before " + earlier_en](
             const Record*, const Record& r, std::vector<FieldError>& errors) {
    const Value* a = r.Get(earlier);
    const Value* b = r.Get(later);
    if (a && b && !IsNull(*a) && !IsNull(*b) && AsText(*b) < AsText(*a))
      errors.push_back({0, later, zh + "（" + AsText(*a) + "）", en + " (" + AsText(*a) + ")"});
  };
}

// Several checks of one ledger, run in order (each adds its own errors).
inline RecordCheck AllChecks(std::vector<RecordCheck> checks) {
  return [checks = std::move(checks)](const Record* before, const Record& r, std::vector<FieldError>& errors) {
    for (const RecordCheck& c : checks) c(before, r, errors);
  };
}

// A check that a "其中" sub-count does not exceed its whole. A whole not given, or not read (a
// cell such as "三十", reported as such), is no total to compare with.
inline RecordCheck PartNotAboveWhole(std::string whole, std::string part) {
  return [whole, part](const Record*, const Record& r, std::vector<FieldError>& errors) {
    const Value* w = r.Get(whole);
    const Value* p = r.Get(part);
    if (w && p && !IsNull(*w) && !IsNull(*p) && AsInt(*p) > AsInt(*w))
      errors.push_back({0, part, "“其中”数不能大于总数", "the sub-count exceeds its total"});
  };
}

}  // namespace shanhai::fields
