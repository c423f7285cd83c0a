#include "domain/notifications/notification_repository.h"

#include "security/permissions.h"

namespace shanhai::notifications {

namespace {

constexpr const char* kClaim =
    "INSERT INTO notification_sends (send_key, kind, subject_id, sent_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (send_key) DO NOTHING";
constexpr const char* kAddNotice =
    "INSERT INTO notifications (recipient_id, kind, text_zh, text_en, ledger, record_id, helped_region, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
// Unread first (read_at NULL), then newest first.
constexpr const char* kPage =
    "SELECT id, kind, text_zh, text_en, ledger, record_id, created_at, read_at FROM notifications "
    "WHERE recipient_id = ? ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, id DESC LIMIT ? OFFSET ?";
constexpr const char* kCount = "SELECT COUNT(*) FROM notifications WHERE recipient_id = ?";
constexpr const char* kCountUnread = "SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL";
constexpr const char* kMarkRead =
    "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE recipient_id = ? AND id = ?";
constexpr const char* kMarkAllRead =
    "UPDATE notifications SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL";
constexpr const char* kAccountNamed = "SELECT id FROM users WHERE name = ? AND disabled = 0";
constexpr const char* kAccountMobile = "SELECT mobile_enc FROM account_mobiles WHERE user_id = ?";
constexpr const char* kSetAccountMobile =
    "INSERT INTO account_mobiles (user_id, mobile_enc, mobile_hash, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (user_id) DO UPDATE SET mobile_enc = excluded.mobile_enc, mobile_hash = excluded.mobile_hash, "
    "updated_at = excluded.updated_at";
constexpr const char* kClearAccountMobile = "DELETE FROM account_mobiles WHERE user_id = ?";
// What seekers see (MatchService's open job): published, its employer verified; neither announced
// nor found unmatched since the time given.
constexpr const char* kUnannouncedJobs =
    "SELECT j.id, j.helped_region, j.title, e.name, j.wage_min_fen FROM jobs j JOIN employers e ON e.id = j.employer_id "
    "WHERE j.status = 'published' AND e.status = 'verified' AND NOT EXISTS "
    "(SELECT 1 FROM notification_sends s WHERE s.kind = 'job' AND s.subject_id = j.id) AND NOT EXISTS "
    "(SELECT 1 FROM notification_sends s WHERE s.kind = 'job_unmatched' AND s.subject_id = j.id AND s.sent_at > ?) "
    "ORDER BY j.id";
constexpr const char* kMarkJob =
    "INSERT INTO notification_sends (send_key, kind, subject_id, sent_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (send_key) DO NOTHING";
constexpr const char* kSeekerRegion =
    "SELECT p.region_code FROM seekers s JOIN people p ON p.id = s.person_id WHERE s.id = ?";
// Every grant of every enabled staff account with a region: which grants allow a permission is
// GrantsAllow's to say (wildcards such as labor:*:match), not a SQL comparison's.
constexpr const char* kStaffGrants =
    "SELECT u.id, u.region, rp.permission FROM users u JOIN user_roles ur ON ur.user_id = u.id "
    "JOIN role_permissions rp ON rp.role_id = ur.role_id "
    "WHERE u.disabled = 0 AND u.owner_ledger = '' AND u.region <> '' ORDER BY u.id";
constexpr const char* kHrOf =
    "SELECT id FROM users WHERE disabled = 0 AND owner_ledger = 'employers' AND owner_id = ? ORDER BY id";
constexpr const char* kInterviewsBetween =
    "SELECT a.id, a.helped_region, a.interview_date, a.interview_time, a.interview_mode, j.title, e.name, "
    "a.employer_id, p.name, p.region_code, p.mobile_enc "
    "FROM applications a JOIN jobs j ON j.id = a.job_id JOIN seekers s ON s.id = a.seeker_id "
    "JOIN people p ON p.id = s.person_id LEFT JOIN employers e ON e.id = a.employer_id "
    "WHERE a.status = 'interview_scheduled' AND a.interview_date >= ? AND a.interview_date <= ? "
    "AND a.interview_time IS NOT NULL ORDER BY a.id";
constexpr const char* kSeekersToAsk =
    "SELECT s.id, s.helped_region, s.confirm_due_date, p.region_code, p.mobile_enc "
    "FROM seekers s JOIN people p ON p.id = s.person_id "
    "WHERE s.status = 'seeking' AND (s.confirm_due_date IS NULL OR s.confirm_due_date < ?) "
    "AND p.mobile_enc IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notification_sends n "
    "WHERE n.kind = 'reask' AND n.subject_id = s.id AND n.sent_at > ?) ORDER BY s.id";

Value OrNull(const std::string& v) { return v.empty() ? Value{} : Value{v}; }

Result<int64_t> CountOf(Database& db, const char* sql, const std::vector<Value>& params) {
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query(sql, params));
  return AsInt(rows.rows.at(0).at(0));
}

}  // namespace

Result<bool> NotificationRepository::Claim(const std::string& key, const std::string& kind, int64_t subject_id,
                                           const std::string& at) {
  SH_ASSIGN_OR_RETURN(int64_t inserted, db_.Execute(kClaim, {key, kind, subject_id, at}));
  return inserted == 1;
}

Status NotificationRepository::Add(const NewNotice& n, const std::string& at) {
  return db_
      .Execute(kAddNotice, {n.recipient_id, n.kind, n.text_zh, n.text_en, n.ledger, n.record_id, OrNull(n.helped_region), at})
      .status();
}

Result<std::vector<StoredNotice>> NotificationRepository::Page(int64_t recipient_id, int64_t limit, int64_t offset) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kPage, {recipient_id, limit, offset}));
  std::vector<StoredNotice> out;
  for (const auto& r : rows.rows)
    out.push_back({AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3]), AsText(r[4]), AsInt(r[5]), AsText(r[6]),
                   IsNull(r[7]) ? "" : AsText(r[7])});
  return out;
}

Result<int64_t> NotificationRepository::Count(int64_t recipient_id) { return CountOf(db_, kCount, {recipient_id}); }

Result<int64_t> NotificationRepository::CountUnread(int64_t recipient_id) {
  return CountOf(db_, kCountUnread, {recipient_id});
}

Result<int64_t> NotificationRepository::MarkRead(int64_t recipient_id, int64_t id, const std::string& at) {
  return db_.Execute(kMarkRead, {at, recipient_id, id});
}

Result<int64_t> NotificationRepository::MarkAllRead(int64_t recipient_id, const std::string& at) {
  return db_.Execute(kMarkAllRead, {at, recipient_id});
}

Result<int64_t> NotificationRepository::AccountNamed(const std::string& name) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kAccountNamed, {name}));
  return rows.rows.empty() ? 0 : AsInt(rows.rows[0][0]);
}

Result<Value> NotificationRepository::AccountMobile(int64_t user_id) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kAccountMobile, {user_id}));
  return rows.rows.empty() ? Value{} : rows.rows[0][0];
}

Status NotificationRepository::SetAccountMobile(int64_t user_id, const std::string& sealed, const std::string& hash,
                                                const std::string& at) {
  return db_.Execute(kSetAccountMobile, {user_id, sealed, hash, at}).status();
}

Status NotificationRepository::ClearAccountMobile(int64_t user_id) {
  return db_.Execute(kClearAccountMobile, {user_id}).status();
}

Result<std::vector<OpenJob>> NotificationRepository::UnannouncedJobs(const std::string& unmatched_since) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kUnannouncedJobs, {unmatched_since}));
  std::vector<OpenJob> out;
  for (const auto& r : rows.rows) out.push_back({AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3]), AsInt(r[4])});
  return out;
}

Status NotificationRepository::MarkAnnounced(int64_t job_id, const std::string& at) {
  return db_.Execute(kMarkJob, {"job:" + std::to_string(job_id), "job", job_id, at}).status();
}

Status NotificationRepository::MarkUnmatched(int64_t job_id, const std::string& at) {
  return db_.Execute(kMarkJob, {"job:" + std::to_string(job_id) + ":unmatched:" + at, "job_unmatched", job_id, at})
      .status();
}

Result<std::string> NotificationRepository::SeekerRegion(int64_t seeker_id) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSeekerRegion, {seeker_id}));
  return rows.rows.empty() || IsNull(rows.rows[0][0]) ? std::string() : AsText(rows.rows[0][0]);
}

Result<std::vector<StaffAccount>> NotificationRepository::StaffHolding(const std::string& permission) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kStaffGrants));
  std::vector<StaffAccount> out;
  std::vector<std::string> grants;
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    const auto& r = rows.rows[i];
    grants.push_back(AsText(r[2]));
    const bool last_of_account = i + 1 == rows.rows.size() || AsInt(rows.rows[i + 1][0]) != AsInt(r[0]);
    if (!last_of_account) continue;
    if (GrantsAllow(grants, permission)) out.push_back({AsInt(r[0]), AsText(r[1])});
    grants.clear();
  }
  return out;
}

Result<std::vector<int64_t>> NotificationRepository::HrOf(int64_t employer_id) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kHrOf, {employer_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows.rows) out.push_back(AsInt(r[0]));
  return out;
}

Result<std::vector<ScheduledInterview>> NotificationRepository::InterviewsBetween(const std::string& from,
                                                                                 const std::string& to) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kInterviewsBetween, {from, to}));
  std::vector<ScheduledInterview> out;
  for (const auto& r : rows.rows)
    out.push_back({AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3]), IsNull(r[4]) ? "" : AsText(r[4]),
                   AsText(r[5]), IsNull(r[6]) ? "" : AsText(r[6]), IsNull(r[7]) ? 0 : AsInt(r[7]), AsText(r[8]),
                   IsNull(r[9]) ? "" : AsText(r[9]), r[10]});
  return out;
}

Result<std::vector<DueSeeker>> NotificationRepository::SeekersToAsk(const std::string& today, const std::string& since) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSeekersToAsk, {today, since}));
  std::vector<DueSeeker> out;
  for (const auto& r : rows.rows)
    out.push_back({AsInt(r[0]), AsText(r[1]), IsNull(r[2]) ? "" : AsText(r[2]), IsNull(r[3]) ? "" : AsText(r[3]), r[4]});
  return out;
}

}  // namespace shanhai::notifications
