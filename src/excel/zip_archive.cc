#include "excel/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace shanhai::excel {

Status DamagedXlsx(const std::string& detail_zh, const std::string& detail_en) {
  return Status::InvalidArgument("文件不是有效的 xlsx 工作簿或已损坏（" + detail_zh + "），请用 Excel 或 WPS 重新另存为 .xlsx",
                                 "the file is not a valid xlsx workbook or is damaged (" + detail_en +
                                     "); re-save it as .xlsx from Excel or WPS");
}

ZipEntry::~ZipEntry() { zip_fclose(file_); }

Result<size_t> ZipEntry::Read(char* buffer, size_t size) {
  const zip_int64_t n = zip_fread(file_, buffer, size);
  if (n < 0) {
    const std::string why = zip_error_strerror(zip_file_get_error(file_));
    return DamagedXlsx("读取 " + name_ + " 失败：" + why, "cannot read " + name_ + ": " + why);
  }
  read_bytes_ += n;
  if (read_bytes_ > max_bytes_)
    return Status::InvalidArgument(
        "工作簿中的 " + name_ + " 解压后超过压缩大小的 " + std::to_string(kMaxUnpackRatio) +
            " 倍（疑似压缩炸弹），已拒绝；请用 Excel 或 WPS 重新另存为 .xlsx",
        name_ + " in the workbook unpacks to more than " + std::to_string(kMaxUnpackRatio) +
            " times its compressed size (a decompression bomb?) and was refused; re-save it as .xlsx from Excel or WPS");
  return static_cast<size_t>(n);
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(const std::string& path) {
  int error_code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error_code);
  if (archive != nullptr) return std::unique_ptr<ZipArchive>(new ZipArchive(archive));
  if (error_code == ZIP_ER_NOENT) {
    return Status::NotFound("文件不存在：" + path, "file not found: " + path);
  }
  zip_error_t error;
  zip_error_init_with_code(&error, error_code);
  const std::string why = zip_error_strerror(&error);
  zip_error_fini(&error);
  if (error_code == ZIP_ER_OPEN || error_code == ZIP_ER_READ || error_code == ZIP_ER_MEMORY) {
    return Status::Unavailable("无法打开文件 " + path + "：" + why, "cannot open " + path + ": " + why);
  }
  return DamagedXlsx("不是 zip 压缩包", "not a zip archive: " + why);
}

ZipArchive::~ZipArchive() { zip_discard(archive_); }

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

int64_t ZipArchive::CompressedSize(const std::string& name) const {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_, name.c_str(), ZIP_FL_NOCASE, &stat) != 0 || !(stat.valid & ZIP_STAT_COMP_SIZE)) return 0;
  return static_cast<int64_t>(stat.comp_size);
}

namespace {
int64_t MaxUnpackedBytes(int64_t compressed) {
  return std::max(kUnpackAllowance, compressed * kMaxUnpackRatio);
}
}  // namespace

Result<std::unique_ptr<ZipEntry>> ZipArchive::OpenEntry(const std::string& name) const {
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return DamagedXlsx("缺少 " + name, "missing " + name);
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    const std::string why = zip_error_strerror(zip_get_error(archive_));
    return DamagedXlsx("无法打开 " + name + "：" + why, "cannot open " + name + ": " + why);
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  const int64_t compressed = zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
                                     (stat.valid & ZIP_STAT_COMP_SIZE)
                                 ? static_cast<int64_t>(stat.comp_size)
                                 : 0;
  return std::unique_ptr<ZipEntry>(new ZipEntry(file, name, MaxUnpackedBytes(compressed)));
}

}  // namespace shanhai::excel
