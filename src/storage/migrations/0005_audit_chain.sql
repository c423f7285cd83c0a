-- Tamper evidence for the audit log (src/domain/audit/audit_chain.h): every entry gets its
-- position in the chain (seq: 1, 2, 3, ... without gaps), the previous entry's tag and its own
-- tag, a keyed hash over every column. The data key is not available here, so rows written
-- before this migration keep seq NULL until the application chains them, in id order, right
-- after migrating (ChainUnchainedAuditEntries, run by init and serve); `shanhai audit verify`
-- reports any row still unchained.
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
-- Two writers can never take the same position: a fork fails here even if the lock were bypassed.
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);

-- The chain's head, a single row: the last entry's seq and tag, tagged itself so that deleting
-- the newest entries (a chain cut short is still a valid chain) shows. Writers lock this row
-- (SELECT ... FOR UPDATE on PostgreSQL; SQLite's write lock) to append one at a time.
-- seq 0 with empty tags is the genesis: no entry chained yet.
CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  tag TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash, tag) VALUES (1, 0, '', '');
