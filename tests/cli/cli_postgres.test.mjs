// The CLI on a fresh PostgreSQL database ($SHANHAI_TEST_PG_URL's server): init, demo, the
// report's figures, and backup (a pg_dump archive).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { TestEnv } from '../lib/shanhai.mjs';
import { DEMO_PAIR, DEMO_PERIOD, demoFigures, hasChinese, hasEnglish } from './cli_support.mjs';

describe('shanhai CLI on PostgreSQL', () => {
  let env;

  before(() => {
    env = TestEnv.create('postgres', 'cli');
  });
  after(async () => {
    if (env) await env.cleanup();
  });

  it('init is idempotent and demo refuses a non-empty database', () => {
    const first = env.mustRun(['init']);
    assert.match(first.stdout, /user: admin\s+password: \S{10,}/);
    const second = env.mustRun(['init']);
    assert.doesNotMatch(second.stdout, /password/);
    env.mustRun(['demo']);
    const again = env.run(['demo']);
    assert.equal(again.status, 1);
    assert.ok(hasChinese(again.stderr) && hasEnglish(again.stderr), again.stderr);
  });

  it('report --format json has the demo figures', () => {
    const r = env.mustRun(['report', '--pair', DEMO_PAIR, ...DEMO_PERIOD, '--format', 'json']);
    const indicators = JSON.parse(r.stdout).indicators;
    const expected = demoFigures();
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, indicators[k]])), expected);
  });

  it('backup writes a non-empty pg_dump archive with the ledgers', () => {
    const out = env.path('shanhai.dump');
    const r = env.mustRun(['backup', '-o', out]);
    assert.match(r.stdout, /key/i);
    const bytes = fs.readFileSync(out);
    assert.ok(bytes.length > 1000, `dump is only ${bytes.length} bytes`);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), 'PGDMP', 'not a pg_dump custom-format archive');
    const list = spawnSync('pg_restore', ['--list', out], { encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    for (const table of ['visits', 'people', 'audit_log', 'users']) {
      assert.match(list.stdout, new RegExp(`TABLE public ${table} `), `the dump has no table ${table}`);
    }
  });
});
