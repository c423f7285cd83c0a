-- Messages the platform sends (domain/messages) and the one-time-code login of job seekers
-- (domain/job_seekers). Personal values are sealed as the ledgers seal them (PiiVault, context
-- "<table>.<column>") with a keyed look-up hash beside the mobile numbers; codes are kept only as
-- keyed hashes. person_id is people.id: no foreign key, so deleting a person is never blocked by
-- a code or a session (both end when their person is gone; the session query joins people).

-- The default sender's outbox, read by staff (a village cadre reads a code to a villager).
-- helped_region: the recipient's helped county (the distribution key); home_region: the
-- recipient's own region (a village or town), which a village cadre's scope is matched against.
CREATE TABLE outbox_messages (
  id {{ID}},
  recipient_enc TEXT NOT NULL,
  recipient_hash TEXT NOT NULL,
  text_enc TEXT NOT NULL,
  purpose TEXT NOT NULL,
  helped_region TEXT,
  home_region TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX outbox_messages_region ON outbox_messages (home_region, id);

-- At most one live code per number (its look-up hash); a new request replaces it.
CREATE TABLE otp_codes (
  mobile_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL,
  code_hash TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

-- One row per code request or wrong code, by number hash or client address, for the rate limits;
-- rows older than the longest window are purged.
CREATE TABLE otp_events (
  scope TEXT NOT NULL,
  subject TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX otp_events_subject ON otp_events (scope, subject, at);

-- Job seekers' sessions: as staff sessions (token hash, CSRF token), for a person instead of a user.
CREATE TABLE seeker_sessions (
  token_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX seeker_sessions_person ON seeker_sessions (person_id);
