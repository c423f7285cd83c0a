// Durability tests, run once per database on the demo data.
// Crashes: `shanhai import` and `shanhai serve` killed with SIGKILL at random moments, many times.
// After every kill:
//  - the database passes its integrity check (SQLite: PRAGMA integrity_check and
//    foreign_key_check; both: the demo pair's report figures are those from before the kills);
//  - each import is all or nothing: its rows are all there (when it committed) or none;
//  - every write the server acknowledged (201) is there after the restart, with its audit row.
// Backup under load: `shanhai backup` taken while the server takes a stream of writes gives a
// consistent copy (SQLite: the copy itself; PostgreSQL: the pg_dump archive restored with pg_restore
// into a fresh database): integrity, every write in it has its audit row, the writes in it are
// exactly the first n of the stream, and its figures equal the source's at that point.
// The imports and the server's writes go to the city pair, so the county pair's figures must not move.
// Environment: CRASH_KILLS (kills per scenario, default 20), CRASH_SEED (random seed, printed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';

const KILLS = Number(process.env.CRASH_KILLS || 20);
const SCENARIO_BUDGET_MS = 60_000;  // a scenario stops killing after this, whatever KILLS says
const IMPORT_ROWS = 10000;
const WRITE_PAIR = '440100-522700';   // demo's city pair: not inside the county pair
const FIGURES_PAIR = '440111-522727'; // demo's county pair, whose figures must not move
const WRITERS = 4;                    // concurrent clients writing to the server

// A small seeded generator (mulberry32), so a failing run can be repeated with CRASH_SEED.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A pair's report as JSON, without the moment it was made, from the suite's database or db.
function figures(env, pair = FIGURES_PAIR, db = env.db) {
  const out = env.path('report.json');
  env.mustRun(['report', '--pair', pair, '--format', 'json', '-o', out, '--db', db], { db: false });
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  delete report.generated_at;
  return report;
}

function checkIntegrity(env, where) {
  if (env.kind === 'sqlite') {
    assert.equal(env.sql('PRAGMA integrity_check'), 'ok', `${where}: integrity_check`);
    assert.equal(env.sql('PRAGMA foreign_key_check'), '', `${where}: foreign_key_check`);
  }
}

function count(env, sqlCondition, db = env.db) {
  return Number(env.sql(`SELECT COUNT(*) FROM visits WHERE ${sqlCondition}`, db));
}

// Visits titled with prefix that have no 'create' audit row (written in the same transaction).
function withoutAudit(env, prefix, db = env.db) {
  return count(env, `title LIKE '${prefix}%' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.ledger = 'visits' ` +
    "AND a.record_id = visits.id AND a.action = 'create')", db);
}

// Logs in `writers` clients and has them create visits titled prefix + sequence number until
// stop() is called; returns { acknowledged (titles answered 201, in order), stop(), done }.
// A failed connection ends that writer (the server may be killed); any other refusal fails.
async function writeStream(server, password, prefix, writers) {
  const acknowledged = [];
  let stopping = false;
  let seq = 0;
  const clients = [];
  for (let w = 0; w < writers; w++) {
    const c = new ApiClient(server.base);
    await c.mustLogin('admin', password);
    clients.push(c);
  }
  const writer = async (c) => {
    while (!stopping) {
      const title = `${prefix}${seq++}`;
      let r;
      try {
        r = await c.request('POST', '/api/v1/exchange/visits', {
          json: { pair: WRITE_PAIR, title, direction: 'to_helped', person_times: 2, start_date: '2021-05-01' },
        });
      } catch {
        return;
      }
      if (r.status === 201) acknowledged.push(title);
      else if (!stopping) assert.fail(`write refused: ${r.status} ${r.text}`);
    }
  };
  const done = Promise.all(clients.map(writer));
  return { acknowledged, done, stop: () => { stopping = true; return done; } };
}

function writeImportFile(env, batch) {
  const lines = ['*帮扶关系,*互访事由,*方向,*人次,*开始日期'];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    lines.push(`${WRITE_PAIR},导入批次K${batch}#第${i}行,${i % 2 ? 'to_helper' : 'to_helped'},${1 + (i % 9)},2021-0${1 + (i % 9)}-1${i % 10}`);
  }
  const file = env.path(`import-${batch}.csv`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

export function durabilitySuite(kind) {
  describe(`durability on ${kind}`, () => {
    let env;
    let password;
    let baseline;
    const seed = Number(process.env.CRASH_SEED || Date.now() % 1_000_000);
    const rand = random(seed);

    const restoredDatabases = [];

    before(() => {
      console.log(`crash test seed ${seed} (CRASH_SEED=${seed} repeats it)`);
      env = TestEnv.create(kind, 'durability');
      password = env.init();
      env.mustRun(['demo']);
      baseline = figures(env);
    });

    after(async () => {
      for (const name of restoredDatabases) env.sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (env) await env.cleanup();
    });

    it('an import killed at any moment is either absent or complete', async () => {
      // One import to the end, to learn how long an import takes here.
      const started = Date.now();
      env.mustRun(['import', 'visits', writeImportFile(env, 0)]);
      const importMs = Date.now() - started;
      assert.equal(count(env, "title LIKE '导入批次K0#%'"), IMPORT_ROWS);

      const deadline = Date.now() + SCENARIO_BUDGET_MS;
      let window = importMs;  // kills land in [0, 0.9 window); shrinks when imports finish sooner
      let killed = 0;
      let killedAfterCommit = 0;
      let finished = 0;
      for (let batch = 1; killed - killedAfterCommit < KILLS && Date.now() < deadline; batch++) {
        const file = writeImportFile(env, batch);
        const runStarted = Date.now();
        const run = env.start(['import', 'visits', file]);
        await sleep(Math.floor(rand() * window * 0.9));
        run.child.kill('SIGKILL');
        const { code, signal } = await run.exited;
        const where = `import ${batch} (${signal ? `killed by ${signal}` : `exited ${code}`})`;
        if (signal) {
          killed++;
        } else {
          assert.equal(code, 0, `${where}: an import that was not killed must succeed`);
          finished++;
          window = Math.min(window, Date.now() - runStarted);
        }
        checkIntegrity(env, where);
        const stored = count(env, `title LIKE '导入批次K${batch}#%'`);
        if (signal && stored === IMPORT_ROWS) killedAfterCommit++;
        if (stored !== IMPORT_ROWS) assert.equal(stored, 0, `${where}: ${stored} of ${IMPORT_ROWS} rows stored`);
        if (!signal) assert.equal(stored, IMPORT_ROWS, `${where}: finished but rows missing`);
      }
      console.log(`${kind}: ${killed} imports killed (${killed - killedAfterCommit} before their commit: no rows; ` +
        `${killedAfterCommit} after: all rows), ${finished} finished before the kill; one import alone ${importMs} ms`);
      assert.ok(killed - killedAfterCommit >= KILLS, `only ${killed - killedAfterCommit} imports were killed before their commit`);
      assert.deepEqual(figures(env), baseline, 'the county pair figures changed');
    });

    it("a server killed while taking writes keeps every write it acknowledged", async () => {
      const acknowledged = new Set();
      const deadline = Date.now() + SCENARIO_BUDGET_MS;
      let kills = 0;
      for (let round = 1; round <= KILLS && Date.now() < deadline; round++) {
        const server = await env.serve();
        const stream = await writeStream(server, password, `服务写入R${round}#`, WRITERS);
        await sleep(100 + Math.floor(rand() * 400));
        server.child.kill('SIGKILL');
        await server.exited;
        await stream.stop();
        for (const t of stream.acknowledged) acknowledged.add(t);
        kills++;
        checkIntegrity(env, `server kill ${round}`);
      }
      assert.ok(acknowledged.size > 0, 'no write was acknowledged');
      const stored = new Set(env.sql("SELECT title FROM visits WHERE title LIKE '服务写入R%'").split('\n').filter(Boolean));
      const lost = [...acknowledged].filter((t) => !stored.has(t));
      assert.deepEqual(lost, [], `${lost.length} acknowledged writes lost`);
      // Unacknowledged writes may have committed just before the kill, at most one per writer per kill.
      assert.ok(stored.size <= acknowledged.size + WRITERS * kills, `${stored.size} stored, ${acknowledged.size} acknowledged`);
      assert.equal(withoutAudit(env, '服务写入R'), 0, 'records stored without their audit row');
      console.log(`${kind}: server killed ${kills} times; ${acknowledged.size} writes acknowledged, all present (${stored.size} stored)`);
      assert.deepEqual(figures(env), baseline, 'the county pair figures changed');
      // And the server still starts and serves on the database the kills left.
      const server = await env.serve();
      const c = new ApiClient(server.base);
      await c.mustLogin('admin', password);
      const list = await c.get(`/api/v1/exchange/visits?pair=${WRITE_PAIR}&page_size=1`);
      assert.equal(list.status, 200);
      await server.stop();
    });

    it('a backup taken during a stream of writes restores to a consistent database', async () => {
      const server = await env.serve();
      // One writer, so the order of the acknowledgements is the order of the commits.
      const stream = await writeStream(server, password, '备份期间写入#', 1);
      // Writes before the backup and after it, so the copy's moment falls inside the stream.
      const acknowledgedAtLeast = async (n) => {
        for (let waited = 0; stream.acknowledged.length < n; waited += 20) {
          assert.ok(waited < 30_000, `only ${stream.acknowledged.length} writes acknowledged in 30 s`);
          await sleep(20);
        }
      };
      await acknowledgedAtLeast(20);
      const copy = kind === 'sqlite' ? env.path('backup.db') : env.path('backup.pgdump');
      const backup = env.start(['backup', '-o', copy]);  // in the background: the stream goes on meanwhile
      assert.deepEqual(await backup.exited, { code: 0, signal: null }, 'shanhai backup failed');
      await acknowledgedAtLeast(stream.acknowledged.length + 20);
      await stream.stop();
      await server.stop();
      const written = stream.acknowledged;

      let restored = copy;
      if (kind === 'sqlite') {
        fs.copyFileSync(`${env.db}.key`, `${copy}.key`);
        assert.equal(env.sql('PRAGMA integrity_check', copy), 'ok');
        assert.equal(env.sql('PRAGMA foreign_key_check', copy), '');
      } else {
        const name = `${new URL(env.db).pathname.slice(1)}_restored`;
        env.sql(`CREATE DATABASE ${name}`);
        restoredDatabases.push(name);
        restored = env.pgDatabaseUrl(name);
        const r = spawnSync('pg_restore', ['--no-owner', '-d', restored, copy], { encoding: 'utf8', timeout: 60_000 });
        assert.equal(r.status, 0, `pg_restore failed: ${r.stderr}`);
      }
      const inCopy = env.sql("SELECT title FROM visits WHERE title LIKE '备份期间写入#%'", restored).split('\n').filter(Boolean);
      const n = inCopy.length;
      console.log(`${kind}: ${written.length} writes during the backup, ${n} of them in the copy`);
      assert.ok(n > 0 && n < written.length, `the backup should fall inside the stream (${n} of ${written.length} writes in it)`);
      assert.deepEqual(new Set(inCopy), new Set(written.slice(0, n)), 'the copy does not hold exactly the first writes');
      assert.equal(withoutAudit(env, '备份期间写入#', restored), 0, 'the copy holds records without their audit row');
      assert.deepEqual(figures(env, FIGURES_PAIR, restored), baseline, 'county figures of the copy');
      // The source at the copy's moment: remove the writes made after it (the figures read the
      // ledgers, not the audit log), then compare the city pair.
      env.sql(`DELETE FROM visits WHERE title IN (${written.slice(n).map((t) => `'${t}'`).join(',')})`);
      assert.deepEqual(figures(env, WRITE_PAIR, restored), figures(env, WRITE_PAIR), 'city figures of the copy and the source at its moment');
    });
  });
}
