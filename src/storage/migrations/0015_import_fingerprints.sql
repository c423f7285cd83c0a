-- The fingerprints of imported rows of ledgers without a natural key (domain/ledger/
-- import_fingerprints.h), so that importing the same row again is noticed. A fingerprint
-- counts while its record exists (the look-up joins the ledger's table), so deleting a record
-- needs no clean-up here; the same row imported twice on purpose has two rows.
-- The fingerprint is 63 bits of a hash (an integer keeps the index small: an import adds one
-- entry per row); the look-up names the ledger too.
CREATE TABLE import_fingerprints (
  ledger TEXT NOT NULL,
  fingerprint BIGINT NOT NULL,
  record_id BIGINT NOT NULL
);
CREATE INDEX import_fingerprints_lookup ON import_fingerprints (fingerprint);
