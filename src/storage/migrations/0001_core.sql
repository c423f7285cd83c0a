-- Shanhai core schema. {{ID}} is the identity primary key of the dialect (ids are never reused).
-- Every pair-scoped table carries helped_region (the helped county's GB/T 2260 code):
-- it is the distribution key on a sharded PostgreSQL (Citus) and the first column of
-- its indexes. Columns mirror the LedgerDef declarations in src/domain (checked by a test).
-- Common bookkeeping columns: created_at/updated_at (ISO-8601 UTC), created_by/updated_by
-- (user name), version (optimistic concurrency, starts at 1).

CREATE TABLE pairs (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  helper_region TEXT NOT NULL,
  helped_region TEXT NOT NULL,
  level TEXT NOT NULL,
  name TEXT,
  established_date TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE units (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  name TEXT NOT NULL,
  side TEXT NOT NULL,
  kind TEXT NOT NULL,
  region_code TEXT,
  credit_code TEXT,
  deep_poverty INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pair_id, name)
);
CREATE INDEX units_region ON units (helped_region, pair_id);

CREATE TABLE visits (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  title TEXT NOT NULL,
  direction TEXT NOT NULL,
  leader_name TEXT,
  leader_title TEXT,
  person_times BIGINT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX visits_region_date ON visits (helped_region, start_date);

CREATE TABLE meetings (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  meeting_date TEXT NOT NULL,
  location_region TEXT,
  chairs TEXT,
  participants BIGINT,
  outcome TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meetings_region_date ON meetings (helped_region, meeting_date);

CREATE TABLE agreements (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  year BIGINT,
  signed_date TEXT NOT NULL,
  signatories TEXT,
  summary TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pair_id, title)
);
CREATE INDEX agreements_region_date ON agreements (helped_region, signed_date);

CREATE TABLE secondments (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  person_name TEXT NOT NULL,
  category TEXT NOT NULL,
  rank TEXT,
  direction TEXT NOT NULL,
  home_unit TEXT,
  host_unit TEXT,
  post TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX secondments_region_date ON secondments (helped_region, start_date);

CREATE TABLE trainings (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  direction TEXT NOT NULL,
  sessions BIGINT NOT NULL,
  person_times BIGINT NOT NULL,
  poverty_person_times BIGINT,
  organiser TEXT,
  start_date TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX trainings_region_date ON trainings (helped_region, start_date);

CREATE TABLE projects (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  stage TEXT NOT NULL,
  budget_fen BIGINT,
  spent_fen BIGINT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  description TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pair_id, name)
);
CREATE INDEX projects_region_date ON projects (helped_region, start_date);

CREATE TABLE milestones (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  title TEXT NOT NULL,
  milestone_date TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX milestones_region_date ON milestones (helped_region, milestone_date);

CREATE TABLE outcomes (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  metric TEXT NOT NULL,
  value BIGINT NOT NULL,
  unit TEXT,
  as_of TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX outcomes_region_date ON outcomes (helped_region, as_of);

CREATE TABLE funds (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  direction TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  paid_fen BIGINT,
  fund_date TEXT NOT NULL,
  helper_unit_id BIGINT REFERENCES units(id),
  helped_unit_id BIGINT REFERENCES units(id),
  project_id BIGINT REFERENCES projects(id),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX funds_region_date ON funds (helped_region, fund_date);

CREATE TABLE pairings (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  helper_unit_id BIGINT NOT NULL REFERENCES units(id),
  helped_unit_id BIGINT NOT NULL REFERENCES units(id),
  level TEXT NOT NULL,
  established_date TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (helper_unit_id, helped_unit_id, level)
);
CREATE INDEX pairings_region_date ON pairings (helped_region, established_date);

CREATE TABLE needs (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  description TEXT,
  value_fen BIGINT,
  posted_date TEXT NOT NULL,
  status TEXT NOT NULL,
  claimed_by_unit_id BIGINT REFERENCES units(id),
  claimed_date TEXT,
  delivered_date TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX needs_region_date ON needs (helped_region, posted_date);

CREATE TABLE investments (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  enterprise_name TEXT NOT NULL,
  credit_code TEXT,
  industry TEXT,
  origin_region TEXT,
  stage TEXT NOT NULL,
  planned_fen BIGINT,
  actual_fen BIGINT,
  jobs BIGINT,
  poverty_jobs BIGINT,
  signed_date TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pair_id, enterprise_name)
);
CREATE INDEX investments_region_date ON investments (helped_region, signed_date);

-- Sensitive values: <field>_enc is AEAD ciphertext (base64), <field>_hash a keyed
-- BLAKE2b hash used to find and count without decrypting.
CREATE TABLE people (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  name TEXT NOT NULL,
  id_number_enc TEXT NOT NULL,
  id_number_hash TEXT NOT NULL UNIQUE,
  mobile_enc TEXT,
  mobile_hash TEXT,
  region_code TEXT,
  poverty_status_enc TEXT NOT NULL,
  poverty_status_hash TEXT NOT NULL,
  skills TEXT,
  sex TEXT,
  birth_date TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_region ON people (helped_region, poverty_status_hash);
CREATE INDEX people_mobile ON people (mobile_hash);

CREATE TABLE targets (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  year BIGINT NOT NULL,
  indicator_key TEXT NOT NULL,
  target_value BIGINT NOT NULL,
  agreement_id BIGINT REFERENCES agreements(id),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pair_id, year, indicator_key)
);

-- Evidence files attached to any record; bytes live in the evidence directory under
-- their sha256, the row says which record they prove.
CREATE TABLE evidence (
  id {{ID}},
  ledger TEXT NOT NULL,
  record_id BIGINT NOT NULL,
  helped_region TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT
);
CREATE INDEX evidence_record ON evidence (ledger, record_id);

-- Accounts. role: admin | staff | viewer. region: the code whose data the user may see
-- ('' = everywhere). ledgers: comma-separated ledger names a staff user may change ('' = all).
CREATE TABLE users (
  id {{ID}},
  name TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT '',
  ledgers TEXT NOT NULL DEFAULT '',
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Sessions are stored by the hash of their token; the cookie holds the token.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

-- The audit log: every write (with before/after JSON) and every reading of a full
-- sensitive value. A record's history is its rows here.
CREATE TABLE audit_log (
  id {{ID}},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  ledger TEXT,
  record_id BIGINT,
  helped_region TEXT,
  before_json TEXT,
  after_json TEXT,
  detail TEXT,
  remote TEXT
);
CREATE INDEX audit_log_record ON audit_log (ledger, record_id);
CREATE INDEX audit_log_at ON audit_log (at);
