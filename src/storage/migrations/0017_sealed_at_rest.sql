-- A stolen database file tells less about people (README, "Security"):
--
-- * people.poverty_status_hash goes. It was one deterministic tag per status, so the rows fell
--   into three groups whose sizes match the published 其中脱贫人口 figures, which named them. The
--   status is now kept only as ciphertext; counting and filtering by it decrypt in the service
--   (LedgerService::SealedMatches, IndicatorEngine::Figure). The two indexes that carried the tag
--   are rebuilt without it.
-- * The unkeyed row fingerprints go: anyone holding the file could confirm guessed row contents
--   against them. Fingerprints are now keyed with a key derived from the data key
--   (PiiVault::Fingerprint); SQL cannot compute those, so the upgrade step that runs after this
--   migration with the key at hand (domain/ledger/at_rest_upgrade.h) notes a keyed fingerprint for
--   each stored record of a ledger without a natural key, and re-encrypts every sensitive value
--   written before padding (version 1 tokens, whose lengths differ by value).
--
-- The same statements on both databases (SQLite has dropped columns since 3.35).
DROP INDEX people_region;
DROP INDEX people_pair_poverty;
ALTER TABLE people DROP COLUMN poverty_status_hash;
CREATE INDEX people_region ON people (helped_region);
CREATE INDEX people_pair ON people (pair_id);
DELETE FROM import_fingerprints;

-- Steps of an upgrade that need the data key, left here for the program to run and remove
-- (domain/ledger/at_rest_upgrade.h).
CREATE TABLE pending_upgrades (
  step TEXT PRIMARY KEY
);
INSERT INTO pending_upgrades (step) VALUES ('seal_at_rest');
