#include "excel/csv_writer.h"

#include <cerrno>

#include "excel/formula_guard.h"
#include "excel/write_failure.h"

namespace shanhai::excel {
namespace {

bool NeedsQuotes(const std::string& cell) {
  if (cell.empty()) return false;
  if (cell.front() == ' ' || cell.back() == ' ') return true;
  return cell.find_first_of(",\"\r\n") != std::string::npos;
}

// The user's path, not the temporary one, whatever failed (see write_failure.h).
Status WriteFailed(const std::string& path) { return WriteFailure(path, errno); }

}  // namespace

void AppendCsvRecord(const std::vector<std::string>& cells, std::string& out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& cell = cells[i];
    if (!NeedsQuotes(cell)) {
      out += cell;
      continue;
    }
    out += '"';
    for (char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

Result<std::unique_ptr<CsvWriter>> CsvWriter::Open(const std::string& path) {
  const std::string tmp = path + ".tmp";
  std::FILE* file = std::fopen(tmp.c_str(), "wb");
  if (file == nullptr) return WriteFailed(path);
  std::unique_ptr<CsvWriter> writer(new CsvWriter(file, path));
  if (std::fwrite(kUtf8Bom.data(), 1, kUtf8Bom.size(), file) != kUtf8Bom.size()) return WriteFailed(path);
  return writer;
}

CsvWriter::~CsvWriter() {
  if (file_ == nullptr) return;
  std::fclose(file_);
  std::remove((path_ + ".tmp").c_str());
}

Status CsvWriter::WriteRow(const std::vector<std::string>& cells, const std::vector<bool>& numeric) {
  defused_.resize(cells.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    const bool number = i < numeric.size() && numeric[i] && IsPlainNumber(cells[i]);
    defused_[i] = number ? cells[i] : DefusedCsvText(cells[i]);
  }
  line_.clear();
  AppendCsvRecord(defused_, line_);
  if (std::fwrite(line_.data(), 1, line_.size(), file_) != line_.size()) return WriteFailed(path_);
  return Status::Ok();
}

Status CsvWriter::Close() {
  if (file_ == nullptr) return Status::Internal("CsvWriter::Close called twice");
  const std::string tmp = path_ + ".tmp";
  std::FILE* file = file_;
  file_ = nullptr;
  const bool flushed = std::fflush(file) == 0;
  const bool closed = std::fclose(file) == 0;
  if (!flushed || !closed || std::rename(tmp.c_str(), path_.c_str()) != 0) {
    Status status = WriteFailed(path_);
    std::remove(tmp.c_str());
    return status;
  }
  return Status::Ok();
}

}  // namespace shanhai::excel
