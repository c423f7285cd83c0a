// The change feed's test (issue 7), run once per database: `shanhai serve` runs; the CLI
// imports a few thousand people into the same database (another process), while the server
// takes writes of its own; the feed's subscriber in the server (the operators' tally, GET
// /api/v1/admin/changes) must have seen every imported record — its count of created people
// equals the rows stored — within a second of the import finishing, and the API's create,
// update and delete of one record exactly once each.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';

const PAIR = '440111-522727';  // the demo's county pair
const IMPORT_ROWS = 3000;
const WITHIN_MS = 1000;        // the issue's "caught up within a second"
const POLL_MS = 200;           // serve's --change-poll-ms in this suite

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// GB 11643 check character of a 17-digit body, computed here, independently of the binary.
function id18(body) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * weights[i];
  return body + '10X98765432'[sum % 11];
}

// A people sheet of n rows with distinct ID numbers: born 1961-01-01 onwards (a day per 400
// rows), sequence numbers 100-499 — the demo's people use 500-999, so none collides.
function writePeople(env, n) {
  const lines = ['帮扶关系,*姓名,*身份证号,*帮扶对象类别,备注'];
  for (let i = 0; i < n; i++) {
    const born = new Date(Date.UTC(1961, 0, 1 + Math.floor(i / 400)));
    const ymd = born.toISOString().slice(0, 10).replaceAll('-', '');
    lines.push(`${PAIR},测试人员${i},${id18(`522727${ymd}${100 + (i % 400)}`)},一般农户,变更流测试`);
  }
  const file = env.path(`people-${n}.csv`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

// The feed's position as the server reports it.
async function position(client) {
  const r = await client.request('GET', '/api/v1/admin/changes');
  assert.equal(r.status, 200, r.text);
  return r.json;
}

const seen = (pos, ledger, kind) => pos.by_ledger?.[ledger]?.[kind] ?? 0;

// Polls the position until done(pos) holds or timeoutMs passes; returns { pos, ms }.
async function waitFor(client, done, timeoutMs) {
  const start = Date.now();
  for (;;) {
    const pos = await position(client);
    if (done(pos)) return { pos, ms: Date.now() - start };
    if (Date.now() - start > timeoutMs) return { pos, ms: Date.now() - start, timedOut: true };
    await sleep(20);
  }
}

export function changesSuite(kind) {
  describe(`the change feed on ${kind}`, () => {
    let env;
    let client;
    let server;

    before(async () => {
      env = TestEnv.create(kind, 'changes');
      const password = env.init();
      env.mustRun(['demo']);  // the pair, and data the follower must not replay (it starts at the head)
      server = await env.serve({ args: ['--change-poll-ms', String(POLL_MS)] });
      client = new ApiClient(server.base);
      await client.mustLogin('admin', password);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('starts at the head: nothing written before serve started is delivered', async () => {
      const pos = await position(client);
      assert.ok(Number(env.sql('SELECT COUNT(*) FROM change_log')) > 0, 'the demo wrote change_log rows');
      assert.equal(pos.total, 0);
      assert.equal(pos.head_seq, Number(env.sql('SELECT seq FROM change_log_head')));
      assert.equal(pos.lag, 0);
      assert.equal(pos.follower.running, true);
      assert.equal(pos.follower.interval_ms, POLL_MS);
    });

    it('sees every record a CLI import stores, within a second, while the server writes too', async (t) => {
      const file = writePeople(env, IMPORT_ROWS);
      const peopleBefore = Number(env.sql('SELECT COUNT(*) FROM people'));
      const before = await position(client);
      const importing = env.start(['import', 'people', file]);
      // The server's own writes during the import: they and the import's rows share the feed.
      let created = 0;
      let finished = false;
      importing.exited.then(() => (finished = true));
      while (!finished) {
        const r = await client.request('POST', '/api/v1/exchange/visits', {
          json: { pair: PAIR, title: `变更流测试互访${created}`, direction: 'to_helped', person_times: 2, start_date: '2021-05-01' },
        });
        assert.equal(r.status, 201, r.text);
        created++;
      }
      const exit = await importing.exited;
      const importDone = Date.now();
      assert.equal(exit.code, 0, `import exited ${JSON.stringify(exit)}`);
      const stored = Number(env.sql('SELECT COUNT(*) FROM people')) - peopleBefore;
      assert.equal(stored, IMPORT_ROWS, 'the import stored every row');

      const { pos, timedOut } = await waitFor(client, (p) =>
        seen(p, 'people', 'created') - seen(before, 'people', 'created') >= stored, WITHIN_MS * 5);
      const caughtUpMs = Date.now() - importDone;
      assert.ok(!timedOut, `the feed saw ${seen(pos, 'people', 'created')} people, expected ${stored}`);
      assert.ok(caughtUpMs <= WITHIN_MS, `caught up ${caughtUpMs} ms after the import finished (limit ${WITHIN_MS} ms)`);
      t.diagnostic(`caught up ${caughtUpMs} ms after the import ended; ${created} visits written by the server meanwhile`);
      assert.equal(seen(pos, 'people', 'created') - seen(before, 'people', 'created'), stored);
      assert.equal(seen(pos, 'visits', 'created') - seen(before, 'visits', 'created'), created);
      // Nothing else was written, so the feed is at the head and saw exactly the rows logged.
      const logged = Number(env.sql(`SELECT COUNT(*) FROM change_log WHERE seq > ${before.head_seq}`));
      assert.equal(logged, stored + created);
      assert.equal(pos.total - before.total, logged);
      assert.equal(pos.last_seq, Number(env.sql('SELECT seq FROM change_log_head')));
      assert.equal(pos.lag, 0);
      assert.equal(pos.subscriber_failures, 0);
    });

    it("sees the API's create, update and delete of a record once each", async () => {
      const before = await position(client);
      const arrived = async (ledgerKind) => {
        const { pos, timedOut } = await waitFor(client, (p) => seen(p, 'visits', ledgerKind) > seen(before, 'visits', ledgerKind), WITHIN_MS * 5);
        assert.ok(!timedOut, `the ${ledgerKind} change did not arrive`);
        return pos;
      };
      const c = await client.request('POST', '/api/v1/exchange/visits', {
        json: { pair: PAIR, title: '变更流：新增、修改、删除', direction: 'to_helper', person_times: 3, start_date: '2021-06-01' },
      });
      assert.equal(c.status, 201, c.text);
      await arrived('created');
      const u = await client.request('PUT', `/api/v1/exchange/visits/${c.json.id}`, { json: { version: c.json.version, person_times: 4 } });
      assert.equal(u.status, 200, u.text);
      await arrived('updated');
      const d = await client.request('DELETE', `/api/v1/exchange/visits/${c.json.id}`);
      assert.ok(d.status === 200 || d.status === 204, d.text);
      await arrived('deleted');
      await sleep(POLL_MS * 3);  // later polls must not deliver any of them again
      const pos = await position(client);
      for (const k of ['created', 'updated', 'deleted']) assert.equal(seen(pos, 'visits', k) - seen(before, 'visits', k), 1, k);
      assert.equal(pos.total - before.total, 3);
      const rows = env.sql(`SELECT kind, version FROM change_log WHERE ledger = 'visits' AND record_id = ${c.json.id} ORDER BY seq`);
      assert.equal(rows, 'created|1\nupdated|2\ndeleted|3');
    });

    it('a refused write leaves no change row', async () => {
      const headBefore = Number(env.sql('SELECT seq FROM change_log_head'));
      const r = await client.request('POST', '/api/v1/exchange/visits', {
        json: { pair: PAIR, title: '人次无效', direction: 'to_helper', person_times: -1, start_date: '2021-06-01' },
      });
      assert.equal(r.status, 400, r.text);
      assert.equal(Number(env.sql('SELECT seq FROM change_log_head')), headBefore);
      assert.equal(Number(env.sql(`SELECT COUNT(*) FROM change_log WHERE seq > ${headBefore}`)), 0);
    });
  });
}
