-- The result of an application's interview, set by the interview-result steps (pass, fail,
-- no_show) and kept whatever the application does next: an application withdrawn after its
-- interview passed still had its interview held (labor.interviews counts passed and failed).
-- Applications past their interview before this column get it from their state; one withdrawn
-- before this migration does not tell whether it was interviewed and stays NULL.
ALTER TABLE applications ADD COLUMN interview_outcome TEXT;
UPDATE applications SET interview_outcome = 'passed' WHERE status IN ('passed', 'offered', 'accepted', 'declined', 'placed');
UPDATE applications SET interview_outcome = status WHERE status IN ('failed', 'no_show');
