-- 即时联系 (src/domain/notifications): the console's notifications to accounts, the record of
-- everything the notification runner sent (what makes each send happen once), and an optional
-- mobile number per account for the same notices by text message.

-- One notice to one account: what happened (kind), its text in both languages, and the record it
-- is about (ledger + record_id, which the console links to). read_at is NULL until read.
CREATE TABLE notifications (
  id {{ID}},
  recipient_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  text_zh TEXT NOT NULL,
  text_en TEXT NOT NULL,
  ledger TEXT NOT NULL,
  record_id BIGINT NOT NULL,
  helped_region TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_recipient ON notifications (recipient_id, read_at, id);

-- One row per notice sent, keyed by what makes it one: "job:<job>" (a job announced),
-- "job:<job>:<village>:account:<id>" (its matches of one village, to one account),
-- "interview:<application>:<date> <slot>:<kind>:seeker|account:<id>", "reask:<seeker>:<window>". The runner inserts the key in the transaction that sends; a second
-- runner's insert of the same key changes nothing and it sends nothing (ON CONFLICT DO NOTHING).
-- kind + subject_id (the job, application or seeker) answer "sent lately?" (the 30-day re-ask rule).
CREATE TABLE notification_sends (
  send_key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  subject_id BIGINT NOT NULL,
  sent_at TEXT NOT NULL
);
CREATE INDEX notification_sends_subject ON notification_sends (kind, subject_id, sent_at);
-- Jobs published before notifications existed are not news: counted as announced, so the first
-- pass does not text every staff account about every job already open.
INSERT INTO notification_sends (send_key, kind, subject_id, sent_at)
  SELECT 'job:' || id, 'job', id, '1970-01-01T00:00:00Z' FROM jobs WHERE status = 'published';

-- An account's own mobile for notices by text message, sealed (PiiVault context
-- "account_mobiles.mobile") with its keyed look-up hash; no row = console notices only.
CREATE TABLE account_mobiles (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  mobile_enc TEXT NOT NULL,
  mobile_hash TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- What the runner looks up every pass (each minute in serve): the interviews of today and
-- tomorrow, and the seekers whose confirmation is due, without reading the whole ledgers.
CREATE INDEX applications_status_interview ON applications (status, interview_date);
CREATE INDEX seekers_status_due ON seekers (status, confirm_due_date);
