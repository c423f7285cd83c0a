-- How many personal numbers each account learnt today, by kind (domain/audit/disclosure_quota.h):
-- key matches (an ID number typed or imported that a stored record holds) and reveals. One row
-- per account, day (China Standard Time, YYYY-MM-DD) and kind, counted up in the transaction of
-- what it counts, so a count commits or vanishes with it. Old days are kept for the auditor; a
-- row is a few bytes per active account and day.
CREATE TABLE disclosure_counts (
  actor TEXT NOT NULL,
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  used BIGINT NOT NULL,
  PRIMARY KEY (actor, day, kind)
);
