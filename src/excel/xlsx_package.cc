#include "excel/xlsx_package.h"

#include <cstring>
#include <map>

#include "excel/xml_stream.h"

namespace shanhai::excel {
namespace {

struct Relationship {
  std::string type;  // the URI's last segment, e.g. "worksheet"; identical in transitional and strict
  std::string target;
};

class RelsHandler : public XmlHandler {
 public:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = FindAttr(attrs, "Id");
    const char* type = FindAttr(attrs, "Type");
    const char* target = FindAttr(attrs, "Target");
    const char* mode = FindAttr(attrs, "TargetMode");
    if (id == nullptr || type == nullptr || target == nullptr) return;
    if (mode != nullptr && std::strcmp(mode, "External") == 0) return;
    std::string_view t(type);
    const size_t slash = t.rfind('/');
    rels[id] = Relationship{std::string(slash == std::string_view::npos ? t : t.substr(slash + 1)), target};
  }
  void OnEnd(std::string_view) override {}
  std::map<std::string, Relationship> rels;
};

class WorkbookHandler : public XmlHandler {
 public:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "sheet") {
      const char* sheet_name = FindAttr(attrs, "name");
      const char* rel_id = FindAttr(attrs, "id");  // r:id
      sheets.push_back({sheet_name ? sheet_name : "", rel_id ? rel_id : ""});
    } else if (name == "workbookPr") {
      const char* v = FindAttr(attrs, "date1904");
      date1904 = v != nullptr && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
    }
  }
  void OnEnd(std::string_view) override {}
  struct Entry {
    std::string name, rel_id;
  };
  std::vector<Entry> sheets;
  bool date1904 = false;
};

// "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"
std::string RelsPathFor(const std::string& part) {
  const size_t slash = part.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + file + ".rels";
}

Result<std::map<std::string, Relationship>> ReadRels(const ZipArchive& zip, const std::string& path) {
  RelsHandler handler;
  if (!zip.Has(path)) return handler.rels;  // no relationships: callers fall back to defaults
  SH_RETURN_IF_ERROR(ParseZipXml(zip, path, handler));
  return std::move(handler.rels);
}

}  // namespace

std::string ResolveTarget(const std::string& source_part, const std::string& target) {
  std::string path;
  if (!target.empty() && target[0] == '/') {
    path = target.substr(1);
  } else {
    const size_t slash = source_part.rfind('/');
    path = (slash == std::string::npos ? "" : source_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& seg : parts) out += (out.empty() ? "" : "/") + seg;
  return out;
}

Result<XlsxPackage> ReadXlsxPackage(const ZipArchive& zip) {
  std::string workbook_path = "xl/workbook.xml";
  SH_ASSIGN_OR_RETURN(auto root_rels, ReadRels(zip, "_rels/.rels"));
  for (const auto& [id, rel] : root_rels) {
    if (rel.type == "officeDocument") workbook_path = ResolveTarget("", rel.target);
  }
  if (!zip.Has(workbook_path)) return DamagedXlsx("缺少工作簿 " + workbook_path, "missing workbook " + workbook_path);

  WorkbookHandler workbook;
  SH_RETURN_IF_ERROR(ParseZipXml(zip, workbook_path, workbook));
  SH_ASSIGN_OR_RETURN(auto rels, ReadRels(zip, RelsPathFor(workbook_path)));

  XlsxPackage package;
  package.date1904 = workbook.date1904;
  for (const auto& sheet : workbook.sheets) {
    auto it = rels.find(sheet.rel_id);
    package.sheets.push_back({sheet.name, it == rels.end() ? "" : ResolveTarget(workbook_path, it->second.target)});
  }
  for (const auto& [id, rel] : rels) {
    if (rel.type == "sharedStrings") package.shared_strings_path = ResolveTarget(workbook_path, rel.target);
    if (rel.type == "styles") package.styles_path = ResolveTarget(workbook_path, rel.target);
  }
  // Packages without workbook relationships (hand-made or truncated writers) still use the
  // conventional names; take those when present.
  if (package.shared_strings_path.empty() && zip.Has("xl/sharedStrings.xml")) {
    package.shared_strings_path = "xl/sharedStrings.xml";
  }
  if (package.styles_path.empty() && zip.Has("xl/styles.xml")) package.styles_path = "xl/styles.xml";
  return package;
}

}  // namespace shanhai::excel
