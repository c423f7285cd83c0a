// The reading phase of an import alone: our spreadsheet reader (the one `shanhai import`
// uses) goes through a .csv or .xlsx and counts rows and cells, nothing validated or stored.
// bench/run.sh subtracts nothing with it; it shows how much of an import is reading.
//
//   read_table FILE.(csv|xlsx)   → prints "rows=<data rows> cells=<non-empty cells> seconds=<wall>"
#include <chrono>
#include <cstdio>
#include <string>

#include "excel/table_reader.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: read_table FILE.(csv|xlsx)\n");
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  long long rows = 0, cells = 0;
  const shanhai::Status s =
      shanhai::excel::ReadTable(argv[1], [&](int64_t, const std::vector<std::string>& row) {
        ++rows;
        for (const std::string& c : row) cells += c.empty() ? 0 : 1;
        return shanhai::Status::Ok();
      });
  if (!s.ok()) {
    std::fprintf(stderr, "read_table: %s\n", s.ToString().c_str());
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("rows=%lld cells=%lld seconds=%.3f\n", rows - 1, cells, seconds);  // row 1 is the header
  return 0;
}
