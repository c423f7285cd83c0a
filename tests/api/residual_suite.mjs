// Residual information (issue 6, point 9) through the real binary, once per database: evidence
// files are encrypted at rest (the plaintext is nowhere in the database or the data directory)
// and deleted with their record; on SQLite, the data directory, database, WAL/SHM, key and
// backups are created for the owner alone (0700 / 0600).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';

// One value from a SQL query on the test database (sqlite3 or psql CLI).
function sqlValue(env, query) {
  const r = env.kind === 'sqlite'
    ? spawnSync('sqlite3', [env.db, query], { encoding: 'utf8' })
    : spawnSync('psql', [env.db, '-qAt', '-c', query], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `${query}: ${r.stderr}`);
  return r.stdout.trim();
}

// Every regular file under dir whose bytes contain needle.
function filesContaining(dir, needle) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && fs.readFileSync(file).includes(needle)) found.push(file);
  }
  return found;
}

const mode = (file) => (fs.statSync(file).mode & 0o777).toString(8);

export function residualSuite(kind) {
  describe(`residual information on ${kind}`, () => {
    let env;
    let server;
    let admin;

    before(async () => {
      env = TestEnv.create(kind, 'residual');
      if (kind === 'sqlite') env.db = env.path('var', 'data', 'shanhai.db');
      const password = env.init();
      server = await env.serve();
      admin = new ApiClient(server.base);
      await admin.mustLogin('admin', password);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('stores evidence encrypted, serves it decrypted, and deletes it with its record', async () => {
      const pair = await admin.request('POST', '/api/v1/pairing/pairs', { json: { helper_region: '440111', helped_region: '522727' } });
      assert.equal(pair.status, 201, pair.text);
      const visit = await admin.request('POST', '/api/v1/exchange/visits', {
        json: { pair: '440111-522727', title: '证明材料测试', direction: 'to_helped', person_times: 1, start_date: '2021-05-01' } });
      assert.equal(visit.status, 201, visit.text);
      const marker = `WAGE-SHEET-${process.pid}-张三-6222021234567890`;
      const pdf = Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n`);
      const attached = await admin.request('POST', `/api/v1/exchange/visits/${visit.json.id}/evidence`,
        { multipart: { filename: '工资表.pdf', bytes: pdf, contentType: 'application/pdf' } });
      assert.equal(attached.status, 201, attached.text);

      const download = await admin.get(attached.json.url);
      assert.equal(download.status, 200);
      assert.ok(download.bytes.equals(pdf), 'the download is not the uploaded file');

      // At rest: not in the database (nor its base64), not in any file of the data directory.
      const stored = sqlValue(env, `SELECT content FROM evidence_content WHERE evidence_id = ${attached.json.id}`);
      assert.ok(stored.length > pdf.length, 'no encrypted content row');
      assert.ok(!Buffer.from(stored, 'base64').includes(marker), 'the stored content is the plaintext');
      assert.ok(!stored.includes(pdf.toString('base64').slice(0, 40)), 'the stored content is the plaintext in base64');
      assert.deepEqual(filesContaining(env.dir, marker), []);

      const deleted = await admin.request('DELETE', `/api/v1/exchange/visits/${visit.json.id}`);
      assert.equal(deleted.status, 200, deleted.text);
      assert.equal((await admin.get(attached.json.url)).status, 404);
      assert.equal(sqlValue(env, `SELECT COUNT(*) FROM evidence WHERE ledger = 'visits' AND record_id = ${visit.json.id}`), '0');
      assert.equal(sqlValue(env, `SELECT COUNT(*) FROM evidence_content WHERE evidence_id = ${attached.json.id}`), '0');
      // The history keeps only the reference.
      const history = await admin.get(`/api/v1/exchange/visits/${visit.json.id}/history`);
      assert.equal(history.status, 200);
      assert.match(history.text, /file=工资表\.pdf/);
      assert.ok(!history.text.includes(marker));
    });

    if (kind === 'sqlite') {
      it('creates the data directory 0700 and the database, WAL, SHM and key 0600', async () => {
        const created = await admin.request('POST', '/api/v1/admin/users',
          { json: { name: 'modes', password: 'Pingtang-check-2026x', role: 'viewer' } });
        assert.equal(created.status, 201, created.text);  // a write, so the WAL and SHM exist
        assert.equal(mode(path.dirname(env.db)), '700');
        for (const file of [env.db, `${env.db}-wal`, `${env.db}-shm`, `${env.db}.key`]) assert.equal(mode(file), '600', file);
      });

      it('writes backups 0600 into a 0700 directory', () => {
        const out = env.path('backups', 'nightly', 'shanhai.db');
        env.mustRun(['backup', '-o', out]);
        assert.equal(mode(out), '600');
        assert.equal(mode(path.dirname(out)), '700');
      });
    }
  });
}
