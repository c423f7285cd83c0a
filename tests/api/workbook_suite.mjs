// The workbook import over HTTP (POST /api/v1/imports) through the real binary, once per
// database: a dry run previews the rows to store per sheet and lists the sheets it leaves out;
// a good workbook stores every sheet; a re-import is counted as already stored and refused
// unless ?already_stored=skip; a bad row on one sheet stores nothing on any and is reported
// with its sheet (JSON and error sheet); each sheet with data rows needs its ledger's import
// permission, and the template holds only the ledgers the user may import; the audit names the
// uploaded file, with one entry for the workbook and one per sheet it imported (none for an empty one).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';
import { readSheets, workbookBytes } from '../lib/workbook.mjs';

const PAIR = '440111-522727';
const units = (prefix) => [
  ['*帮扶关系', '*单位名称', '*所属方', '*单位类型'],
  [PAIR, `${prefix}镇`, 'helper', 'town'],
  [PAIR, `${prefix}村`, 'helped', 'village'],
];
const visits = (prefix, secondPersonTimes) => [
  ['*帮扶关系', '*互访事由', '*方向', '*人次', '*开始日期'],
  [PAIR, `${prefix}互访一`, 'to_helped', 9, '2022-06-01'],
  [PAIR, `${prefix}互访二`, 'to_helper', secondPersonTimes, '2022-06-02'],
];
const good = () => workbookBytes({ 说明: [['本工作簿由测试生成']], 交流互访: visits('工作簿', 4), 结对单位: units('工作簿') });
const bad = () => workbookBytes({ 交流互访: visits('坏工作簿', 0), 结对单位: units('坏工作簿') });

export function workbookApiSuite(kind) {
  describe(`workbook import over HTTP on ${kind}`, () => {
    let env;
    let admin;
    let server;
    const upload = async (client, query, bytes) =>
      client.request('POST', `/api/v1/imports${query}`, { multipart: { filename: 'book.xlsx', bytes } });
    const total = async (ledger, q) => (await admin.get(`${ledger}?q=${encodeURIComponent(q)}`)).json.total;

    before(async () => {
      env = TestEnv.create(kind, 'workbook-api');
      const password = env.init();
      server = await env.serve();
      admin = new ApiClient(server.base);
      await admin.mustLogin('admin', password);
      const pair = await admin.request('POST', '/api/v1/pairing/pairs', { json: { helper_region: '440111', helped_region: '522727' } });
      assert.equal(pair.status, 201, pair.text);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('a dry run previews each sheet\'s rows in dependency order and lists the sheets left out', async () => {
      const r = await upload(admin, '?dry_run=1', await good());
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.stored, 0);
      assert.equal(r.json.valid_count, 4);
      assert.deepEqual(r.json.ignored_sheets, ['说明']);
      assert.deepEqual(r.json.sheets.map((s) => [s.sheet, s.ledger]), [['结对单位', 'units'], ['交流互访', 'visits']]);
      assert.deepEqual(r.json.sheets[0].preview.map((u) => u.name), ['工作簿镇', '工作簿村']);
      assert.deepEqual(r.json.sheets[1].preview.map((v) => v.person_times), [9, 4]);
      assert.equal(await total('/api/v1/pairing/units', '工作簿'), 0);
    });

    it('a good workbook stores every sheet; re-imported rows are already stored, refused unless skipped', async () => {
      const r = await upload(admin, '', await good());
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json.sheets.map((s) => s.stored), [2, 2]);
      assert.equal(r.json.stored, 4);
      const dry = await upload(admin, '?dry_run=1', await good());
      assert.deepEqual(dry.json.sheets.map((s) => s.already_stored), [2, 2]);
      assert.equal(dry.json.already_stored, 4);
      const again = await upload(admin, '', await good());
      assert.equal(again.json.stored, 0);
      assert.equal(again.json.invalid_count, 0);  // stored already is not bad: counted apart
      assert.equal(again.json.stored_refused, 4);
      assert.deepEqual(again.json.errors.map((e) => [e.sheet, e.row]), [['结对单位', 2], ['结对单位', 3], ['交流互访', 2], ['交流互访', 3]]);
      const skipped = await upload(admin, '?already_stored=skip', await good());
      assert.equal(skipped.status, 200, skipped.text);
      assert.deepEqual([skipped.json.invalid_count, skipped.json.stored, skipped.json.already_stored], [0, 0, 4]);
      assert.equal(await total('/api/v1/pairing/units', '工作簿'), 2);
      assert.equal((await upload(admin, '?already_stored=maybe', await good())).status, 400);
    });

    it('a bad row on one sheet stores nothing on any sheet and is reported with its sheet', async () => {
      const r = await upload(admin, '', await bad());
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.stored, 0);
      assert.equal(r.json.errors.length, 1);
      assert.deepEqual([r.json.errors[0].sheet, r.json.errors[0].row, r.json.errors[0].field], ['交流互访', 3, '人次']);
      assert.equal(await total('/api/v1/pairing/units', '坏工作簿'), 0, 'the good sheet was stored');
      const sheet = await admin.request('GET', r.json.error_sheet);
      assert.equal(sheet.status, 200);
    });

    it('needs the import permission of every ledger it writes, and the audit names the uploaded file', async () => {
      const user = await admin.request('POST', '/api/v1/admin/users', { json: { name: 'bookviewer', password: 'Viewer-pass-2021', roles: ['viewer'] } });
      assert.equal(user.status, 201, user.text);
      const viewer = new ApiClient(server.base);
      await viewer.mustLogin('bookviewer', 'Viewer-pass-2021');
      assert.equal((await upload(viewer, '?dry_run=1', await good())).status, 403);
      const audit = await admin.get('/api/v1/admin/audit?action=import&page_size=50');
      const details = audit.json.items.map((e) => e.detail);
      assert.ok(details.some((d) => /^file=book\.xlsx rows=2 sheet=结对单位$/.test(d)), details.join('\n'));
      assert.ok(!details.some((d) => /\/tmp\//.test(d)), 'a temporary path in the audit');
    });

    it('the workbook template holds only the ledgers the user may import; empty sheets need no permission', async () => {
      const login = async (name, password, roles) => {
        const user = await admin.request('POST', '/api/v1/admin/users', { json: { name, password, roles } });
        assert.equal(user.status, 201, user.text);
        const client = new ApiClient(server.base);
        await client.mustLogin(name, password);
        return client;
      };
      // 三员分立: the audit administrator imports nothing, so gets no template.
      const auditor = await login('bookauditor', 'Auditor-pass-2021', ['auditadmin']);
      assert.equal((await auditor.request('GET', '/api/v1/imports/template')).status, 403);
      const role = await admin.request('POST', '/api/v1/admin/roles', { json: { name: 'visit_clerk', label_zh: '互访录入',
        permissions: ['exchange:visits:import', 'exchange:visits:list'] } });
      assert.equal(role.status, 201, role.text);
      const clerk = await login('bookclerk', 'Clerk-pass-2021', ['visit_clerk']);
      const template = await clerk.request('GET', '/api/v1/imports/template');
      assert.equal(template.status, 200, template.text);
      const file = path.join(env.dir, 'clerk-template.xlsx');
      fs.writeFileSync(file, template.bytes);
      assert.deepEqual((await readSheets(file)).map((s) => s.name), ['交流互访']);
      // A workbook whose units sheet is only its header: left out before any permission is asked.
      // A sheet of no ledger is ignored; its name, whatever it says, is one quoted value in the audit.
      const book = await workbookBytes({ 结对单位: [units('')[0]], 交流互访: visits('录入员', 3), 'x empty_sheets=y': [['备注']] });
      const r = await upload(clerk, '', book);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json.empty_sheets, ['结对单位']);
      assert.deepEqual(r.json.ignored_sheets, ['x empty_sheets=y']);
      assert.deepEqual(r.json.sheets.map((s) => [s.ledger, s.stored]), [['visits', 2]]);
      // Audited once for the workbook (naming the empty sheet) and once for the stored sheet,
      // besides the entry of each record it stored.
      const audit = await admin.get('/api/v1/admin/audit?actor=bookclerk&action=import&page_size=50');
      const files = audit.json.items.filter((e) => e.detail?.startsWith('file='));
      assert.deepEqual(files.map((e) => [e.ledger ?? '', e.detail]).sort(), [
        ['', 'file=book.xlsx rows=2 sheets=交流互访 empty_sheets=结对单位 ignored_sheets="x empty_sheets=y"'],
        ['visits', 'file=book.xlsx rows=2 sheet=交流互访'],
      ]);
    });

    it('the OpenAPI document describes the workbook import', async () => {
      const doc = (await admin.get('/api/openapi.json')).json;
      assert.match(doc.paths['/api/v1/imports'].post.summary, /工作簿.*workbook/);
      // The answer is typed, the sheets it left out included.
      const ref = doc.paths['/api/v1/imports'].post.responses['200'].content['application/json'].schema.$ref;
      const answer = doc.components.schemas[ref.replace('#/components/schemas/', '')];
      for (const member of ['sheets', 'ignored_sheets', 'empty_sheets', 'errors', 'error_sheet', 'stored'])
        assert.ok(answer.properties[member], `${member} in ${JSON.stringify(Object.keys(answer.properties))}`);
      assert.equal(answer.properties.empty_sheets.items.type, 'string');
      const visits = doc.paths['/api/v1/exchange/visits/import'].post.responses['200'].content['application/json'].schema.$ref;
      assert.ok(doc.components.schemas[visits.replace('#/components/schemas/', '')].properties.already_stored);
    });
  });
}
