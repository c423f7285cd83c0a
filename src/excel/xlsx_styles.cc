#include "excel/xlsx_styles.h"

#include <cstdlib>
#include <map>

#include "excel/xml_stream.h"

namespace shanhai::excel {
namespace {

class StylesHandler : public XmlHandler {
 public:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = FindAttr(attrs, "numFmtId");
      const char* code = FindAttr(attrs, "formatCode");
      if (id != nullptr && code != nullptr) custom_codes[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = FindAttr(attrs, "numFmtId");
      xf_format_ids.push_back(id ? std::atoi(id) : 0);
    }
  }
  void OnEnd(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

  std::map<int, std::string> custom_codes;
  std::vector<int> xf_format_ids;

 private:
  bool in_cell_xfs_ = false;  // cellStyleXfs also holds <xf>, which cells never reference
};

}  // namespace

Result<std::vector<NumberFormatKind>> ReadCellFormatKinds(const ZipArchive& zip, const std::string& styles_path) {
  std::vector<NumberFormatKind> kinds;
  if (styles_path.empty()) return kinds;
  StylesHandler handler;
  SH_RETURN_IF_ERROR(ParseZipXml(zip, styles_path, handler));
  kinds.reserve(handler.xf_format_ids.size());
  for (int id : handler.xf_format_ids) {
    auto it = handler.custom_codes.find(id);
    kinds.push_back(ClassifyNumberFormat(id, it == handler.custom_codes.end() ? "" : it->second));
  }
  return kinds;
}

}  // namespace shanhai::excel
