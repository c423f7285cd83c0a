-- The tranches (分批拨付) in which a fund is paid out: lines of a funds record, written only with
-- it (RecordSetService), so the check over all of them (their sum within the fund's amount) runs
-- on every change. They carry the fund's pair; deleting a fund deletes its tranches first.
CREATE TABLE fund_tranches (
  id {{ID}},
  pair_id BIGINT NOT NULL REFERENCES pairs(id),
  helped_region TEXT NOT NULL,
  fund_id BIGINT NOT NULL REFERENCES funds(id),
  paid_date TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  payee TEXT,
  voucher TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX fund_tranches_region_date ON fund_tranches (helped_region, paid_date);
CREATE INDEX fund_tranches_fund ON fund_tranches (fund_id);
