-- The job seeker's own steps on an application (src/domain/job_seekers/seeker_self_service.h):
-- the answer to the interview time HR proposed (accepted, or declined asking for another time,
-- with the reason kept for HR). The seeker's session takes them; no staff role is granted
-- labor:applications:answer_time (an administrator's "*" aside): the answer is the person's own.
ALTER TABLE applications ADD COLUMN interview_answer TEXT;
ALTER TABLE applications ADD COLUMN time_decline_reason TEXT;
