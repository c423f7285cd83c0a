#include "domain/ledger/conflict_messages.h"

#include <string>
#include <vector>

#include "common/english_count.h"
#include "domain/ledger/reference_counts.h"
#include "storage/db_errors.h"

namespace shanhai {
namespace {

struct Label {
  std::string zh, en;
};

// The pair every pair-scoped record carries is stored as pair_id.
Label ColumnLabel(const LedgerDef& def, const std::string& column) {
  if (def.pair_scoped && column == "pair_id") return {"帮扶关系", "pair"};
  if (const FieldDef* f = def.Field(column)) return {f->label_zh, f->label_en};
  return {column, column};
}

// {"a", "b", "c"} → "a、b、c" (zh) and "a, b and c" (en).
Label JoinLabels(const std::vector<Label>& labels) {
  Label out;
  for (size_t i = 0; i < labels.size(); ++i) {
    out.zh += (i == 0 ? "" : "、") + labels[i].zh;
    out.en += (i == 0 ? "" : i + 1 == labels.size() ? " and " : ", ") + labels[i].en;
  }
  return out;
}

}  // namespace

Status NameDuplicateKey(const LedgerDef& def, Status s) {
  if (!IsUniqueViolation(s)) return s;
  const std::vector<std::string> columns = UniqueKeyColumns(s);
  std::vector<Label> labels;
  for (const std::string& c : columns) labels.push_back(ColumnLabel(def, c));
  if (labels.empty()) {
    return Status::Conflict("已有相同的" + def.label_zh + "记录", "the same " + def.label_en + " record is already stored");
  }
  const Label key = JoinLabels(labels);
  const std::string zh = labels.size() == 1 ? key.zh + "相同" : key.zh + "都相同";
  Status out = Status::Conflict("已有" + zh + "的" + def.label_zh + "记录，不能重复",
                                "a " + def.label_en + " record with the same " + key.en + " is already stored");
  std::vector<FieldError> details;
  for (size_t i = 0; i < columns.size(); ++i) {
    const std::string field = columns[i] == "pair_id" ? "pair" : columns[i];
    details.push_back({0, field, labels[i].zh + "：已有" + zh + "的记录",
                       labels[i].en + ": a record with the same " + key.en + " is already stored"});
  }
  out.WithDetails(std::move(details));
  return out;
}

Status NameReferrers(Database& db, const Actor& actor, const LedgerDef& def, int64_t id, Status s) {
  if (!IsForeignKeyViolation(s)) return s;
  // Only an actor who sees every record of the pair is told which records, and how many.
  if (actor.owner_scoped() || !EnclosingPairSides(actor).empty())
    return Status::Conflict("该" + def.label_zh + "记录仍被其他记录引用（可能有您无权查看的记录），不能删除",
                            "this " + def.label_en + " record is still referred to by other records (perhaps some you may not "
                            "see) and cannot be deleted");
  std::vector<Label> parts;
  int64_t referring = 0;
  for (const LedgerDef* other : AllLedgers()) {
    std::vector<std::pair<std::string, Label>> columns;
    if (def.name == "pairs" && other->pair_scoped) columns.push_back({"pair_id", {"帮扶关系", "pair"}});
    for (const FieldDef& f : other->fields)
      if (f.type == FieldType::kRef && f.ref_ledger == def.name) columns.push_back({f.key, {f.label_zh, f.label_en}});
    for (const auto& [column, label] : columns) {
      Result<int64_t> n = CountReferring(db, *other, column, id);
      if (!n.ok()) return n.status();
      if (*n == 0) continue;
      referring += *n;
      const std::string count = std::to_string(*n);
      parts.push_back({count + " 条" + other->label_zh + "（" + label.zh + "）",
                       EnglishCount(*n, other->label_en + " record") + " (" + label.en + ")"});
    }
  }
  if (parts.empty()) {
    return Status::Conflict("该" + def.label_zh + "记录仍被其他数据引用，不能删除",
                            "this " + def.label_en + " record is still referred to by other data and cannot be deleted");
  }
  const Label all = JoinLabels(parts);
  return Status::Conflict("不能删除：仍有 " + all.zh + "引用该" + def.label_zh + "记录，请先删除或改掉这些记录",
                          "cannot delete: " + all.en + (referring == 1 ? " still refers" : " still refer") + " to this " + def.label_en +
                              " record; delete or change them first");
}

}  // namespace shanhai
