-- 就业推荐 (src/domain/matching): who may read the recommendations. Staff read the jobs
-- recommended to a seeker and the people recommended for a job (viewers keep list, read and
-- export only; a role may be granted the two permissions);
-- an employer's HR accounts read the people recommended for their own employer's jobs (masked,
-- without the poverty reason; the owner scope keeps them to their jobs). A job seeker reads its
-- own recommended jobs with its session's labor:me:read. No schema: the index lives in memory.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, g.permission FROM roles r JOIN (
  SELECT 'staff' AS role, 'labor:seekers:match' AS permission
  UNION ALL SELECT 'staff', 'labor:jobs:match'
  UNION ALL SELECT 'employer_hr', 'labor:jobs:match'
) g ON g.role = r.name;
