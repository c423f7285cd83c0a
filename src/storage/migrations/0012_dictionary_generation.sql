-- The dictionaries' generation (DictionaryService::Generation): a single row that every change
-- of dictionary_entries raises in its own transaction, so that a connection keeping the merged
-- options in memory (LedgerService::RefreshDictionaries) learns with one look-up whether they
-- are still the stored ones, whichever connection or process made the change.
CREATE TABLE dictionary_generation (
  id INTEGER PRIMARY KEY,
  generation BIGINT NOT NULL
);
INSERT INTO dictionary_generation (id, generation) VALUES (1, 0);
