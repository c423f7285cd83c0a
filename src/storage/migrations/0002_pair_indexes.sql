-- Indexes that let a report or list select a pair's records through pair_id (the pairs in
-- scope are chosen first, see LedgerRepository::AppendScope), with the period's date second.
CREATE INDEX visits_pair_date ON visits (pair_id, start_date);
CREATE INDEX meetings_pair_date ON meetings (pair_id, meeting_date);
CREATE INDEX agreements_pair_date ON agreements (pair_id, signed_date);
CREATE INDEX secondments_pair_date ON secondments (pair_id, start_date);
CREATE INDEX trainings_pair_date ON trainings (pair_id, start_date);
CREATE INDEX projects_pair_date ON projects (pair_id, start_date);
CREATE INDEX milestones_pair_date ON milestones (pair_id, milestone_date);
CREATE INDEX outcomes_pair_date ON outcomes (pair_id, as_of);
CREATE INDEX funds_pair_date ON funds (pair_id, fund_date);
CREATE INDEX pairings_pair_date ON pairings (pair_id, established_date);
CREATE INDEX needs_pair_date ON needs (pair_id, posted_date);
CREATE INDEX investments_pair_date ON investments (pair_id, signed_date);
CREATE INDEX people_pair_poverty ON people (pair_id, poverty_status_hash);
