-- Shared option sets (FieldDef::option_set): the direction of people or money is one
-- dictionary, "direction", instead of a copy per ledger ("visits.direction", …). The stored
-- overrides of the copies move to it; where several copies changed the same option, the latest
-- change (updated_at, then id) is kept.
INSERT INTO dictionary_entries (dictionary, code, label_zh, label_en, sort_order, disabled, updated_at, updated_by)
SELECT 'direction', e.code, e.label_zh, e.label_en, e.sort_order, e.disabled, e.updated_at, e.updated_by
FROM dictionary_entries e
WHERE e.dictionary IN ('visits.direction', 'secondments.direction', 'trainings.direction', 'funds.direction')
  AND NOT EXISTS (
    SELECT 1 FROM dictionary_entries later
    WHERE later.dictionary IN ('visits.direction', 'secondments.direction', 'trainings.direction', 'funds.direction')
      AND later.code = e.code
      AND (later.updated_at > e.updated_at OR (later.updated_at = e.updated_at AND later.id > e.id)));

DELETE FROM dictionary_entries
WHERE dictionary IN ('visits.direction', 'secondments.direction', 'trainings.direction', 'funds.direction');
