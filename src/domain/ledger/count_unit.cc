#include "domain/ledger/count_unit.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace shanhai {

namespace {

constexpr std::string_view kOpen = "（", kClose = "）";

bool EndsWith(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// Whether word may stand for unit: the unit itself, or a counting word for people (人, 名, 位)
// where people are counted — also under 人次, since the people of one visit are as many
// person-times ("3人" for a delegation of three). 人次 under 人 stays refused: people counted once
// each are not person-times.
bool MeansUnit(std::string_view word, std::string_view unit) {
  if (word == unit) return true;
  constexpr std::array<std::string_view, 3> kPeople{"人", "名", "位"};
  const bool counts_people = unit == "人" || unit == "人次";
  return counts_people && std::find(kPeople.begin(), kPeople.end(), word) != kPeople.end();
}

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string CountUnitOf(const FieldDef& f) {
  std::string_view label = f.label_zh;
  if (EndsWith(label, kClose)) {
    const size_t open = label.rfind(kOpen);
    if (open != std::string_view::npos) {
      const size_t start = open + kOpen.size();
      return std::string(label.substr(start, label.size() - kClose.size() - start));
    }
  }
  if (EndsWith(label, "人次")) return "人次";
  if (label == "年度") return "年";
  // "参会人数", "期数": the character before 数 is the thing counted (a CJK character is 3 bytes).
  constexpr std::string_view kCount = "数";
  if (EndsWith(label, kCount) && label.size() >= kCount.size() + 3) {
    const std::string_view thing = label.substr(label.size() - kCount.size() - 3, 3);
    if (static_cast<unsigned char>(thing[0]) >= 0xE0) return std::string(thing);
  }
  return "";
}

Result<std::string_view> CountWithoutUnit(std::string_view cell, std::string_view unit) {
  size_t end = 0;
  while (end < cell.size() && (std::isdigit(static_cast<unsigned char>(cell[end])) || cell[end] == ',' ||
                               cell[end] == '.' || cell[end] == '+' || cell[end] == '-'))
    ++end;
  const std::string_view number = Trimmed(cell.substr(0, end)), word = Trimmed(cell.substr(end));
  if (number.empty() || word.empty()) return cell;  // no number, or no word: the parser's to judge
  if (MeansUnit(word, unit)) return number;
  const std::string quoted(cell);
  if (unit.empty())
    return Status::InvalidArgument("“" + quoted + "”应只填数字", "\"" + quoted + "\" should be a number alone");
  const std::string u(unit);
  return Status::InvalidArgument("“" + quoted + "”的单位应为“" + u + "”（如 3" + u + " 或 3）",
                                 "\"" + quoted + "\": the unit of this column is " + u + " (e.g. 3" + u + " or 3)");
}

}  // namespace shanhai
