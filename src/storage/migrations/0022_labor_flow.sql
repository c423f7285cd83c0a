-- The employment flow (src/domain/labor): applications to jobs, from the application through the
-- interview and the offer to the placement (到岗), and the employment spells placements open or
-- staff record for people who found work themselves. Pair-scoped and keyed first by
-- helped_region, as 0020's tables are; an application's and a spell's employer_id is its owner
-- (an employer's HR accounts see those of their employer).

CREATE TABLE applications (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  seeker_id BIGINT NOT NULL REFERENCES seekers(id),
  job_id BIGINT NOT NULL REFERENCES jobs(id),
  employer_id BIGINT REFERENCES employers(id),
  source TEXT NOT NULL,
  applied_date TEXT NOT NULL,
  interview_date TEXT,
  interview_time TEXT,
  interview_mode TEXT,
  interview_phone TEXT,
  interview_link TEXT,
  interview_note TEXT,
  offer_date TEXT,
  offer_wage_fen BIGINT,
  offer_start_date TEXT,
  start_date TEXT,
  monthly_wage_fen BIGINT,
  place_region TEXT,
  withdraw_reason TEXT,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX applications_region_date ON applications (helped_region, applied_date);
CREATE INDEX applications_employer ON applications (employer_id, status);
CREATE INDEX applications_seeker ON applications (seeker_id, status);

CREATE TABLE spells (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  seeker_id BIGINT NOT NULL REFERENCES seekers(id),
  employer_id BIGINT REFERENCES employers(id),
  application_id BIGINT REFERENCES applications(id),
  place_region TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  monthly_wage_fen BIGINT NOT NULL,
  verification TEXT,
  source TEXT NOT NULL,
  separation_reason TEXT,
  separation_note TEXT,
  confirmed_month TEXT,
  confirm_method TEXT,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX spells_region_date ON spells (helped_region, start_date);
-- One person's spells, read by every write of one of them (no overlap).
CREATE INDEX spells_seeker ON spells (seeker_id, start_date);
CREATE INDEX spells_employer ON spells (employer_id, status);

-- An employer's recruiter sees the applications to its employer's jobs, schedules interviews,
-- records their results and makes offers; it reads the spells of the people its employer took on.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, g.permission FROM roles r JOIN (
  SELECT 'labor:applications:list' AS permission
  UNION ALL SELECT 'labor:applications:read'
  UNION ALL SELECT 'labor:applications:schedule'
  UNION ALL SELECT 'labor:applications:interview_result'
  UNION ALL SELECT 'labor:applications:offer'
  UNION ALL SELECT 'labor:spells:list'
  UNION ALL SELECT 'labor:spells:read'
) g ON 1 = 1
WHERE r.name = 'employer_hr';

-- Staff take every step of the flow, as 0020 granted the labour ledgers' steps.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, g.permission FROM roles r JOIN (
  SELECT 'labor:applications:schedule' AS permission
  UNION ALL SELECT 'labor:applications:interview_result'
  UNION ALL SELECT 'labor:applications:offer'
  UNION ALL SELECT 'labor:applications:accept'
  UNION ALL SELECT 'labor:applications:decline'
  UNION ALL SELECT 'labor:applications:place'
  UNION ALL SELECT 'labor:applications:withdraw'
  UNION ALL SELECT 'labor:spells:confirm_month'
  UNION ALL SELECT 'labor:spells:separate'
) g ON 1 = 1
WHERE r.name = 'staff';
