-- Files kept for users, encrypted at rest with the data key (security/pii_vault.h tokens).
--
-- Evidence bytes move from plain files in the evidence directory into the database: one row
-- per evidence row, the token made with "evidence:<id>" as associated data so it cannot be
-- swapped onto another evidence row. Deleting a record deletes its evidence and this content
-- in the same transaction; the history keeps only the reference (id and file name).
CREATE TABLE evidence_content (
  evidence_id BIGINT PRIMARY KEY REFERENCES evidence(id) ON DELETE CASCADE,
  content TEXT NOT NULL
);

-- Import error sheets (.xlsx listing the refused rows with their values): each belongs to the
-- user who imported and may be fetched only by that user until it expires (a day after
-- created_epoch, in Unix seconds), when it is deleted.
CREATE TABLE import_error_sheets (
  token TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  created_epoch BIGINT NOT NULL,
  content TEXT NOT NULL
);
CREATE INDEX import_error_sheets_created ON import_error_sheets (created_epoch);
