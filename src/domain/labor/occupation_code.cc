#include "domain/labor/occupation_code.h"

#include <array>

#include "common/text.h"

namespace shanhai::labor {

namespace {

Status BadCode(std::string_view code, const std::string& why_zh, const std::string& why_en) {
  return Status::InvalidArgument("职业代码“" + std::string(code) + "”" + why_zh +
                                     "（应写作 大类-中类-小类-细类，如 6-31-01-03，或到小类，如 6-31-01）",
                                 "occupation code \"" + std::string(code) + "\" " + why_en +
                                     " (write major-medium-minor-occupation, e.g. 6-31-01-03, or to the minor "
                                     "group, e.g. 6-31-01)");
}

// The dash-separated parts of code; empty parts are kept, so "6--01" has an empty second part.
std::vector<std::string_view> Parts(std::string_view code) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t dash = code.find('-'); dash != std::string_view::npos; dash = code.find('-', start)) {
    out.push_back(code.substr(start, dash - start));
    start = dash + 1;
  }
  out.push_back(code.substr(start));
  return out;
}

bool TwoDigits(std::string_view part) {
  return part.size() == 2 && part[0] >= '0' && part[0] <= '9' && part[1] >= '0' && part[1] <= '9';
}

}  // namespace

std::string_view MajorGroupName(int major) {
  static const std::array<std::string_view, 8> kNames = {
      "党的机关、国家机关、群众团体和社会组织、企事业单位负责人",
      "专业技术人员",
      "办事人员和有关人员",
      "社会生产服务和生活服务人员",
      "农、林、牧、渔业生产及辅助人员",
      "生产制造及有关人员",
      "军人",
      "不便分类的其他从业人员"};
  return major >= 1 && major <= 8 ? kNames[major - 1] : std::string_view();
}

Result<uint32_t> ParseOccupationCode(std::string_view text) {
  SH_ASSIGN_OR_RETURN(const std::string code, NormalizeInput(text));
  const std::vector<std::string_view> parts = Parts(code);
  if (parts.size() < 3) return BadCode(code, "不完整：至少写到小类", "is incomplete: give at least the minor group");
  if (parts.size() > 4) return BadCode(code, "段数过多", "has too many groups");
  if (parts[0].size() != 1 || parts[0][0] < '1' || parts[0][0] > '8')
    return BadCode(code, "的大类应为 1–8", "has no major group 1–8");
  const int major = parts[0][0] - '0';
  uint32_t value = uint32_t(major) * 1000000;
  uint32_t scale = 10000;
  for (size_t i = 1; i < parts.size(); ++i, scale /= 100) {
    if (!TwoDigits(parts[i])) return BadCode(code, "的中类、小类、细类应各为两位数字", "needs two digits per group");
    const uint32_t group = uint32_t((parts[i][0] - '0') * 10 + (parts[i][1] - '0'));
    // Group 8 stands alone: nothing is classified below it.
    if (major == 8 && group != 0)
      return BadCode(code, "：第 8 大类（" + std::string(MajorGroupName(8)) + "）没有下属分类，应写作 8-00-00",
                     "is not in the catalogue: major group 8 has no subdivisions (8-00-00)");
    if (major != 8 && group == 0) return BadCode(code, "中有为 00 的分类", "has a group 00");
    value += group * scale;
  }
  return value;
}

Result<std::vector<uint32_t>> ParseOccupationList(std::string_view text) {
  SH_ASSIGN_OR_RETURN(const std::string cell, NormalizeInput(text));  // "；" and "，" become ";" and ","
  std::vector<uint32_t> out;
  size_t start = 0;
  while (start <= cell.size()) {
    const size_t end = cell.find_first_of(";,", start);
    const std::string_view item = std::string_view(cell).substr(start, end == std::string::npos ? end : end - start);
    if (item.find_first_not_of(' ') != std::string_view::npos) {
      SH_ASSIGN_OR_RETURN(const uint32_t code, ParseOccupationCode(item));
      out.push_back(code);
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace shanhai::labor
