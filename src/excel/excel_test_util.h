// Helpers shared by the excel tests only (header-only, so it never enters the library).
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "excel/row_sink.h"

namespace shanhai::excel::testing {

using Row = std::pair<int64_t, std::vector<std::string>>;

// A fresh directory under the system temp dir, removed with the test.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "shanhai_excel_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::string WriteBytes(const std::string& name, const std::string& bytes) const {
    std::ofstream out(Path(name), std::ios::binary);
    out << bytes;
    return Path(name);
  }

  // Builds a zip (an xlsx when the parts say so) from entry name → content.
  std::string WriteZip(const std::string& name, const std::map<std::string, std::string>& entries) const {
    const std::string path = Path(name);
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(archive, nullptr);
    for (const auto& [entry, content] : entries) {
      zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
      EXPECT_GE(zip_file_add(archive, entry.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
    }
    EXPECT_EQ(zip_close(archive), 0);
    return path;
  }

  std::filesystem::path dir_;
};

// Collects every row a reader passes on; the reader's status goes to *status.
template <typename ReadFn>
std::vector<Row> Collect(ReadFn read, Status* status) {
  std::vector<Row> rows;
  *status = read([&](int64_t row, const std::vector<std::string>& cells) {
    rows.emplace_back(row, cells);
    return Status::Ok();
  });
  return rows;
}

// The source tree: CTest sets SHANHAI_SOURCE_DIR; otherwise derive it from this file's path.
inline std::filesystem::path SourceDir() {
  if (const char* dir = std::getenv("SHANHAI_SOURCE_DIR")) return dir;
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
}

}  // namespace shanhai::excel::testing
