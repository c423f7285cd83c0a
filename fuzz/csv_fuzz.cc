// Fuzz target "csv": the CSV reader as an import uses it (ReadCsv: encoding detection, GB18030
// decoding, the record parser), and the property that the parser's result does not depend on
// how the text is split into chunks (ReadCsv feeds it in fixed chunks, files end anywhere).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "excel/csv_parser.h"
#include "excel/csv_reader.h"
#include "fuzz_support.h"

namespace {

using shanhai::Status;
using shanhai::excel::CsvParser;

struct Parsed {
  std::vector<std::pair<int64_t, std::vector<std::string>>> rows;
  bool ok = true;
  bool operator==(const Parsed&) const = default;
};

// Feeds text to a CsvParser in pieces of chunk bytes (the whole text when chunk is 0).
Parsed ParseInChunks(std::string_view text, size_t chunk) {
  Parsed out;
  shanhai::excel::RowCallback on_row = [&out](int64_t row, const std::vector<std::string>& cells) {
    out.rows.emplace_back(row, cells);
    return Status::Ok();
  };
  CsvParser parser(on_row);
  if (chunk == 0) chunk = text.size() + 1;
  for (size_t at = 0; at < text.size() && out.ok; at += chunk) out.ok = parser.Feed(text.substr(at, chunk)).ok();
  if (out.ok) out.ok = parser.Finish().ok();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = shanhai::fuzz::AsText(data, size);
  int64_t last_row = 0;
  Status read = shanhai::excel::ReadCsv(shanhai::fuzz::WriteInputFile(text, ".csv"),
                                        [&last_row](int64_t row, const std::vector<std::string>&) {
                                          if (row <= last_row) shanhai::fuzz::PropertyFailed("csv rows out of order");
                                          last_row = row;
                                          return Status::Ok();
                                        });
  (void)read;  // refusing the input is fine; crashing or misordering is not
  const size_t chunk = size == 0 ? 1 : 1 + data[0] % 7;
  if (ParseInChunks(text, 0) != ParseInChunks(text, chunk))
    shanhai::fuzz::PropertyFailed("csv: the rows depend on the chunk size");
  return 0;
}
