#include "excel/csv_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "excel/csv_parser.h"

namespace shanhai::excel {
namespace {

constexpr size_t kChunkSize = 1 << 20;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

Result<File> OpenFile(const std::string& path) {
  File file(std::fopen(path.c_str(), "rb"));
  if (file) return file;
  if (errno == ENOENT) return Status::NotFound("文件不存在：" + path, "file not found: " + path);
  const std::string why = std::strerror(errno);
  return Status::Unavailable("无法打开文件 " + path + "：" + why, "cannot open " + path + ": " + why);
}

Status ReadError(const std::string& path) {
  return Status::Unavailable("读取文件失败：" + path, "cannot read file: " + path);
}

// Reads the next chunk into buffer; an empty view at the end of the file.
Result<std::string_view> ReadChunk(std::FILE* file, std::string& buffer, const std::string& path) {
  buffer.resize(kChunkSize);
  const size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
  if (n == 0 && std::ferror(file)) return ReadError(path);
  return std::string_view(buffer.data(), n);
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

Result<TextEncoding> DetectEncoding(std::FILE* file, const std::string& path) {
  std::string buffer;
  SH_ASSIGN_OR_RETURN(std::string_view chunk, ReadChunk(file, buffer, path));
  if (StartsWith(chunk, "\xEF\xBB\xBF")) return TextEncoding::kUtf8WithBom;
  if (StartsWith(chunk, "\xFF\xFE") || StartsWith(chunk, "\xFE\xFF")) return TextEncoding::kUtf16;
  Utf8Validator validator;
  while (!chunk.empty()) {
    if (!validator.Feed(chunk)) return TextEncoding::kGb18030;
    SH_ASSIGN_OR_RETURN(chunk, ReadChunk(file, buffer, path));
  }
  return validator.Finish() ? TextEncoding::kUtf8 : TextEncoding::kGb18030;
}

}  // namespace

Result<TextEncoding> DetectFileEncoding(const std::string& path) {
  SH_ASSIGN_OR_RETURN(File file, OpenFile(path));
  return DetectEncoding(file.get(), path);
}

Status ReadCsv(const std::string& path, const RowCallback& on_row) {
  SH_ASSIGN_OR_RETURN(File file, OpenFile(path));
  SH_ASSIGN_OR_RETURN(TextEncoding encoding, DetectEncoding(file.get(), path));
  if (encoding == TextEncoding::kUtf16) {
    return Status::InvalidArgument("不支持 UTF-16（Unicode 文本）文件，请在 Excel 中另存为“CSV UTF-8”",
                                   "UTF-16 (Unicode text) files are not supported; save as \"CSV UTF-8\" in Excel");
  }
  std::rewind(file.get());

  std::unique_ptr<Gb18030Decoder> decoder;
  if (encoding == TextEncoding::kGb18030) {
    SH_ASSIGN_OR_RETURN(decoder, Gb18030Decoder::Create());
  }
  CsvParser parser(on_row);
  std::string buffer, decoded;
  bool first = true;
  while (true) {
    SH_ASSIGN_OR_RETURN(std::string_view chunk, ReadChunk(file.get(), buffer, path));
    if (first && encoding == TextEncoding::kUtf8WithBom) chunk.remove_prefix(3);
    first = false;
    if (decoder) {
      decoded.clear();
      SH_RETURN_IF_ERROR(decoder->Decode(chunk, chunk.empty(), decoded));
      SH_RETURN_IF_ERROR(parser.Feed(decoded));
    } else {
      SH_RETURN_IF_ERROR(parser.Feed(chunk));
    }
    if (chunk.empty()) break;
  }
  return parser.Finish();
}

}  // namespace shanhai::excel
