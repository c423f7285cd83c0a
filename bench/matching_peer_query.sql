-- One seeker's top 10 jobs as one SQL query: the hard rules and the score of src/matching/match_rules.cc
-- written out (weights: wage percent capped at ±30, exact skill 20, same major group 8, board 4,
-- lodging 6, preferred city 10 else province 6, in county 8, in province 4, 3 per fellow villager up
-- to 15, priority household 10), ranked as the engine ranks (points, then wage margin, then id).
-- :seeker is replaced by the seeker's id (and opens each answer row, so a run of queries can be checked). Portable SQL: SQLite and PostgreSQL both truncate integer
-- division toward zero, as C++ does.
SELECT :seeker AS seeker_id, id, points, margin FROM (
  SELECT c.id, c.margin,
         (CASE WHEN c.expected_wage <= 0 THEN 0 WHEN c.pct > 30 THEN 30 WHEN c.pct < -30 THEN -30 ELSE c.pct END)
         + c.skill + c.meals + c.place
         + (CASE c.band WHEN 0 THEN 8 WHEN 1 THEN 4 ELSE 0 END)
         + (CASE WHEN c.fellows * 3 > 15 THEN 15 ELSE c.fellows * 3 END)
         + (CASE WHEN c.household <> 0 THEN 10 ELSE 0 END) AS points
  FROM (
    SELECT j.id, j.middle - s.expected_wage AS margin, s.expected_wage, s.household, s.willing_bands,
           CASE WHEN s.expected_wage > 0 THEN (j.middle - s.expected_wage) * 100 / s.expected_wage ELSE 0 END AS pct,
           CASE WHEN j.county = s.county THEN 0 WHEN j.province = s.province THEN 1 ELSE 2 END AS band,
           CASE WHEN j.occupation = 0 THEN 0
                WHEN EXISTS (SELECT 1 FROM seeker_occupations o WHERE o.seeker_id = s.id AND o.code = j.occupation) THEN 20
                WHEN EXISTS (SELECT 1 FROM seeker_occupations o
                             WHERE o.seeker_id = s.id AND o.code / 1000000 = j.occupation / 1000000) THEN 8
                ELSE 0 END AS skill,
           (CASE WHEN j.board = 1 THEN 4 ELSE 0 END) + (CASE WHEN j.lodging = 1 THEN 6 ELSE 0 END) AS meals,
           CASE WHEN EXISTS (SELECT 1 FROM seeker_cities p WHERE p.seeker_id = s.id AND p.city = j.city) THEN 10
                WHEN EXISTS (SELECT 1 FROM seeker_provinces p WHERE p.seeker_id = s.id AND p.province = j.province) THEN 6
                ELSE 0 END AS place,
           COALESCE(f.people, 0) AS fellows
    FROM seekers s
    CROSS JOIN jobs j
    LEFT JOIN fellows f ON f.village = s.home_village AND f.employer = j.employer_id
    WHERE s.id = :seeker AND s.available = 1 AND j.open = 1
      AND (j.gender = 0 OR j.gender = s.gender)
      AND s.education >= j.min_education
      AND (j.min_age = 0 OR (j.start_date - s.birth_date) / 10000 >= j.min_age)
      AND (j.max_age = 0 OR (j.start_date - s.birth_date) / 10000 <= j.max_age)
      AND j.wage_max >= s.wage_floor
      AND NOT EXISTS (SELECT 1 FROM job_certificates r WHERE r.job_id = j.id
                      AND NOT EXISTS (SELECT 1 FROM seeker_certificates h
                                      WHERE h.seeker_id = s.id AND h.certificate = r.certificate))
  ) c
  WHERE (c.willing_bands & (CASE c.band WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 4 END)) <> 0
) r
ORDER BY points DESC, margin DESC, id
LIMIT 10;
