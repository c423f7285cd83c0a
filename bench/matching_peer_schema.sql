-- The tables of the matching benchmark's SQL peer (bench/matching_peer.sh), the same on SQLite and
-- PostgreSQL: the generated labour market of bench/matching_dump.h, with the indexes a query for one
-- seeker's top jobs can use (every list by its owner, fellows by village and employer).
CREATE TABLE seekers (id BIGINT PRIMARY KEY, home_village BIGINT, county INTEGER, province INTEGER,
  birth_date INTEGER, gender INTEGER, education INTEGER, household INTEGER, willing_bands INTEGER,
  expected_wage BIGINT, wage_floor BIGINT, available INTEGER);
CREATE TABLE seeker_occupations (seeker_id BIGINT, code INTEGER);
CREATE TABLE seeker_certificates (seeker_id BIGINT, certificate INTEGER);
CREATE TABLE seeker_cities (seeker_id BIGINT, city INTEGER);
CREATE TABLE seeker_provinces (seeker_id BIGINT, province INTEGER);
CREATE TABLE jobs (id BIGINT PRIMARY KEY, employer_id BIGINT, occupation INTEGER, county INTEGER, city INTEGER,
  province INTEGER, start_date INTEGER, wage_min BIGINT, wage_max BIGINT, middle BIGINT, board INTEGER,
  lodging INTEGER, min_age INTEGER, max_age INTEGER, gender INTEGER, min_education INTEGER, open INTEGER);
CREATE TABLE job_certificates (job_id BIGINT, certificate INTEGER);
CREATE TABLE fellows (village BIGINT, employer BIGINT, people INTEGER);
