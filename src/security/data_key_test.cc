#include "security/data_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>
#include <vector>

namespace shanhai {
namespace {

namespace fs = std::filesystem;

constexpr char kHexKey[] = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
// base64 of the same 32 bytes 0x00..0x1f.
constexpr char kBase64Key[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

DataKey Counting() {
  DataKey key;
  for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<uint8_t>(i);
  return key;
}

// A fresh directory per test and no SHANHAI_DATA_KEY unless a test sets it.
class DataKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* old = std::getenv(kDataKeyEnv);
    if (old != nullptr) saved_env_ = old;
    unsetenv(kDataKeyEnv);
    char tmpl[] = "/tmp/shanhai_data_key_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    fs::remove_all(dir_);
    if (saved_env_) {
      setenv(kDataKeyEnv, saved_env_->c_str(), 1);
    } else {
      unsetenv(kDataKeyEnv);
    }
  }
  std::string WriteFile(const std::string& name, const std::string& text, mode_t mode) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    chmod(path.c_str(), mode);
    return path;
  }

  fs::path dir_;
  std::optional<std::string> saved_env_;
};

TEST(ParseDataKey, AcceptsHexAndBase64Forms) {
  for (const char* text : {kHexKey, kBase64Key, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
                           "  000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F\n"}) {
    Result<DataKey> key = ParseDataKey(text);
    ASSERT_TRUE(key.ok()) << text;
    EXPECT_EQ(*key, Counting()) << text;
  }
}

TEST(ParseDataKey, RejectsWrongLengthsAndGarbage) {
  for (const char* text : {"", "00", "0001020304050607080910", "zz0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                           "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==" /* 31 bytes */}) {
    Result<DataKey> key = ParseDataKey(text);
    ASSERT_FALSE(key.ok()) << text;
    EXPECT_EQ(key.status().code(), Code::kInvalidArgument);
    EXPECT_NE(key.status().message_zh().find("数据密钥格式错误"), std::string::npos);
  }
}

TEST(DataKeyPathFor, AppendsKeySuffix) {
  EXPECT_EQ(DataKeyPathFor("var/shanhai.db"), "var/shanhai.db.key");
}

TEST_F(DataKeyTest, ReadsOwnerOnlyFile) {
  const std::string path = WriteFile("k", std::string(kHexKey) + "\n", 0600);
  Result<DataKey> key = LoadDataKey(path);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(*key, Counting());
}

TEST_F(DataKeyTest, RefusesFilesOthersCanAccess) {
  for (mode_t mode : {0644, 0640, 0604, 0660, 0602}) {
    const std::string path = WriteFile("k" + std::to_string(mode), kHexKey, mode);
    Result<DataKey> key = LoadDataKey(path);
    ASSERT_FALSE(key.ok()) << std::oct << mode;
    EXPECT_EQ(key.status().code(), Code::kUnavailable);
    EXPECT_NE(key.status().message_en().find("chmod 600 " + path), std::string::npos)
        << key.status().message_en();
    EXPECT_NE(key.status().message_zh().find("权限过宽"), std::string::npos);
  }
}

TEST_F(DataKeyTest, MissingOrMalformedFileIsAClearError) {
  Result<DataKey> missing = LoadDataKey((dir_ / "absent.key").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kUnavailable);
  EXPECT_NE(missing.status().message_en().find("does not exist"), std::string::npos);
  EXPECT_NE(missing.status().message_en().find(kDataKeyEnv), std::string::npos);

  Result<DataKey> bad = LoadDataKey(WriteFile("bad", "hello", 0600));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message_en().find("malformed"), std::string::npos);

  Result<DataKey> dir = LoadDataKey(dir_.string());
  ASSERT_FALSE(dir.ok());
}

TEST_F(DataKeyTest, EnvironmentWinsOverFile) {
  setenv(kDataKeyEnv, kBase64Key, 1);
  Result<DataKey> key = LoadDataKey((dir_ / "absent.key").string());
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(*key, Counting());

  setenv(kDataKeyEnv, "short", 1);
  Result<DataKey> bad = LoadDataKey(WriteFile("k", kHexKey, 0600));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kUnavailable);
  EXPECT_NE(bad.status().message_en().find(kDataKeyEnv), std::string::npos);
}

TEST_F(DataKeyTest, CreateWritesOwnerOnlyKeyOnce) {
  const std::string path = (dir_ / "shanhai.db.key").string();
  Result<bool> created = CreateDataKeyIfMissing(path);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_TRUE(*created);
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Result<DataKey> first = LoadDataKey(path);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_NE(*first, DataKey{});

  Result<bool> again = CreateDataKeyIfMissing(path);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  EXPECT_EQ(*LoadDataKey(path), *first);  // untouched
  // No temporary files left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(DataKeyTest, ConcurrentCreatorsAgreeOnOneKey) {
  const std::string path = (dir_ / "race.key").string();
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      Result<bool> r = CreateDataKeyIfMissing(path);
      if (r.ok() && *r) ++created;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_TRUE(LoadDataKey(path).ok());
}

TEST_F(DataKeyTest, CreateInMissingDirectoryFails) {
  Result<bool> r = CreateDataKeyIfMissing((dir_ / "no" / "such.key").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kUnavailable);
  EXPECT_NE(r.status().message_en().find("cannot be created"), std::string::npos);
}

}  // namespace
}  // namespace shanhai
