-- After the load (bulk loading into indexed tables is slower on both databases).
CREATE INDEX seeker_occupations_owner ON seeker_occupations (seeker_id, code);
CREATE INDEX seeker_certificates_owner ON seeker_certificates (seeker_id, certificate);
CREATE INDEX seeker_cities_owner ON seeker_cities (seeker_id, city);
CREATE INDEX seeker_provinces_owner ON seeker_provinces (seeker_id, province);
CREATE INDEX job_certificates_owner ON job_certificates (job_id, certificate);
CREATE INDEX fellows_pair ON fellows (village, employer);
ANALYZE;
