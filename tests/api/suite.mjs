// The API suite, run once per database: a fresh database with the demo data, `shanhai serve`
// on a loopback port, every case file in cases/ (in name order), then the OpenAPI checks
// that use what the cases exercised.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chinaDateAfter, slotStartingNow } from '../lib/china_time.mjs';
import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';
import { CaseRunner, caseFiles, parseCaseFile } from './runner.mjs';
import { routePermissionSuite } from './route_permissions.mjs';

const APPROVER_FIRST_PASSWORD = 'Second-first-2026';
const CASES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

// "/api/v1/x/{id}/y" → a RegExp matching its concrete paths.
function templatePattern(template) {
  return new RegExp('^' + template.split(/\{[^}]+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+') + '$');
}

export function apiSuite(kind) {
  const files = caseFiles(CASES_DIR).map((f) => ({ file: f, cases: parseCaseFile(f) }));

  describe(`API on ${kind}`, () => {
    let env;
    let server;
    let runner;
    let admin;

    before(async () => {
      env = TestEnv.create(kind, 'api');
      const password = env.init();
      assert.ok(password, 'init printed no admin password');
      env.mustRun(['demo']);
      // A security administrator added at the server, not by admin: the second person who approves
      // admin's reveal requests (the two-person rule, 01_second_administrator.test).
      env.mustRun(['user', 'add', 'approver', '--role', 'secadmin'], { input: `${APPROVER_FIRST_PASSWORD}\n` });
      // ICE servers for the interview room's JSON (93_room.test): a STUN and a TURN server with
      // the coturn shared secret the TURN credentials are signed with.
      fs.writeFileSync(env.path('turn.secret'), 'room-test-turn-secret\n');
      server = await env.serve({ args: ['--ice-server', 'stun:stun.room-test.example:3478',
        '--ice-server', 'turn:turn.room-test.example:3478?transport=udp', '--turn-secret-file', env.path('turn.secret')] });
      // The interview room opens only near its slot (93_room.test): one starting now, China time, and a day
      // two days on, when a room scheduled at 09:00 is not open yet.
      const now = slotStartingNow();
      runner = new CaseRunner(server.base, { admin_password: password, room_date: now.date, room_slot: now.slot,
        room_later_date: chinaDateAfter(2) });
      runner.passwords.approver = APPROVER_FIRST_PASSWORD;
      runner.cli = (args) => env.run(args);  // CLI cases: the binary on this suite's database
      admin = new ApiClient(server.base);
      await admin.mustLogin('admin', password);
    });

    after(async () => {
      if (env) await env.cleanup();
    });

    for (const { file, cases } of files) {
      describe(path.basename(file), () => {
        for (const c of cases) it(`${c.file}:${c.line} ${c.method} ${c.path}${c.user !== 'admin' ? ' AS ' + c.user : ''}`, () => runner.run(c));
      });
    }

    // Issue #6 point 8: after every case (60_privacy.test searches by whole ID numbers and
    // mobiles, as q=, in a path, written with hyphens) the request log holds none whole.
    describe('request log', () => {
      it('masks ID numbers and mobiles wherever they appeared in requests', () => {
        const log = fs.readFileSync(server.logPath, 'utf8');
        assert.match(log, /"query":"q=52\*{16}"/, 'the q= search by ID number is not in the log at all');
        assert.match(log, /"query":"q=139\*{4}0001&pair=440105-522730"/);
        assert.match(log, /"path":"\/api\/v1\/people\/people\/52\*{16}"/);
        for (const whole of ['522728199106150023', '13912340001', '139-1234-0001']) {
          assert.ok(!log.includes(whole), `${whole} is in the server log`);
        }
        assert.doesNotMatch(log, /\d{17}[\dXx]/, 'an ID number is in the server log');
        assert.doesNotMatch(log, /(?<!\d)1[3-9]\d{9}(?!\d)/, 'a mobile number is in the server log');
      });

      // 91_otp.test read a job seeker's one-time code whole from the outbox: the log never held it.
      it('holds no one-time code', () => {
        const code = /\d{6}/.exec(runner.vars.whole?.text ?? '')?.[0];
        assert.ok(code, 'no code was read in 91_otp.test');
        const log = fs.readFileSync(server.logPath, 'utf8');
        assert.ok(log.includes('/api/v1/auth/otp/verify'), 'the code logins are not in the log at all');
        // As a number of its own (the log's byte counts and durations hold other digits).
        assert.doesNotMatch(log, new RegExp(`(?<!\\d)${code}(?!\\d)`), `the code ${code} is in the server log`);
      });
    });

    routePermissionSuite(() => ({ base: server.base, admin }));

    describe('OpenAPI document', () => {
      let doc;
      before(async () => {
        const r = await admin.get('/api/openapi.json');
        assert.equal(r.status, 200);
        doc = r.json;
      });

      it('is an OpenAPI 3 document with paths', () => {
        assert.match(doc.openapi, /^3\./);
        assert.ok(Object.keys(doc.paths).length > 50, `only ${Object.keys(doc.paths).length} paths`);
      });

      it('documents every path and method the cases exercised', () => {
        const templates = Object.entries(doc.paths).map(([p, ops]) => ({ p, re: templatePattern(p), methods: Object.keys(ops) }));
        const missing = new Set();
        for (const { method, path: p } of runner.exercised) {
          const m = method.toLowerCase();
          if (!templates.some((t) => t.re.test(p) && t.methods.includes(m))) missing.add(`${method} ${p}`);
        }
        assert.ok(runner.exercised.length > 100, `the cases exercised only ${runner.exercised.length} requests`);
        assert.deepEqual([...missing], [], 'requests the cases made that the document does not describe');
      });

      it('has list, create, get, update and delete for every ledger of /api/v1/meta/ledgers', async () => {
        const r = await admin.get('/api/v1/meta/ledgers');
        assert.equal(r.status, 200);
        assert.equal(r.json.items.length, 23);
        const missing = [];
        for (const l of r.json.items) {
          const want = [[l.path, 'get'], [l.path, 'post'], [`${l.path}/{id}`, 'get'], [`${l.path}/{id}`, 'put'], [`${l.path}/{id}`, 'delete']];
          for (const [p, m] of want) if (!doc.paths[p]?.[m]) missing.push(`${m.toUpperCase()} ${p}`);
        }
        assert.deepEqual(missing, []);
      });

      it('answers every GET path without parameters (not 404, not 5xx)', async () => {
        const plain = Object.entries(doc.paths).filter(([p, ops]) => !p.includes('{') && ops.get).map(([p]) => p);
        assert.ok(plain.length >= 16 * 3, `only ${plain.length} plain GET paths`);
        const bad = [];
        for (const p of plain) {
          const r = await admin.get(p);
          if (r.status === 404 || r.status >= 500) bad.push(`${p} → ${r.status} ${r.text.slice(0, 200)}`);
        }
        assert.deepEqual(bad, []);
      });
    });
  });
}
