-- Targets get a natural key, year_indicator ("2021:leadership.visit_batches", which the ledger
-- derives from year and indicator_key: TargetYearIndicator), unique within the pair, so that a
-- re-imported targets sheet finds the stored target of each row and updates or skips it. It
-- replaces the unique key (pair_id, year, indicator_key), which said the same in three columns:
-- a ledger with a natural key has no other unique key (BatchWriter::UpdateStored relies on it).
-- Ids, versions and every other column stay as they were, so the change feed, the audit log and
-- the evidence still name the same records; the fingerprints of imported targets (kept only for
-- ledgers without a natural key) are no longer read and go.
--
-- SQLite cannot drop a table's constraint: the table is rebuilt under its name, with its
-- AUTOINCREMENT counter, so that a deleted target's id is still never handed out again (DROP
-- TABLE removes the old table's counter, RENAME moves the new one's). No table refers to targets
-- and it has no index besides its unique key, so nothing else needs rebuilding.
{{SQLITE}}
CREATE TABLE targets_rebuilt (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  year BIGINT NOT NULL,
  indicator_key TEXT NOT NULL,
  target_value BIGINT NOT NULL,
  agreement_id BIGINT REFERENCES agreements(id),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  year_indicator TEXT NOT NULL,
  UNIQUE (pair_id, year_indicator)
);
INSERT INTO targets_rebuilt (id, pair_id, helped_region, year, indicator_key, target_value, agreement_id, note,
                             created_at, updated_at, created_by, updated_by, version, year_indicator)
SELECT id, pair_id, helped_region, year, indicator_key, target_value, agreement_id, note,
       created_at, updated_at, created_by, updated_by, version, CAST(year AS TEXT) || ':' || indicator_key
FROM targets;
DELETE FROM sqlite_sequence WHERE name = 'targets_rebuilt';
INSERT INTO sqlite_sequence (name, seq) SELECT 'targets_rebuilt', seq FROM sqlite_sequence WHERE name = 'targets';
DROP TABLE targets;
ALTER TABLE targets_rebuilt RENAME TO targets;
{{END}}
-- PostgreSQL named the old key after its columns when 0001 created it.
{{POSTGRES}}
ALTER TABLE targets ADD COLUMN year_indicator TEXT;
UPDATE targets SET year_indicator = CAST(year AS TEXT) || ':' || indicator_key;
ALTER TABLE targets ALTER COLUMN year_indicator SET NOT NULL;
ALTER TABLE targets DROP CONSTRAINT targets_pair_id_year_indicator_key_key;
ALTER TABLE targets ADD CONSTRAINT targets_natural_key UNIQUE (pair_id, year_indicator);
{{END}}
DELETE FROM import_fingerprints WHERE ledger = 'targets';
