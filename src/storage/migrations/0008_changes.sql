-- The change feed's log (src/domain/changes/change_log.h): one row per committed change of a
-- ledger record, written in the change's own transaction, so another process (`serve`) can
-- follow writes it did not make (a CLI import) by reading seq > the last it saw.
-- seq comes from change_log_head, whose row the writer updates in its transaction: numbers are
-- handed out in commit order, so such a reader never skips a row that commits late.
-- {{ID}} for seq: the table's own key on SQLite (no extra index per row), BIGINT on PostgreSQL;
-- the writer always supplies it. No JSON and no index beyond the key: an import writes a row per
-- record. Rows older than serve's --change-retention-days are deleted at its start.
CREATE TABLE change_log (
  seq {{ID}},
  ledger TEXT NOT NULL,
  record_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  version BIGINT NOT NULL,
  helped_region TEXT,
  at TEXT NOT NULL
);

-- The last seq handed out (a single row, seq 0 before any change). Never decreases, also when
-- old rows are pruned, so a seq is never reused.
CREATE TABLE change_log_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL
);
INSERT INTO change_log_head (id, seq) VALUES (1, 0);
