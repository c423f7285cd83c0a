#include "security/data_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "security/sodium_util.h"

namespace shanhai {
namespace {

// ASCII-only, in place: common/text's NormalizeInput would copy the secret into ICU buffers
// that cannot be wiped.
std::string_view Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  const size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(kSpace) - begin + 1);
}

// Decodes text in the first encoding that yields exactly 32 bytes.
std::optional<DataKey> Decode(std::string_view text) {
  std::optional<std::string> bytes;
  if (text.size() == 64) bytes = FromHex(text);
  if (!bytes) bytes = FromBase64(text, /*url_safe=*/false);
  if (!bytes) bytes = FromBase64(text, /*url_safe=*/true);
  if (!bytes && text.ends_with('=')) {
    bytes = FromBase64(text.substr(0, text.find_last_not_of('=') + 1), /*url_safe=*/true);
  }
  if (!bytes || bytes->size() != DataKey().size()) return std::nullopt;
  DataKey key;
  std::memcpy(key.data(), bytes->data(), key.size());
  sodium_memzero(bytes->data(), bytes->size());
  return key;
}

std::string ErrnoText() { return std::strerror(errno); }

Status FileProblem(const std::string& path, const std::string& zh, const std::string& en) {
  return Status::Unavailable("数据密钥文件 " + path + " " + zh,
                             "data key file " + path + " " + en);
}

// Closes a file descriptor on every return path.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Result<DataKey> ReadKeyFile(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) {
      return FileProblem(path, std::string("不存在：请创建它或设置环境变量 ") + kDataKeyEnv,
                         std::string("does not exist: create it or set ") + kDataKeyEnv);
    }
    return FileProblem(path, "无法打开：" + ErrnoText(), "cannot be opened: " + ErrnoText());
  }
  // fstat on the open descriptor: the mode checked is the mode of the file actually read.
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) {
    return FileProblem(path, "无法读取属性：" + ErrnoText(), "cannot be examined: " + ErrnoText());
  }
  if (!S_ISREG(st.st_mode)) return FileProblem(path, "不是普通文件", "is not a regular file");
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return FileProblem(path,
                       std::string("权限过宽（") + mode + "），其他用户可以访问；请执行 chmod 600 " + path,
                       std::string("is accessible by group or others (mode ") + mode +
                           "); run chmod 600 " + path);
  }
  char buffer[256];
  const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
  if (n < 0) return FileProblem(path, "读取失败：" + ErrnoText(), "cannot be read: " + ErrnoText());
  std::optional<DataKey> key = Decode(Trim(std::string_view(buffer, static_cast<size_t>(n))));
  sodium_memzero(buffer, sizeof buffer);
  if (!key) {
    return FileProblem(path, "内容格式错误：应为 64 位十六进制密钥",
                       "is malformed: expected a key of 64 hex characters");
  }
  return *key;
}

Status WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Unavailable("写入失败：" + ErrnoText(), "write failed: " + ErrnoText());
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::string DataKeyPathFor(const std::string& db_path) { return db_path + ".key"; }

Result<DataKey> ParseDataKey(std::string_view text) {
  std::optional<DataKey> key = Decode(Trim(text));
  if (!key) {
    return Status::InvalidArgument("数据密钥格式错误：应为 64 位十六进制或 32 字节的 base64 编码",
                                   "malformed data key: expected 64 hex characters or base64 of 32 bytes");
  }
  return *key;
}

Result<DataKey> LoadDataKey(const std::string& key_file) {
  const char* env = std::getenv(kDataKeyEnv);
  if (env != nullptr && *env != '\0') {
    Result<DataKey> key = ParseDataKey(env);
    if (!key.ok()) {
      return Status::Unavailable(std::string("环境变量 ") + kDataKeyEnv + " " + key.status().message_zh(),
                                 std::string("environment variable ") + kDataKeyEnv + ": " +
                                     key.status().message_en());
    }
    return key;
  }
  return ReadKeyFile(key_file);
}

Result<bool> CreateDataKeyIfMissing(const std::string& path) {
  EnsureSodium();
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0) return false;

  DataKey key;
  randombytes_buf(key.data(), key.size());
  std::string text =
      ToHex(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
  sodium_memzero(key.data(), key.size());
  text += '\n';

  char suffix[8];
  randombytes_buf(suffix, sizeof suffix);
  const std::string tmp = path + ".tmp-" + ToHex(std::string_view(suffix, sizeof suffix));
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    return FileProblem(path, "无法创建：" + ErrnoText(), "cannot be created: " + ErrnoText());
  }
  Status written = WriteAll(fd.get(), text);
  sodium_memzero(text.data(), text.size());
  if (written.ok() && ::fsync(fd.get()) != 0) {
    written = Status::Unavailable("同步失败：" + ErrnoText(), "fsync failed: " + ErrnoText());
  }
  if (!written.ok()) {
    ::unlink(tmp.c_str());
    return FileProblem(path, written.message_zh(), written.message_en());
  }
  // link() refuses to replace an existing path: whoever links first wins, nothing is overwritten.
  const int linked = ::link(tmp.c_str(), path.c_str());
  const int link_errno = errno;
  ::unlink(tmp.c_str());
  if (linked != 0) {
    if (link_errno == EEXIST) return false;
    errno = link_errno;
    return FileProblem(path, "无法创建：" + ErrnoText(), "cannot be created: " + ErrnoText());
  }
  Fd dir(::open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());  // make the new name durable; best effort
  return true;
}

}  // namespace shanhai
