-- Dictionaries (数据字典): administrators' additions to, and relabelling of, the options of
-- enum fields. dictionary is "<ledger>.<field>" (e.g. "trainings.category"). An entry whose
-- code is one of the field's declared options only relabels it; other codes are new options.
-- disabled entries are refused for new input but still label existing records.
CREATE TABLE dictionary_entries (
  id {{ID}},
  dictionary TEXT NOT NULL,
  code TEXT NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  UNIQUE (dictionary, code)
);
