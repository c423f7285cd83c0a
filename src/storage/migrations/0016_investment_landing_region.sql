-- Investments get 落地地 (landing_region): the county, town or village of the helped side where the
-- enterprise invests. 企业来源地 (origin_region) is the helper side, so a helped-side town's clerk
-- could place no investment in the town; the landing region places it there. Existing records
-- keep it empty (nobody recorded where they landed) and stay outside a town's figures until filled.
-- The same statement on SQLite and PostgreSQL.
ALTER TABLE investments ADD COLUMN landing_region TEXT;
