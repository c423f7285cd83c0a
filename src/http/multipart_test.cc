#include "http/multipart.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

const char kType[] = "multipart/form-data; boundary=----WebKitFormBoundaryAbC123";
const std::string kDelim = "------WebKitFormBoundaryAbC123";

std::string Body(const std::vector<std::string>& parts) {
  std::string b;
  for (const std::string& p : parts) b += kDelim + "\r\n" + p + "\r\n";
  return b + kDelim + "--\r\n";
}

TEST(MultipartBoundary, ParsesQuotedAndPlain) {
  EXPECT_EQ(*MultipartBoundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(*MultipartBoundary("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b;c\""), "a b;c");
  EXPECT_EQ(MultipartBoundary("application/json").status().code(), Code::kInvalidArgument);
  EXPECT_FALSE(MultipartBoundary("multipart/form-data").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'x')).ok());
}

TEST(ParseMultipart, FieldsFilesAndChineseNames) {
  std::string body = Body({
      "Content-Disposition: form-data; name=\"module\"\r\n\r\nfunds",
      "Content-Disposition: form-data; name=\"file\"; filename=\"项目清单.xlsx\"\r\n"
      "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\nPK\x03\x04" "data",
      "Content-Disposition: form-data; name=\"ev\"; filename=\"fallback.txt\"; "
      "filename*=UTF-8''%E8%AF%81%E6%8D%AE.pdf\r\n\r\n%PDF",
      "content-disposition: form-data; name=\"path\"; filename=\"C:\\\\Users\\\\a\\\\b.csv\"\r\n\r\nx,y",
  });
  auto parts = ParseMultipart("preamble ignored\r\n" + body + "epilogue", kType);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 4u);
  EXPECT_EQ((*parts)[0].name, "module");
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].data, "funds");
  EXPECT_EQ((*parts)[1].filename, "项目清单.xlsx");
  EXPECT_EQ((*parts)[1].content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ((*parts)[1].data, "PK\x03\x04" "data");
  EXPECT_EQ((*parts)[2].filename, "证据.pdf");
  EXPECT_EQ((*parts)[3].filename, "b.csv");
  const MultipartPart* file = FindPart(*parts, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->name, "file");
  EXPECT_EQ(FindPart(*parts, "nope"), nullptr);
}

TEST(ParseMultipart, BinaryDataWithNulsCrLfAndBoundaryLikeBytes) {
  std::string data;
  for (int i = 0; i < 256; ++i) data += static_cast<char>(i);
  data += "\r\n--not-the-boundary\r\n";
  data += kDelim.substr(0, kDelim.size() - 1);  // almost the delimiter
  data += std::string("\0\r\n\0", 4);
  std::string body = Body({"Content-Disposition: form-data; name=\"bin\"; filename=\"x.bin\"\r\n"
                           "Content-Type: application/octet-stream\r\n\r\n" + data,
                           "Content-Disposition: form-data; name=\"empty\"\r\n\r\n"});
  auto parts = ParseMultipart(body, kType);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].data.size(), data.size());
  EXPECT_EQ((*parts)[0].data, data);
  EXPECT_EQ((*parts)[1].data, "");
}

TEST(ParseMultipart, EmptyFormIsJustTheCloseDelimiter) {
  auto parts = ParseMultipart(kDelim + "--\r\n", kType);
  ASSERT_TRUE(parts.ok());
  EXPECT_TRUE(parts->empty());
}

TEST(ParseMultipart, BadInputsAreInvalidArgument) {
  const std::string ok_part = "Content-Disposition: form-data; name=\"a\"\r\n\r\n1";
  struct Case {
    std::string body, why;
  } cases[] = {
      {"no delimiter here", "no opening boundary"},
      {kDelim + "\r\n" + ok_part, "no closing boundary"},
      {kDelim + "\r\nContent-Disposition: form-data; name=\"a\"\r\n1\r\n" + kDelim + "--", "headers not terminated"},
      {Body({"Content-Type: text/plain\r\n\r\n1"}), "no disposition"},
      {Body({"Content-Disposition: form-data\r\n\r\n1"}), "no name"},
      {Body({"Content-Disposition: attachment; name=\"a\"\r\n\r\n1"}), "not form-data"},
      {Body({"Bogus header line\r\n\r\n1"}), "header without colon"},
      {kDelim + "garbage\r\n" + ok_part + "\r\n" + kDelim + "--", "junk after delimiter"},
  };
  for (const Case& c : cases) {
    auto parts = ParseMultipart(c.body, kType);
    ASSERT_FALSE(parts.ok()) << c.why;
    EXPECT_EQ(parts.status().code(), Code::kInvalidArgument) << c.why;
    EXPECT_FALSE(parts.status().message_zh().empty());
    EXPECT_FALSE(parts.status().message_en().empty());
  }
  EXPECT_FALSE(ParseMultipart(Body({ok_part}), "text/plain").ok());
}

TEST(ParseMultipart, TooManyParts) {
  std::vector<std::string> many(1001, "Content-Disposition: form-data; name=\"a\"\r\n\r\n1");
  EXPECT_FALSE(ParseMultipart(Body(many), kType).ok());
  many.resize(1000);
  EXPECT_TRUE(ParseMultipart(Body(many), kType).ok());
}

}  // namespace
}  // namespace shanhai
