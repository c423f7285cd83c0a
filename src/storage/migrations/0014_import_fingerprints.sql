-- The fingerprints of imported rows of ledgers without a natural key (domain/ledger/
-- import_fingerprints.h), so that importing the same row again is noticed. A fingerprint
-- counts while its record exists (the look-up joins the ledger's table), so deleting a record
-- needs no clean-up here.
-- The table grows with the ledgers (one entry per imported row), so it carries the helped
-- county's region code as the ledgers do, first in its index (the distribution key; "" for a
-- ledger without pairs). The fingerprint is 63 bits of a hash (an integer keeps the index
-- small); the look-up names the ledger and the region too.
CREATE TABLE import_fingerprints (
  helped_region TEXT NOT NULL,
  ledger TEXT NOT NULL,
  fingerprint BIGINT NOT NULL,
  record_id BIGINT NOT NULL
);
CREATE INDEX import_fingerprints_lookup ON import_fingerprints (helped_region, fingerprint);
