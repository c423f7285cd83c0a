-- A role made for the staff of one kind of organisation: only an account limited to a record of
-- that organisation ledger may hold it (RoleService::CheckFitsScope). Without it an employer's HR
-- role given to an account of no organisation read every employer's candidates and records.
-- NULL = any account.
ALTER TABLE roles ADD COLUMN owner_ledger TEXT;
UPDATE roles SET owner_ledger = 'employers' WHERE name = 'employer_hr';
