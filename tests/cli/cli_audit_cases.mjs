// `shanhai audit verify` and `audit export` through the real binary, shared by the SQLite and
// PostgreSQL suites: the chain verifies after real work, and editing or deleting a row directly
// in the database makes verify exit 1 naming that entry.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv, binaryPath, cleanEnv } from '../lib/shanhai.mjs';
import { DEMO_PAIR, hasChinese, hasEnglish } from './cli_support.mjs';

const VISITS = ['*互访事由,*方向,*人次,*开始日期', '审计链互访一,to_helped,3,2019-03-01', '审计链互访二,to_helper,4,2019-03-02']
  .join('\n') + '\n';

// `shanhai args... --db` without blocking the event loop (so a server can be talked to meanwhile);
// resolves to the exit status.
function runInBackground(env, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binaryPath(), [...args, '--db', env.db], { cwd: env.dir, env: cleanEnv(env.extraEnv), stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

function verifiedCount(r) {
  const m = /verified: (\d+)/.exec(r.stdout);
  assert.ok(m, `no count in: ${r.stdout}`);
  return Number(m[1]);
}

export function auditCliSuite(kind) {
  describe(`shanhai audit on ${kind}`, () => {
    let env;
    before(() => {
      env = TestEnv.create(kind, 'audit');
      env.init();
      env.mustRun(['demo']);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('verify passes after init, demo, an import and an export, counting every entry', () => {
      const start = verifiedCount(env.mustRun(['audit', 'verify']));
      assert.ok(start > 0);
      fs.writeFileSync(env.path('visits.csv'), VISITS);
      env.mustRun(['import', 'visits', env.path('visits.csv'), '--pair', DEMO_PAIR]);
      env.mustRun(['export', 'visits', '-o', env.path('visits.xlsx')]);
      // Two records and the file imported, one export.
      assert.equal(verifiedCount(env.mustRun(['audit', 'verify'])), start + 4);
      assert.equal(Number(env.sql("SELECT COUNT(*) FROM audit_log")), start + 4);
    });

    it('a server taking writes on two threads and a CLI import at the same time leave one unbroken chain', async () => {
      const server = await env.serve();  // before counting: a first serve() makes admin's first password change
      const start = verifiedCount(env.mustRun(['audit', 'verify']));
      env.mustRun(['user', 'add', 'auditload', '--role', 'staff'], { input: 'Audit-Load-2021x\n' });  // +1 entry
      const client = new ApiClient(server.base);
      await client.mustLogin('auditload', 'Audit-Load-2021x');  // +1 entry
      await client.mustChangePassword('Audit-Load-2021x', 'Audit-Chosen-2022x');  // +1 entry
      const lines = ['*互访事由,*方向,*人次,*开始日期'];
      for (let i = 0; i < 200; i++) lines.push(`并发导入互访${i},to_helped,3,2019-05-01`);
      fs.writeFileSync(env.path('many.csv'), lines.join('\n') + '\n');
      const creates = [];
      for (let i = 0; i < 20; i++) {
        creates.push(client.request('POST', '/api/v1/exchange/visits', {
          json: { pair: DEMO_PAIR, title: `并发新增互访${i}`, direction: 'to_helper', person_times: 2, start_date: '2019-06-01' },
        }));
      }
      const [code, ...responses] = await Promise.all([
        runInBackground(env, ['import', 'visits', env.path('many.csv'), '--pair', DEMO_PAIR]), ...creates]);
      await server.stop();
      assert.equal(code, 0);
      for (const r of responses) assert.equal(r.status, 201, r.text);
      // 200 records and the file imported, 20 created, the user, its login and its first password.
      assert.equal(verifiedCount(env.mustRun(['audit', 'verify'])), start + 201 + 20 + 3);
    });

    it('an edited entry makes verify exit 1 naming it; putting it back verifies again', () => {
      const [seq, id, detail] = env.sql(
        "SELECT seq, id, detail FROM audit_log WHERE action = 'import' AND record_id IS NULL ORDER BY seq DESC LIMIT 1")
        .split('|');
      env.sql(`UPDATE audit_log SET detail = 'rows=0' WHERE id = ${id}`);
      const r = env.run(['audit', 'verify']);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, new RegExp(`seq ${seq}, id ${id}, at \\d{4}-`));
      assert.match(r.stderr, /hash mismatch/);
      assert.ok(hasChinese(r.stderr) && hasEnglish(r.stderr), r.stderr);
      env.sql(`UPDATE audit_log SET detail = '${detail}' WHERE id = ${id}`);
      env.mustRun(['audit', 'verify']);
    });

    it('a deleted entry makes verify exit 1 naming its seq as a gap', () => {
      const [seq] = env.sql("SELECT seq FROM audit_log WHERE action = 'import' AND record_id IS NOT NULL ORDER BY seq LIMIT 1")
        .split('|');
      const before = verifiedCount(env.mustRun(['audit', 'verify']));
      env.sql(`DELETE FROM audit_log WHERE seq = ${seq}`);
      const r = env.run(['audit', 'verify']);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, new RegExp(`\\(seq ${seq}\\): gap: entry seq ${seq} is missing`));
      assert.match(r.stderr, new RegExp(`${Number(seq) - 1} entries verified`));
      assert.ok(Number(seq) - 1 < before);
    });

    it('audit export writes the filtered entries and is audited itself', () => {
      const out = env.path('audit.csv');
      const r = env.mustRun(['audit', 'export', '-o', out, '--action', 'export']);
      assert.match(r.stdout, /exported 1 /);
      const text = fs.readFileSync(out, 'utf8');
      assert.match(text, /链序号 seq/);
      assert.match(text, /""rows"":\d+,""format"":""xlsx""/);  // CSV doubles the quotes
      assert.equal(env.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'audit_export'"), '1');
    });

    it('a chain reset by hand (rows unchained, head emptied) is not laundered by init or serve', async () => {
      env.sql("DELETE FROM audit_log WHERE action = 'audit_export'");
      env.sql('UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL');
      env.sql("UPDATE audit_chain_head SET seq = 0, hash = '', tag = ''");
      const r = env.run(['audit', 'verify']);
      assert.equal(r.status, 1, r.stdout);
      assert.match(r.stderr, /not chained/);
      env.mustRun(['init']);
      const server = await env.serve();
      await server.stop();
      const again = env.run(['audit', 'verify']);
      assert.equal(again.status, 1, again.stdout);
      assert.match(again.stderr, /not chained/);
    });
  });
}
