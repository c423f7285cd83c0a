-- The two-person rule for reading personal values whole across a county or wider
-- (domain/accounts/reveal_grants.h): an account whose roles reveal and whose scope is a county,
-- a city or a province reveals only once a second security administrator has approved it. One
-- row per request: filed by the administrator whose change (a user's roles or scope, a role's
-- permissions, a password reset) made the account need it, then approved or refused by another,
-- or withdrawn when the account's scope or roles change under it. The region is the scope the
-- request is for: an approval counts only while the account's region is still that one. Rows are
-- kept for the auditor, as the audit log keeps each step.
CREATE TABLE reveal_grants (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  region TEXT NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT
);
CREATE INDEX reveal_grants_user_state ON reveal_grants (user_id, state);
