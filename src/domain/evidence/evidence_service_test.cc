// Evidence files: content sniffing against the name, and Attach/List/Read on both backends in a
// temporary evidence directory, with permission and visibility checks.
#include "domain/evidence/evidence_service.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/ledger/ledger_test_util.h"
#include "excel/xlsx_writer.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::kCountyPair;

const std::string kPdf = std::string("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(20, '\x01');
const std::string kJpeg = std::string("\xff\xd8\xff\xe0\0\x10JFIF\0", 11) + std::string(20, '\x02');
const std::string kExe = std::string("MZ\x90\0\x03\0\0\0", 8) + "This program cannot be run in DOS mode.";

std::string ReadFileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A real workbook from the project's writer.
std::string XlsxBytes(const std::string& dir) {
  const std::string path = dir + "/book.xlsx";
  auto writer = excel::XlsxWriter::Open(path);
  EXPECT_TRUE(writer.ok());
  if (!writer.ok()) return "";
  EXPECT_TRUE((*writer)->AddSheet("工资表").ok());
  EXPECT_TRUE((*writer)->WriteString(0, 0, "姓名").ok());
  EXPECT_TRUE((*writer)->Close().ok());
  return ReadFileBytes(path);
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string hex;
  for (unsigned char b : digest) {
    static const char* kDigits = "0123456789abcdef";
    hex += kDigits[b >> 4];
    hex += kDigits[b & 15];
  }
  return hex;
}

TEST(SniffEvidenceType, AcceptsRealFilesWhoseNameAgrees) {
  EXPECT_EQ(SniffEvidenceType("合同.pdf", kPdf), "application/pdf");
  EXPECT_EQ(SniffEvidenceType("photo.PNG", kPng), "image/png");
  EXPECT_EQ(SniffEvidenceType("photo.jpg", kJpeg), "image/jpeg");
  EXPECT_EQ(SniffEvidenceType("photo.jpeg", kJpeg), "image/jpeg");
  const std::string dir = (std::filesystem::temp_directory_path() / ("sniff_" + std::to_string(getpid()))).string();
  std::filesystem::create_directories(dir);
  const std::string xlsx = XlsxBytes(dir);
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(xlsx.empty());
  EXPECT_EQ(SniffEvidenceType("工资表.xlsx", xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

TEST(SniffEvidenceType, RejectsRenamedOrUnknownContent) {
  EXPECT_EQ(SniffEvidenceType("photo.png", kExe), "");     // a program renamed
  EXPECT_EQ(SniffEvidenceType("合同.pdf", kExe), "");
  EXPECT_EQ(SniffEvidenceType("setup.exe", kExe), "");
  EXPECT_EQ(SniffEvidenceType("note.txt", "hello, world"), "");
  EXPECT_EQ(SniffEvidenceType("note.pdf", "hello, world"), "");  // text named .pdf
  EXPECT_EQ(SniffEvidenceType("scan.png", kPdf), "");          // a PDF named .png
  EXPECT_EQ(SniffEvidenceType("scan.jpg", kPng), "");
  EXPECT_EQ(SniffEvidenceType("scan", kPdf), "");
  EXPECT_EQ(SniffEvidenceType("a.pdf", ""), "");
  EXPECT_EQ(SniffEvidenceType("a.pdf", "%PD"), "");               // truncated magic
  const std::string dir = (std::filesystem::temp_directory_path() / ("sniff2_" + std::to_string(getpid()))).string();
  std::filesystem::create_directories(dir);
  const std::string xlsx = XlsxBytes(dir);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(SniffEvidenceType("report.docx", xlsx), "");  // a workbook is not a document
  EXPECT_EQ(SniffEvidenceType("report.zip", xlsx), "");
}

class EvidenceServiceTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
    visit_id_ = Add("visits", kCountyPair,
                    {{"title", "考察"}, {"direction", "to_helped"}, {"person_times", "3"}, {"start_date", "2020-06-09"}});
    dir_ = test_db().TempPath("evidence");
    evidence_ = std::make_unique<EvidenceService>(context(), service(), dir_);
  }
  const LedgerDef& Visits() { return *FindLedger("visits"); }
  size_t FilesInDir() {
    if (!std::filesystem::exists(dir_)) return 0;
    size_t n = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_)) n += entry.is_regular_file();
    return n;
  }

  int64_t visit_id_ = 0;
  std::string dir_;
  std::unique_ptr<EvidenceService> evidence_;
};

TEST_P(EvidenceServiceTest, AttachListReadRoundTrip) {
  auto attached = evidence_->Attach(Actor::System(), Visits(), visit_id_, "合同.pdf", kPdf);
  ASSERT_TRUE(attached.ok()) << attached.status().ToString();
  const std::string sha = Sha256Hex(kPdf);
  EXPECT_EQ(attached->sha256, sha);
  EXPECT_EQ(attached->content_type, "application/pdf");
  EXPECT_EQ(attached->size_bytes, static_cast<int64_t>(kPdf.size()));
  EXPECT_EQ(attached->file_name, "合同.pdf");
  EXPECT_EQ(attached->ledger, "visits");
  EXPECT_EQ(attached->record_id, visit_id_);
  EXPECT_EQ(attached->created_by, "system");
  EXPECT_EQ(FilesInDir(), 0u);  // the bytes live encrypted in the database, not as files

  ASSERT_TRUE(evidence_->Attach(Actor::System(), Visits(), visit_id_, "现场.png", kPng).ok());
  auto listed = evidence_->List(Actor::System(), Visits(), visit_id_);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].file_name, "合同.pdf");
  EXPECT_EQ((*listed)[1].content_type, "image/png");

  auto read = evidence_->Read(Actor::System(), attached->id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->second, kPdf);
  EXPECT_EQ(read->first.sha256, sha);
  EXPECT_EQ(AuditRows(db(), "attach"), 2);

  EXPECT_EQ(evidence_->Read(Actor::System(), 999999).status().code(), Code::kNotFound);
}

// The same file uploaded twice to a record (a clerk's double click, a re-sent scan) is refused
// in words naming the file it repeats; under another name too. Another record may hold it.
TEST_P(EvidenceServiceTest, TheSameFileTwiceOnARecordIsRefusedByName) {
  ASSERT_TRUE(evidence_->Attach(Actor::System(), Visits(), visit_id_, "合同.pdf", kPdf).ok());
  const int64_t audit_before = AuditRows(db());
  for (const char* name : {"合同.pdf", "合同(1).pdf"}) {
    auto again = evidence_->Attach(Actor::System(), Visits(), visit_id_, name, kPdf);
    ASSERT_EQ(again.status().code(), Code::kConflict) << name;
    EXPECT_NE(again.status().message_zh().find("该文件已是本记录的证明材料（“合同.pdf”"), std::string::npos)
        << again.status().message_zh();
    EXPECT_NE(again.status().message_en().find("already evidence of the record (\"合同.pdf\""), std::string::npos);
  }
  EXPECT_EQ(Count("evidence"), 1);
  EXPECT_EQ(AuditRows(db()), audit_before);
  const int64_t other = Add("visits", kCountyPair, {{"title", "第二次考察"}, {"direction", "to_helped"}, {"person_times", "2"}, {"start_date", "2020-06-01"}});
  EXPECT_TRUE(evidence_->Attach(Actor::System(), Visits(), other, "合同.pdf", kPdf).ok());
}

TEST_P(EvidenceServiceTest, RefusedAttachmentsLeaveNoTrace) {
  const int64_t audit_before = AuditRows(db());
  EXPECT_EQ(evidence_->Attach(domain_test::Viewer(), Visits(), visit_id_, "合同.pdf", kPdf).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(evidence_->Attach(Actor::System(), Visits(), visit_id_, "photo.png", kExe).status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(evidence_->Attach(Actor::System(), Visits(), visit_id_, "empty.pdf", "").status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(evidence_->Attach(Actor::System(), Visits(), visit_id_ + 1000, "合同.pdf", kPdf).status().code(),
            Code::kNotFound);
  // Staff of another district cannot see the record, so cannot attach to it either.
  EXPECT_EQ(evidence_->Attach(domain_test::StaffIn("440106"), Visits(), visit_id_, "合同.pdf", kPdf).status().code(),
            Code::kNotFound);
  EXPECT_EQ(Count("evidence"), 0);
  EXPECT_EQ(AuditRows(db()), audit_before);
  EXPECT_EQ(FilesInDir(), 0u);
}

TEST_P(EvidenceServiceTest, ReadingFollowsTheRecordsVisibility) {
  auto attached = evidence_->Attach(Actor::System(), Visits(), visit_id_, "合同.pdf", kPdf);
  ASSERT_TRUE(attached.ok());
  EXPECT_TRUE(evidence_->Read(domain_test::Viewer(), attached->id).ok());
  EXPECT_TRUE(evidence_->Read(domain_test::StaffIn("522727"), attached->id).ok());
  EXPECT_FALSE(evidence_->Read(domain_test::StaffIn("440106"), attached->id).ok());
  EXPECT_FALSE(evidence_->List(domain_test::StaffIn("440106"), Visits(), visit_id_).ok());
}

TEST_P(EvidenceServiceTest, StoredEncryptedAndBoundToItsRow) {
  auto first = evidence_->Attach(Actor::System(), Visits(), visit_id_, "合同.pdf", kPdf);
  auto second = evidence_->Attach(Actor::System(), Visits(), visit_id_, "现场.png", kPng);
  ASSERT_TRUE(first.ok() && second.ok());
  auto stored = db().Query("SELECT evidence_id, content FROM evidence_content ORDER BY evidence_id");
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ASSERT_EQ(stored->rows.size(), 2u);
  const std::string ciphertext = AsText(stored->rows[0][1]);
  EXPECT_EQ(ciphertext.find("%PDF"), std::string::npos);
  EXPECT_EQ(ciphertext.find("Catalog"), std::string::npos);
  Result<std::string> plain = vault().Decrypt(ciphertext, "evidence:" + std::to_string(first->id));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, kPdf);
  // Content moved onto another evidence row does not decrypt there.
  ASSERT_TRUE(db().Execute("UPDATE evidence_content SET content = ? WHERE evidence_id = ?", {ciphertext, second->id}).ok());
  EXPECT_EQ(evidence_->Read(Actor::System(), second->id).status().code(), Code::kInternal);
  auto still = evidence_->Read(Actor::System(), first->id);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->second, kPdf);
}

TEST_P(EvidenceServiceTest, DeletedWithTheirRecordLeavingAReference) {
  auto attached = evidence_->Attach(Actor::System(), Visits(), visit_id_, "合同.pdf", kPdf);
  ASSERT_TRUE(attached.ok());
  // Refused deletions keep the evidence.
  EXPECT_EQ(evidence_->DeleteRecord(domain_test::Viewer(), Visits(), visit_id_).code(), Code::kPermissionDenied);
  EXPECT_EQ(Count("evidence_content"), 1);
  ASSERT_TRUE(evidence_->DeleteRecord(Actor::System(), Visits(), visit_id_).ok());
  EXPECT_EQ(Count("evidence"), 0);
  EXPECT_EQ(Count("evidence_content"), 0);
  EXPECT_EQ(Count("visits"), 0);
  EXPECT_EQ(evidence_->Read(Actor::System(), attached->id).status().code(), Code::kNotFound);
  // The history still names the file that was attached.
  auto history = service().History(Actor::System(), Visits(), visit_id_);
  ASSERT_TRUE(history.ok()) << history.status().ToString();
  bool referenced = false;
  for (const AuditEntry& e : *history) referenced = referenced || e.detail.find("file=合同.pdf") != std::string::npos;
  EXPECT_TRUE(referenced);
}

TEST_P(EvidenceServiceTest, LegacyPlainFilesAreEncryptedInAndRemoved) {
  // Two rows attached before migration 0007, sharing one plain file named by its hash.
  const std::string sha = Sha256Hex(kPdf);
  std::filesystem::create_directories(std::filesystem::path(dir_) / sha.substr(0, 2));
  { std::ofstream(std::filesystem::path(dir_) / sha.substr(0, 2) / sha, std::ios::binary) << kPdf; }
  const char* insert =
      "INSERT INTO evidence (ledger, record_id, helped_region, file_name, content_type, size_bytes, sha256, created_at) "
      "VALUES ('visits', ?, '522727', ?, 'application/pdf', ?, ?, '2020-01-01T00:00:00Z') RETURNING id";
  auto a = db().Query(insert, {visit_id_, "旧合同.pdf", static_cast<int64_t>(kPdf.size()), sha});
  auto b = db().Query(insert, {visit_id_, "旧合同副本.pdf", static_cast<int64_t>(kPdf.size()), sha});
  auto c = db().Query(insert, {visit_id_, "丢失.pdf", int64_t{3}, std::string(64, 'f')});  // its file is gone
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  Result<int64_t> converted = evidence_->EncryptLegacyFiles();
  ASSERT_TRUE(converted.ok()) << converted.status().ToString();
  EXPECT_EQ(*converted, 2);
  EXPECT_EQ(FilesInDir(), 0u);
  EXPECT_EQ(Count("evidence_content"), 2);
  auto read = evidence_->Read(Actor::System(), AsInt(b->rows[0][0]));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->second, kPdf);
  EXPECT_EQ(evidence_->Read(Actor::System(), AsInt(c->rows[0][0])).status().code(), Code::kUnavailable);
  EXPECT_EQ(evidence_->EncryptLegacyFiles().value(), 0);  // nothing left to do
}

INSTANTIATE_TEST_SUITE_P(Backends, EvidenceServiceTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
