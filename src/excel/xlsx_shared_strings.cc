#include "excel/xlsx_shared_strings.h"

#include <algorithm>
#include <cstdlib>

#include "excel/cell_limits.h"
#include "excel/xlsx_text.h"
#include "excel/xml_stream.h"

namespace shanhai::excel {
namespace {

class SharedStringsHandler : public XmlHandler {
 public:
  void OnStart(std::string_view name, const char** attrs) override {
    if (name == "si") {
      current_.clear();
    } else if (name == "t") {
      in_text_ = phonetic_depth_ == 0;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "sst" && strings.empty()) {
      // uniqueCount lets us size the table once; it is only a hint, so cap it against bad files.
      if (const char* n = FindAttr(attrs, "uniqueCount")) strings.reserve(std::min(std::atol(n), 1L << 22));
    }
  }
  void OnEnd(std::string_view name) override {
    if (name == "si") {
      DecodeOoxmlEscapes(current_);
      table_bytes_ += int64_t(current_.size() + sizeof(std::string));
      if (table_bytes_ > kMaxSharedStringBytes) {
        Stop(Status::InvalidArgument("工作簿的共享文本超过 256 MiB，请拆分成几个文件导入",
                                     "the workbook's shared text exceeds 256 MiB; split it into several files"));
        return;
      }
      strings.push_back(std::move(current_));
      current_ = std::string();
    } else if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      --phonetic_depth_;
    }
  }
  void OnText(std::string_view text) override {
    if (!in_text_) return;
    current_.append(text);
    if (current_.size() > kMaxCellBytes) Stop(CellTooLong("共享文本表中", "the shared-string table"));
  }

  std::vector<std::string> strings;

 private:
  std::string current_;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
  int64_t table_bytes_ = 0;
};

}  // namespace

Result<std::vector<std::string>> ReadSharedStrings(const ZipArchive& zip, const std::string& path) {
  if (path.empty()) return std::vector<std::string>();
  SharedStringsHandler handler;
  SH_RETURN_IF_ERROR(ParseZipXml(zip, path, handler));
  return std::move(handler.strings);
}

}  // namespace shanhai::excel
