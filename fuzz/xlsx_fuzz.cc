// Fuzz target "xlsx": the xlsx reader (zip, package relationships, shared strings, styles, sheet
// XML). An input starting with "PK" is read as a whole .xlsx file, so the zip layer is fuzzed;
// any other input is split at NUL bytes into up to five parts — the sheet XML, sharedStrings.xml,
// styles.xml, workbook.xml and its relationships — that are packed into a valid zip (missing
// parts get a minimal default), so mutations reach the XML parsers instead of dying at the zip
// checksum. Property: no row is delivered wider than Excel's 16,384 columns.
#include <zip.h>

#include <cstdint>
#include <string>
#include <vector>

#include "excel/xlsx_reader.h"
#include "fuzz_support.h"

namespace {

using shanhai::Status;

constexpr const char* kContentTypes =
    R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
constexpr const char* kRootRels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
// Defaults for the parts, in input order (the names they are stored under are in kPartNames).
const char* const kDefaults[] = {
    R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>43891</v></c></row></sheetData></worksheet>)",
    R"(<sst><si><t>山海</t></si></sst>)",
    R"(<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)",
    R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)",
    R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(<Relationship Id="rId3" Type="x/styles" Target="styles.xml"/></Relationships>)",
};
const char* const kPartNames[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
                                  "xl/workbook.xml", "xl/_rels/workbook.xml.rels"};
constexpr size_t kParts = 5;

// Packs the NUL-separated parts of text into a stored (uncompressed) zip at path.
void WritePackage(std::string_view text, const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (parts.size() < kParts && start <= text.size()) {
    size_t end = parts.size() + 1 == kParts ? text.npos : text.find('\0', start);
    if (end == text.npos) end = text.size();
    parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  for (size_t i = parts.size(); i < kParts; ++i) parts.emplace_back(kDefaults[i]);
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) shanhai::fuzz::PropertyFailed("xlsx: zip_open failed");
  auto add = [archive](const char* name, const std::string& bytes) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    const zip_int64_t index = source ? zip_file_add(archive, name, source, ZIP_FL_OVERWRITE) : -1;
    if (index < 0 || zip_set_file_compression(archive, index, ZIP_CM_STORE, 0) != 0)
      shanhai::fuzz::PropertyFailed("xlsx: cannot add a zip entry");
  };
  const std::string content_types = kContentTypes, root_rels = kRootRels;
  add("[Content_Types].xml", content_types);
  add("_rels/.rels", root_rels);
  for (size_t i = 0; i < kParts; ++i) add(kPartNames[i], parts[i]);
  if (zip_close(archive) != 0) shanhai::fuzz::PropertyFailed("xlsx: zip_close failed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = shanhai::fuzz::AsText(data, size);
  std::string path;
  if (text.starts_with("PK")) {
    path = shanhai::fuzz::WriteInputFile(text, ".xlsx");
  } else {
    path = shanhai::fuzz::WriteInputFile("", ".xlsx");
    WritePackage(text, path);
  }
  (void)shanhai::excel::SheetNames(path);
  Status read = shanhai::excel::ReadXlsx(path, [](int64_t, const std::vector<std::string>& cells) {
    if (cells.size() > 16384) shanhai::fuzz::PropertyFailed("xlsx: a row wider than Excel's 16,384 columns");
    return Status::Ok();
  });
  (void)read;  // a refused file is fine; a crash, a leak or a broken property is not
  return 0;
}
