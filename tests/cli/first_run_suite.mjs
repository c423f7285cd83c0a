// `make run`'s set-up step (`make db`: `shanhai init --db DB --demo`) run twice on one database,
// as two starts of `make run` do, once per database kind: the first creates admin and loads the
// demo, the second says the database was initialised before, keeps what was added in between
// and does not load the demo again (the demo's figures stay as they are, not doubled).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { REPO_ROOT, TestEnv, binaryPath, cleanEnv } from '../lib/shanhai.mjs';
import { DEMO_PAIR, DEMO_PERIOD, demoFigures } from './cli_support.mjs';

const TABLES = ['pairs', 'units', 'pairings', 'visits', 'meetings', 'trainings', 'secondments', 'funds', 'people', 'users'];

export function firstRunSuite(kind) {
  describe(`make db twice on ${kind}`, () => {
    let env;
    // The Makefile's own target, with this build's binary and the suite's database.
    const makeDb = () => {
      const r = spawnSync('make', ['-s', '--no-print-directory', '-C', REPO_ROOT, 'db', `DB=${env.db}`, `SHANHAI=${binaryPath()}`], {
        env: cleanEnv(env.extraEnv),
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (r.error) throw new Error(`make could not run: ${r.error.message}`);
      assert.equal(r.status, 0, `make db exited ${r.status}\n${r.stdout}${r.stderr}`);
      return r.stdout;
    };
    const counts = () => Object.fromEntries(TABLES.map((t) => [t, Number(env.sql(`SELECT COUNT(*) FROM ${t}`))]));
    const figures = () => {
      const r = env.mustRun(['report', '--pair', DEMO_PAIR, ...DEMO_PERIOD, '--format', 'json']);
      const indicators = JSON.parse(r.stdout).indicators;
      return Object.fromEntries(Object.keys(demoFigures()).map((k) => [k, indicators[k]]));
    };

    before(() => {
      env = TestEnv.create(kind, 'firstrun');
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('the first set-up creates admin and loads the demo; the second keeps the data and loads nothing', () => {
      const first = makeDb();
      assert.match(first, /user: admin\s+password: \S{10,}/);
      assert.match(first, /演示数据已载入 demo data loaded/);
      assert.deepEqual(figures(), demoFigures());

      // What a clerk adds between two starts (dated after the report's period, so the figures stay the demo's).
      const added = env.path('visit.csv');
      fs.writeFileSync(added, '互访事由,方向,人次,开始日期\n两次启动之间新增,to_helped,4,2021-05-06\n');
      env.mustRun(['import', 'visits', added, '--pair', DEMO_PAIR]);
      const kept = counts();

      const second = makeDb();
      assert.match(second, /数据库此前已初始化.*already initialised/s);
      assert.doesNotMatch(second, /password|演示数据已载入/, 'a second start must neither add an admin nor load the demo');
      assert.deepEqual(counts(), kept);
      assert.deepEqual(figures(), demoFigures());
      assert.equal(Number(env.sql(`SELECT COUNT(*) FROM visits WHERE title = '两次启动之间新增'`)), 1);
    });
  });
}
