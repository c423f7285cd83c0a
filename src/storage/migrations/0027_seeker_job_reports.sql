-- Which job seeker reported which job from the phone page (SeekerSelfService::Report): a person
-- reports one job once (the key), and a few jobs a day (counted by reported_date, China date),
-- so one session cannot flood the staff's list of reports. report_id is the job_reports record;
-- reports staff record for a seeker are not here (staff are not limited).
CREATE TABLE seeker_job_reports (
  person_id BIGINT NOT NULL,
  job_id BIGINT NOT NULL,
  report_id BIGINT NOT NULL,
  reported_date TEXT NOT NULL,
  PRIMARY KEY (person_id, job_id)
);
CREATE INDEX seeker_job_reports_day ON seeker_job_reports (person_id, reported_date);
