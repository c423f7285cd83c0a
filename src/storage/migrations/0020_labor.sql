-- 劳务协作 (labour cooperation), src/domain/labor: the labour ledger of the helped county
-- (seekers, each one person of the people registry), the helper side's employers, their jobs and
-- reports on jobs. Each table is pair-scoped and keyed first by helped_region, as 0001's are.
-- An employer's HR accounts are owned by its record (users.owner_ledger = 'employers').

CREATE TABLE seekers (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people(id),
  education TEXT,
  skills TEXT,
  certificates TEXT,
  health_enc TEXT,
  disability_enc TEXT,
  willing_in_county INTEGER NOT NULL DEFAULT 0,
  willing_in_province INTEGER NOT NULL DEFAULT 0,
  willing_out_of_province INTEGER NOT NULL DEFAULT 0,
  preferred_place_1 TEXT,
  preferred_place_2 TEXT,
  preferred_place_3 TEXT,
  expected_wage_fen BIGINT,
  wage_floor_fen BIGINT,
  earliest_start_date TEXT,
  status TEXT NOT NULL,
  confirmed_date TEXT,
  confirm_due_date TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pair_id, person_id)
);
CREATE INDEX seekers_region_status ON seekers (helped_region, status);

CREATE TABLE employers (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  name TEXT NOT NULL,
  region_code TEXT,
  contact_name TEXT,
  contact_phone TEXT,
  address TEXT,
  status TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pair_id, credit_code)
);
CREATE INDEX employers_region ON employers (helped_region, status);

CREATE TABLE jobs (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  employer_id BIGINT NOT NULL REFERENCES employers(id),
  title TEXT NOT NULL,
  occupation_code TEXT,
  headcount BIGINT NOT NULL,
  wage_min_fen BIGINT NOT NULL,
  wage_max_fen BIGINT,
  wage_composition TEXT,
  social_insurance TEXT,
  board INTEGER NOT NULL DEFAULT 0,
  lodging INTEGER NOT NULL DEFAULT 0,
  work_region TEXT,
  work_address TEXT,
  working_hours TEXT,
  rest_days TEXT,
  start_date TEXT,
  min_age BIGINT,
  max_age BIGINT,
  gender_rule TEXT NOT NULL,
  gender_reason TEXT,
  min_education TEXT,
  certificates TEXT,
  skills TEXT,
  description TEXT,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pair_id, title)
);
CREATE INDEX jobs_region_status ON jobs (helped_region, status);
CREATE INDEX jobs_employer ON jobs (employer_id, status);

CREATE TABLE job_reports (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  job_id BIGINT NOT NULL REFERENCES jobs(id),
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  reported_date TEXT NOT NULL,
  reporter TEXT,
  status TEXT NOT NULL,
  handling_note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX job_reports_region_date ON job_reports (helped_region, reported_date);

-- The built-in role of an employer's recruiter: its own employer record (read, keep its contact
-- details current) and its jobs (write, publish, withdraw), scoped by the account's owner
-- (employers:N). Nothing else: not the people registry, not the labour ledger.
INSERT INTO roles (name, label_zh, builtin) VALUES ('employer_hr', '企业招聘专员', 1);

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, g.permission FROM roles r JOIN (
  SELECT 'labor:employers:list' AS permission
  UNION ALL SELECT 'labor:employers:read'
  UNION ALL SELECT 'labor:employers:update'
  UNION ALL SELECT 'labor:jobs:list'
  UNION ALL SELECT 'labor:jobs:read'
  UNION ALL SELECT 'labor:jobs:create'
  UNION ALL SELECT 'labor:jobs:update'
  UNION ALL SELECT 'labor:jobs:delete'
  UNION ALL SELECT 'labor:jobs:import'
  UNION ALL SELECT 'labor:jobs:export'
  UNION ALL SELECT 'labor:jobs:publish'
  UNION ALL SELECT 'labor:jobs:withdraw'
) g ON 1 = 1
WHERE r.name = 'employer_hr';

-- Staff are granted the labour transitions by name, as 0009 granted the needs' and investments'.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, g.permission FROM roles r JOIN (
  SELECT 'labor:seekers:confirm' AS permission
  UNION ALL SELECT 'labor:seekers:hold'
  UNION ALL SELECT 'labor:seekers:employ'
  UNION ALL SELECT 'labor:employers:verify'
  UNION ALL SELECT 'labor:employers:suspend'
  UNION ALL SELECT 'labor:employers:reinstate'
  UNION ALL SELECT 'labor:jobs:publish'
  UNION ALL SELECT 'labor:jobs:withdraw'
  UNION ALL SELECT 'labor:job_reports:uphold'
  UNION ALL SELECT 'labor:job_reports:dismiss'
) g ON 1 = 1
WHERE r.name = 'staff';
