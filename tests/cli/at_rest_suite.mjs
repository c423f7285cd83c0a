// What a stolen database file gives away about people (migration 0017, README "Security"), read
// with the database's own shell after `shanhai demo`, once per database: every ciphertext of a
// column has one length whatever it holds, the poverty status has no look-up hash, and no
// column's values split the people into the groups of their poverty status. The statuses
// themselves come from a revealing export (the data key's holder), in the table's id order.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { TestEnv } from '../lib/shanhai.mjs';
import { DEMO_PAIR } from './cli_support.mjs';

// Cells of one CSV line as the export writes them (quoted where they hold a comma or quote).
function csvCells(line) {
  const cells = [];
  let cell = '', quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; ++i; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

export function atRestSuite(kind) {
  describe(`personal data at rest on ${kind}`, () => {
    let env, columns, statuses, names;
    const column = (name) => env.sql(`SELECT COALESCE(CAST(${name} AS TEXT), '(null)') FROM people ORDER BY id`).split('\n');

    before(() => {
      env = TestEnv.create(kind, 'atrest');
      env.mustRun(['init']);
      env.mustRun(['demo']);
      columns = (kind === 'sqlite'
        ? env.sql("SELECT name FROM pragma_table_info('people')")
        : env.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'people'")).split('\n');
      const out = env.path('people.csv');
      env.mustRun(['export', 'people', '-o', out, '--pair', DEMO_PAIR, '--reveal']);
      const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      const header = csvCells(lines[0]).map((h) => h.replace(/^\*/, ''));  // * marks a required column
      const rows = lines.slice(1).map(csvCells);
      statuses = rows.map((r) => r[header.indexOf('帮扶对象类别')]);
      names = rows.map((r) => r[header.indexOf('姓名')]);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('the export follows the table row for row, and holds every status', () => {
      assert.deepEqual(column('name'), names);
      assert.deepEqual([...new Set(statuses)].sort(), ['一般农户', '监测对象', '脱贫户'].sort());
    });

    it('the poverty status is stored as ciphertext only', () => {
      assert.ok(columns.includes('poverty_status_enc'), columns.join(','));
      assert.ok(!columns.includes('poverty_status_hash'), columns.join(','));
      for (const value of column('poverty_status_enc')) assert.doesNotMatch(value, /lifted|monitored|ordinary|脱贫/);
    });

    it('each sensitive column has ciphertexts of one length, whatever the value', () => {
      for (const name of ['poverty_status_enc', 'id_number_enc', 'mobile_enc']) {
        const lengths = env.sql(`SELECT DISTINCT LENGTH(${name}) FROM people WHERE ${name} IS NOT NULL`).split('\n');
        assert.equal(lengths.length, 1, `${name} has lengths ${lengths.join(', ')}`);
      }
      // By status too: the figure 其中脱贫人口 cannot be matched to a group of a size.
      const byLength = new Map();
      column('poverty_status_enc').forEach((v, i) => byLength.set(v.length, (byLength.get(v.length) ?? new Set()).add(statuses[i])));
      assert.equal(byLength.size, 1);
    });

    it('no column takes one value per poverty status', () => {
      for (const name of columns) {
        const values = column(name);
        const statusesOf = new Map(), valuesOf = new Map();
        values.forEach((v, i) => {
          statusesOf.set(v, (statusesOf.get(v) ?? new Set()).add(statuses[i]));
          valuesOf.set(statuses[i], (valuesOf.get(statuses[i]) ?? new Set()).add(v));
        });
        const tagsStatus = [...statusesOf.values()].every((s) => s.size === 1) && [...valuesOf.values()].every((s) => s.size === 1);
        assert.ok(!tagsStatus, `column ${name} names the poverty status of each row`);
        // Nor a column whose value groups have the status groups' sizes (a tag under another name).
        const sizes = (m) => [...m.values()].map((s) => s.size).sort((a, b) => a - b).join(',');
        const groupSizes = new Map();
        values.forEach((v) => groupSizes.set(v, (groupSizes.get(v) ?? 0) + 1));
        const statusSizes = new Map();
        statuses.forEach((s) => statusSizes.set(s, (statusSizes.get(s) ?? 0) + 1));
        assert.notEqual([...groupSizes.values()].sort((a, b) => a - b).join(','),
                        [...statusSizes.values()].sort((a, b) => a - b).join(','), `column ${name}: ${sizes(statusesOf)}`);
      }
    });

    it('row fingerprints are keyed: the same rows imported under two data keys get different ones', async () => {
      assert.ok(Number(env.sql('SELECT COUNT(*) FROM import_fingerprints')) > 0, 'the demo notes fingerprints');
      // Two fresh databases (their own random keys) given the same pair and visit: the same ids
      // and values, so an unkeyed hash would agree.
      const prints = [];
      for (const label of ['atresta', 'atrestb']) {
        const other = TestEnv.create(kind, label);
        try {
          other.mustRun(['init']);
          fs.writeFileSync(other.path('pairs.csv'), 'helper_region,helped_region\n440111,522727\n');
          fs.writeFileSync(other.path('visits.csv'), '互访事由,方向,人次,开始日期\n指纹测试,to_helped,5,2020-06-09\n');
          other.mustRun(['import', 'pairs', other.path('pairs.csv')]);
          other.mustRun(['import', 'visits', other.path('visits.csv'), '--pair', '440111-522727']);
          prints.push(other.sql("SELECT fingerprint FROM import_fingerprints WHERE ledger = 'visits'"));
        } finally {
          await other.cleanup();
        }
      }
      assert.match(prints[0], /^\d+$/);
      assert.match(prints[1], /^\d+$/);
      assert.notEqual(prints[0], prints[1]);
    });
  });
}
