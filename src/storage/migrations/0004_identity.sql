-- Identity (issue 6, points 4 and 6): forced password changes and expiry, TOTP second factor,
-- password history, login throttling, and indexes for ending and purging sessions.
--
-- must_change_password: 1 after init (the printed admin password) and after an administrator
-- sets another user's password; such a session may only change the password or log out.
-- password_changed_at: when the current password was set (ISO-8601 UTC); expiry counts from it.
-- totp_secret: the active TOTP secret as a PII-vault token (context "users.totp_secret"), '' =
-- none; totp_pending: a secret shown for enrolment, not active until a code confirms it;
-- totp_last_step: the last 30-second step accepted, so a code is never accepted twice.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN password_changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_pending TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
UPDATE users SET password_changed_at = updated_at;

-- The Argon2id hashes of a user's recent passwords (the current one included), newest last.
CREATE TABLE password_history (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, id);
INSERT INTO password_history (user_id, password_hash, created_at) SELECT id, password_hash, updated_at FROM users;

-- Consecutive failed logins per submitted user name (scope 'user') and per client address
-- (scope 'address'). A row goes away on a successful login or an unlock. locked_until is ''
-- or the ISO-8601 UTC time a lockout ends (user scope only).
CREATE TABLE login_failures (
  scope TEXT NOT NULL,
  subject TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  locked_until TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (scope, subject)
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
