// The command-line interface through the real binary, on SQLite databases in a temp
// directory: help, init, demo, import/export/template, report, user add, backup (audit: cli_audit_*).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';
import { DEMO_PAIR, DEMO_PERIOD, demoFigures, hasChinese, hasEnglish, isZip } from './cli_support.mjs';

const VISITS_HEADER = '*帮扶关系,*互访事由,*方向,带队领导,领导职务,*人次,*开始日期,结束日期,备注';
const GOOD_VISITS = [
  VISITS_HEADER,
  `${DEMO_PAIR},命令行导入互访一,东部→西部（派往受帮扶方）,测试领导,,10,2019-03-01,2019-03-02,`,
  `${DEMO_PAIR},命令行导入互访二,to_helper,,,12,2019-04-01,,`,
].join('\n') + '\n';
// Row 3 (the second data row) has a 人次 that is not a number.
const BAD_VISITS = GOOD_VISITS.replace(',12,2019-04-01', ',十二,2019-04-01');

// Rows of a query on a SQLite database, as sqlite3 prints them ("a|b" per line).
function sqlite(db, sql) {
  const r = spawnSync('sqlite3', [db, sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

function reportJson(env, extra = []) {
  const r = env.mustRun(['report', '--pair', DEMO_PAIR, ...DEMO_PERIOD, '--format', 'json', ...extra]);
  return JSON.parse(r.stdout);
}

function reportMarkdown(env) {
  return env.mustRun(['report', '--pair', DEMO_PAIR, ...DEMO_PERIOD, '--format', 'md']).stdout;
}

describe('shanhai CLI on SQLite', () => {
  let env;  // init + demo, shared by the tests below in order

  before(() => {
    env = TestEnv.create('sqlite', 'cli');
  });
  after(async () => {
    if (env) await env.cleanup();
  });

  it('--help lists every command', () => {
    const r = env.run(['--help'], { db: false });
    assert.equal(r.status, 0, r.stderr);
    for (const command of ['init', 'demo', 'serve', 'import', 'export', 'template', 'report', 'user', 'backup', 'audit', 'transition', 'history']) {
      assert.match(r.stdout, new RegExp(`^\\s+${command}\\s`, 'm'), `--help does not list ${command}`);
    }
  });

  it('without a command exits 1 and says what is missing', () => {
    const r = env.run([], { db: false });
    assert.equal(r.status, 1);
    assert.match(r.stdout + r.stderr, /subcommand/i);
  });

  it('init creates the schema, the data key and admin; a second init changes nothing', () => {
    const first = env.run(['init']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /user: admin\s+password: \S{10,}/);
    assert.ok(fs.existsSync(env.db), 'no database file');
    assert.ok(fs.existsSync(env.db + '.key'), 'no data key file next to the database');
    const key = fs.readFileSync(env.db + '.key');

    const second = env.run(['init']);
    assert.equal(second.status, 0, second.stderr);
    assert.doesNotMatch(second.stdout, /password/, 'a second init must not create another admin');
    assert.ok(fs.readFileSync(env.db + '.key').equals(key), 'a second init must keep the data key');
  });

  it('demo loads the demo data once; on a non-empty database it exits 1 in Chinese and English', () => {
    env.mustRun(['demo']);
    const again = env.run(['demo']);
    assert.equal(again.status, 1, `second demo: ${again.stdout}${again.stderr}`);
    assert.ok(hasChinese(again.stderr) && hasEnglish(again.stderr), `message: ${again.stderr}`);
    assert.equal(reportJson(env).indicators['leadership.visit_batches'], 19, 'demo data loaded twice?');
  });

  it('report --format json has the demo figures', () => {
    const report = reportJson(env);
    assert.equal(report.pair, DEMO_PAIR);
    const expected = demoFigures();
    assert.equal(Object.keys(expected).length, 26);
    const got = Object.fromEntries(Object.keys(expected).map((k) => [k, report.indicators[k]]));
    assert.deepEqual(got, expected);
  });

  it('report --format md is the Chinese report with the figures', () => {
    const r = env.mustRun(['report', '--pair', DEMO_PAIR, ...DEMO_PERIOD, '--format', 'md']);
    assert.match(r.stdout, /共19批229人次/);
    assert.match(r.stdout, /召开党政联席会议7次/);
  });

  it('report --format xlsx writes a workbook, and needs -o', () => {
    const out = env.path('report.xlsx');
    env.mustRun(['report', '--pair', DEMO_PAIR, ...DEMO_PERIOD, '--format', 'xlsx', '-o', out]);
    assert.ok(isZip(fs.readFileSync(out)), 'report.xlsx is not a zip');
    const missing = env.run(['report', '--pair', DEMO_PAIR, '--format', 'xlsx']);
    assert.equal(missing.status, 1);
    assert.ok(hasChinese(missing.stderr) && hasEnglish(missing.stderr), missing.stderr);
    const bad = env.run(['report', '--pair', DEMO_PAIR, '--format', 'pdf']);
    assert.equal(bad.status, 1);
  });

  it('template writes an empty workbook', () => {
    const out = env.path('visits-template.xlsx');
    const r = env.run(['template', 'visits', '-o', out], { db: false });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(isZip(fs.readFileSync(out)));
  });

  it('template into a folder that does not exist names the path given, not a temporary file', () => {
    for (const name of ['x.csv', 'x.xlsx']) {
      const out = env.path('missing', 'dir', name);
      const r = env.run(['template', 'visits', '-o', out], { db: false });
      assert.equal(r.status, 1, r.stderr);
      assert.ok(r.stderr.includes(`无法写入文件 ${out}：所在文件夹不存在`), r.stderr);
      assert.ok(r.stderr.includes(`cannot write ${out}: the folder does not exist`), r.stderr);
      assert.doesNotMatch(r.stderr, /\.tmp/);
    }
  });

  it('template follows the file name or --format: x.csv is a CSV, a clash is refused', () => {
    const csv = env.path('visits-template.csv');
    env.mustRun(['template', 'visits', '-o', csv], { db: false });
    const text = fs.readFileSync(csv, 'utf8');
    assert.ok(!isZip(fs.readFileSync(csv)));
    assert.match(text, /\*帮扶关系,\*互访事由/);
    const bare = env.path('needs-template');
    assert.match(env.mustRun(['template', 'needs', '-o', bare, '--format', 'csv'], { db: false }).stdout, /needs-template\.csv/);
    assert.match(fs.readFileSync(`${bare}.csv`, 'utf8'), /需求名称/);
    const clash = env.run(['template', 'visits', '-o', env.path('x.csv'), '--format', 'xlsx'], { db: false });
    assert.equal(clash.status, 1);
    assert.match(clash.stderr, /与格式 xlsx 不符/);
    assert.match(clash.stderr, /does not match the format xlsx/);
  });

  it('export -o x.xlsx re-imports into a fresh database with the same figures', async () => {
    const pairs = env.path('pairs.xlsx');
    const visits = env.path('visits.xlsx');
    assert.match(env.mustRun(['export', 'pairs', '-o', pairs]).stdout, /3/);
    assert.match(env.mustRun(['export', 'visits', '-o', visits, '--pair', DEMO_PAIR]).stdout, /19/);
    assert.ok(isZip(fs.readFileSync(visits)));

    const fresh = TestEnv.create('sqlite', 'cli-reimport');
    try {
      fresh.init();
      const p = fresh.run(['import', 'pairs', pairs]);
      assert.equal(p.status, 0, p.stdout + p.stderr);
      const v = fresh.run(['import', 'visits', visits]);
      assert.equal(v.status, 0, v.stdout + v.stderr);
      assert.match(v.stdout, /stored 19/);
      const report = reportJson(fresh);
      assert.equal(report.indicators['leadership.visit_batches'], 19);
      assert.equal(report.indicators['leadership.visit_person_times'], 229);
    } finally {
      await fresh.cleanup();
    }
  });

  // Money is exported in 万元 (the header says so) and dates as date cells: both import back exactly.
  it('export of funds to .xlsx (万元, date cells) re-imports with the same money figures', async () => {
    const files = Object.fromEntries(['pairs', 'units', 'projects', 'funds'].map((l) => [l, env.path(`money-${l}.xlsx`)]));
    for (const [ledger, file] of Object.entries(files)) env.mustRun(['export', ledger, '-o', file]);
    const fresh = TestEnv.create('sqlite', 'cli-money');
    try {
      fresh.init();
      for (const [ledger, file] of Object.entries(files)) {
        const r = fresh.run(['import', ledger, file]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
      }
      const before = reportJson(env).indicators;
      const after = reportJson(fresh).indicators;
      for (const key of ['funds.fiscal_fen', 'funds.fiscal_paid_fen', 'funds.social_fen', 'pairing.aid_fen']) {
        assert.ok(before[key] > 0, key);
        assert.equal(after[key], before[key], key);
      }
      assert.match(reportMarkdown(fresh), /财政援助资金2,225\.50万元，已拨付2,225\.50万元/);
    } finally {
      await fresh.cleanup();
    }
  });

  it('export to .csv writes UTF-8 with a BOM and masks ID numbers', () => {
    const out = env.path('people.csv');
    env.mustRun(['export', 'people', '-o', out, '--pair', DEMO_PAIR]);
    const bytes = fs.readFileSync(out);
    assert.ok(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'no UTF-8 BOM');
    const text = bytes.toString('utf8');
    assert.match(text, /,\d{2}\*{16},/);
    assert.doesNotMatch(text, /\d{17}[\dX]/, 'a whole ID number in a default export');
  });

  it('export --reveal writes whole ID numbers and one reveal audit row per exported person', () => {
    const out = env.path('people-revealed.csv');
    const r = env.mustRun(['export', 'people', '-o', out, '--pair', DEMO_PAIR, '--reveal']);
    const exported = Number(/exported (\d+)/.exec(r.stdout)?.[1]);
    assert.ok(exported > 1000, r.stdout);
    assert.match(fs.readFileSync(out, 'utf8'), /,\d{17}[\dX],/);
    const rows = sqlite(env.db, "SELECT record_id, detail FROM audit_log WHERE action = 'reveal' AND ledger = 'people'")
      .trim().split('\n').map((line) => line.split('|'));
    assert.equal(rows.length, exported, 'not one audit row per revealed record');
    assert.equal(new Set(rows.map(([id]) => id)).size, exported, 'a record revealed without its own audit row');
    for (const [, detail] of rows) assert.match(detail, /^field=id_number(,mobile)?,poverty_status purpose=export$/);
  });

  it('import of a bad file exits 1, names the row and column, and stores nothing', () => {
    const file = env.path('bad-visits.csv');
    fs.writeFileSync(file, BAD_VISITS);
    const before = reportJson(env).indicators;
    const r = env.run(['import', 'visits', file]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /第3行/);
    assert.match(r.stderr, /row 3/);
    assert.match(r.stderr, /\[\*?人次\]/);
    assert.ok(hasChinese(r.stderr) && hasEnglish(r.stderr));
    assert.match(r.stdout, /invalid 1/);
    assert.deepEqual(reportJson(env).indicators, before, 'a rejected import changed the data');
  });

  it('import --error-sheet writes the problems to a workbook', () => {
    const file = env.path('bad-visits.csv');
    const sheet = env.path('errors.xlsx');
    const r = env.run(['import', 'visits', file, '--error-sheet', sheet]);
    assert.equal(r.status, 1);
    assert.ok(isZip(fs.readFileSync(sheet)), 'no error sheet');
  });

  it('import --dry-run validates a good file and stores nothing', () => {
    const file = env.path('good-visits.csv');
    fs.writeFileSync(file, GOOD_VISITS);
    const r = env.run(['import', 'visits', file, '--dry-run']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /valid 2/);
    assert.match(r.stdout, /stored 0/);
    assert.equal(reportJson(env).indicators['leadership.visit_batches'], 19);
  });

  it('import of a good file stores every row', () => {
    const r = env.run(['import', 'visits', env.path('good-visits.csv')]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /stored 2/);
    const figures = reportJson(env).indicators;
    assert.equal(figures['leadership.visit_batches'], 21);
    assert.equal(figures['leadership.visit_person_times'], 229 + 22);
  });

  it('import --skip-invalid stores the good rows of a bad file', () => {
    // Its good row was imported by the test before: stored already, so refused (here: skipped) too.
    const again = env.run(['import', 'visits', env.path('bad-visits.csv'), '--skip-invalid']);
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /stored 0\n\s+1 行已存储 \/ 1 row already stored/);
    const file = env.path('bad-new-visits.csv');
    fs.writeFileSync(file, BAD_VISITS.replace('命令行导入互访一', '命令行导入互访三'));
    const r = env.run(['import', 'visits', file, '--skip-invalid']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /stored 1/);
    assert.match(r.stderr, /row 3/);
    assert.equal(reportJson(env).indicators['leadership.visit_batches'], 22);
  });

  it('an unknown ledger exits 1 and lists the ledgers', () => {
    for (const args of [['import', 'spaceships', env.path('good-visits.csv')], ['export', 'spaceships', '-o', env.path('x.csv')]]) {
      const r = env.run(args);
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /spaceships/);
      assert.match(r.stderr, /visits/);
      assert.ok(hasChinese(r.stderr) && hasEnglish(r.stderr));
    }
    const t = env.run(['template', 'spaceships', '-o', env.path('x.xlsx')], { db: false });
    assert.equal(t.status, 1);
  });

  it('import of a file that does not exist exits 1 or 2 without storing anything', () => {
    const r = env.run(['import', 'visits', env.path('no-such-file.csv')]);
    assert.ok(r.status === 1 || r.status === 2, `exit ${r.status}`);
    assert.match(r.stderr, /no-such-file\.csv/);
  });

  // Without a data key (the usual case: init creates it next to the database) and with one
  // from $SHANHAI_DATA_KEY (the key is not what is missing then).
  for (const [label, extraEnv] of [['key file', {}], ['SHANHAI_DATA_KEY', { SHANHAI_DATA_KEY: 'ab'.repeat(32) }]]) {
    it(`a --db that does not exist exits 1 or 2 with a hint to run init, and creates nothing (${label})`, () => {
      const missing = env.path(`nothing-here-${extraEnv.SHANHAI_DATA_KEY ? 'env' : 'file'}.db`);
      const r = env.run(['import', 'visits', env.path('good-visits.csv'), '--db', missing], { db: false, env: extraEnv });
      assert.ok(r.status === 1 || r.status === 2, `exit ${r.status}`);
      assert.match(r.stderr, /shanhai init/, `no hint to run init: ${r.stderr}`);
      assert.ok(!fs.existsSync(missing), 'a failed import created the database file');
    });
  }

  it('user add reads the password from stdin; the user can log in with its limits', async () => {
    const r = env.run(['user', 'add', 'pingtang1', '--role', 'staff', '--region', '522727'], { input: 'Pingtang-pass-2021\n' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /pingtang1/);
    assert.doesNotMatch(r.stdout + r.stderr, /Pingtang-pass-2021/, 'the password is echoed');

    const server = await env.serve();
    const client = new ApiClient(server.base);
    const login = await client.login('pingtang1', 'Pingtang-pass-2021');
    assert.equal(login.status, 200, login.text);
    assert.deepEqual(login.json.roles, ['staff']);
    assert.equal(login.json.region, '522727');
    // The operator typed the password, so the user must replace it before anything else.
    assert.equal(login.json.must_change_password, true);
    const refused = await client.get(`/api/v1/exchange/visits?pair=${DEMO_PAIR}&page_size=1`);
    assert.equal(refused.status, 403, refused.text);
    assert.equal(refused.json.error.code, 'password_change_required');
    const changed = await client.request('POST', '/api/v1/auth/password',
      { json: { old_password: 'Pingtang-pass-2021', new_password: 'Qiannan-own-2022' } });
    assert.equal(changed.status, 200, changed.text);
    const visits = await client.get(`/api/v1/exchange/visits?pair=${DEMO_PAIR}&page_size=1`);
    assert.equal(visits.status, 200);
    assert.equal(visits.json.total, 22);
    await server.stop();
  });

  it('user add refuses a weak password, a taken name and an unknown region (exit 1)', () => {
    const weak = env.run(['user', 'add', 'weakling', '--role', 'staff'], { input: 'short\n' });
    assert.equal(weak.status, 1, weak.stdout);
    assert.ok(hasChinese(weak.stderr) && hasEnglish(weak.stderr), weak.stderr);
    const taken = env.run(['user', 'add', 'pingtang1', '--role', 'viewer'], { input: 'Another-pass-2021\n' });
    assert.equal(taken.status, 1);
    const region = env.run(['user', 'add', 'nowhere', '--role', 'staff', '--region', '999999'], { input: 'Nowhere-pass-2021\n' });
    assert.equal(region.status, 1);
    const role = env.run(['user', 'add', 'king', '--role', 'emperor'], { input: 'Emperor-pass-2021\n' });
    assert.equal(role.status, 1);
    assert.match(role.stderr, /emperor/);
    const owner = env.run(['user', 'add', 'firm', '--owner', 'units'], { input: 'Firm-pass-2021\n' });
    assert.equal(owner.status, 1);
    assert.match(owner.stderr, /--owner/);
  });

  it('user add takes the region as a clerk writes it: a name, or an ambiguous one naming its candidates', async () => {
    const town = env.run(['user', 'add', 'kapu1', '--role', 'staff', '--region', '卡蒲毛南族乡'], { input: 'Kapu-town-pass-2021\n' });
    assert.equal(town.status, 0, town.stderr);
    assert.match(town.stdout, /黔南州平塘县卡蒲毛南族乡（522727200）/);
    const server = await env.serve();
    const login = await new ApiClient(server.base).login('kapu1', 'Kapu-town-pass-2021');
    assert.equal(login.json.region, '522727200', login.text);
    await server.stop();
    // 甲坝村 is a village of 平塘县 and one of 惠水县: the error names both with their codes.
    const two = env.run(['user', 'add', 'jiaba1', '--role', 'staff', '--region', '甲坝村'], { input: 'Jiaba-two-pass-2021\n' });
    assert.equal(two.status, 1, two.stdout);
    assert.match(two.stderr, /--region.*522727200205.*522731103227/s);
    assert.ok(hasChinese(two.stderr) && hasEnglish(two.stderr), two.stderr);
    const none = env.run(['user', 'add', 'nowhere2', '--role', 'staff', '--region', '不存在乡'], { input: 'Nowhere-two-pass-2021\n' });
    assert.equal(none.status, 1);
    assert.match(none.stderr, /没有名为“不存在乡”的地区/);
  });

  it('role add makes a role granting exactly its permissions; user add --role a,b gives several', async () => {
    const bad = env.run(['role', 'add', 'flyer', '--label', '飞行员', '--permissions', 'exchange:visits:fly']);
    assert.equal(bad.status, 1, bad.stdout);
    assert.match(bad.stderr, /exchange:visits:fly/);
    const r = env.run(['role', 'add', 'meetings_clerk', '--label', '会议录入', '--permissions',
      'exchange:meetings:list,exchange:meetings:read,exchange:meetings:create']);
    assert.equal(r.status, 0, r.stderr);
    const list = env.mustRun(['role', 'list']).stdout;
    for (const name of ['admin', 'staff', 'viewer', 'revealer', 'sysadmin', 'secadmin', 'auditadmin', 'meetings_clerk'])
      assert.match(list, new RegExp(`^${name}\t`, 'm'), `role list lacks ${name}`);
    assert.match(list, /^meetings_clerk\t会议录入\t.*exchange:meetings:create/m);
    assert.match(env.mustRun(['role', 'permissions'], { db: false }).stdout, /^people:people:reveal\t人员库\t/m);

    // Reading ID numbers whole needs a region or an organisation (README, security).
    const unlimited = env.run(['user', 'add', 'clerk3', '--role', 'meetings_clerk,revealer'], { input: 'Baiyun-cl-pass-2021\n' });
    assert.notEqual(unlimited.status, 0);
    assert.match(unlimited.stderr, /限定了管辖区域或所属单位.*limited to a region or an organisation/s);
    const add = env.run(['user', 'add', 'clerk2', '--role', 'meetings_clerk,revealer', '--region', '平塘县'], { input: 'Baiyun-cl-pass-2021\n' });
    assert.equal(add.status, 0, add.stderr);
    assert.match(add.stdout, /须另一位安全管理员批准后生效.*second security administrator approves it/s);
    const server = await env.serve();
    const client = new ApiClient(server.base);
    const login = await client.login('clerk2', 'Baiyun-cl-pass-2021');
    assert.equal(login.status, 200, login.text);
    await client.mustChangePassword('Baiyun-cl-pass-2021', 'Baiyun-cl-chosen-2022');
    assert.deepEqual(login.json.roles, ['meetings_clerk', 'revealer']);
    assert.ok(login.json.permissions.includes('exchange:meetings:create'));
    // Reveal across a whole county waits for a second administrator (two-person rule).
    assert.ok(!login.json.permissions.includes('people:people:reveal'));
    assert.equal(login.json.reveal_awaits_approval, true);
    assert.ok(!login.json.permissions.includes('exchange:visits:list'));
    assert.equal((await client.get('/api/v1/exchange/visits')).status, 403);
    assert.equal((await client.get('/api/v1/exchange/meetings')).status, 200);
    await server.stop();
    const requests = env.mustRun(['user', 'reveal-requests']).stdout;
    const pending = /^#(\d+)  pending  clerk2  .*平塘县（522727）  grant  system /m.exec(requests);
    assert.ok(pending, requests);
    // The CLI filed it when it added clerk2: the CLI is no second person for its own request.
    const own = env.run(['user', 'reveal-approve', pending[1]]);
    assert.notEqual(own.status, 0);
    assert.match(own.stderr, /须由另一位管理员批准.*another administrator must approve it/s);
    assert.match(env.mustRun(['user', 'reveal-refuse', pending[1]]).stdout, /已拒绝 refused #\d+  refused  clerk2/);
    assert.match(env.mustRun(['user', 'reveal-requests']).stdout, new RegExp(`^#${pending[1]}  refused  clerk2 .*→ system `, 'm'));
  });

  it('backup -o copy.db gives a database that report can read', () => {
    const copy = env.path('backup', 'copy.db');
    fs.mkdirSync(env.path('backup'));
    const r = env.mustRun(['backup', '-o', copy]);
    assert.match(r.stdout, /key/i, 'backup should remind to keep the data key');
    assert.ok(fs.statSync(copy).size > 0);
    const original = reportJson(env).indicators;
    const restored = JSON.parse(env.mustRun(['report', '--pair', DEMO_PAIR, ...DEMO_PERIOD, '--format', 'json',
      '--db', copy, '--key', env.db + '.key'], { db: false }).stdout).indicators;
    assert.deepEqual(restored, original);
  });

  it('transition claims and delivers a need; history names both; refusals exit 1 saying why', () => {
    const [id, version] = sqlite(env.db, "SELECT id, version FROM needs WHERE status = 'posted'").trim().split('|');
    const claim = ['transition', 'needs', id, 'claim', '--set', 'claimed_by_unit_id=白云区结对企业01',
      '--set', 'claimed_date=2019-05-01'];
    // A stale version, a field the transition does not take, a ledger without a workflow.
    const stale = env.run([...claim, '--version', String(Number(version) + 1)]);
    assert.equal(stale.status, 1, stale.stderr);
    assert.ok(hasChinese(stale.stderr) && /changed by someone else/.test(stale.stderr), stale.stderr);
    const foreign = env.run([...claim, '--set', 'title=改名', '--version', version]);
    assert.equal(foreign.status, 1, foreign.stderr);
    assert.match(foreign.stderr, /\[title\] .*不属于“认领”.* not a field of the claim transition/);
    const plain = env.run(['transition', 'visits', '1', 'claim', '--version', '1']);
    assert.equal(plain.status, 1);
    assert.match(plain.stderr, /没有流程.*no workflow.*needs, investments/);
    const wrongState = env.run(['transition', 'needs', id, 'deliver', '--set', 'delivered_date=2019-06-01', '--version', version]);
    assert.equal(wrongState.status, 1);
    assert.match(wrongState.stderr, /已认领.*claimed/);
    assert.equal(sqlite(env.db, `SELECT status, version FROM needs WHERE id = ${id}`).trim(), `posted|${version}`);

    const claimed = env.mustRun([...claim, '--version', version]);
    assert.match(claimed.stdout, /已认领 claimed: .* needs \d+，状态 state 已认领 claimed，版本 version \d+/);
    assert.match(claimed.stdout, /可继续 next: 交付、撤销认领、取消需求 \/ deliver, release, cancel/);
    const delivered = env.mustRun(['transition', 'needs', id, 'deliver', '--set', 'delivered_date=2019-06-01',
      '--version', String(Number(version) + 1)]);
    assert.match(delivered.stdout, /状态 state 已交付 delivered/);
    assert.match(delivered.stdout, /no further transitions/);
    assert.equal(sqlite(env.db, `SELECT status, claimed_date, delivered_date FROM needs WHERE id = ${id}`).trim(),
      'delivered|2019-05-01|2019-06-01');

    const history = env.mustRun(['history', 'needs', id]).stdout.trim().split('\n');
    assert.equal(history.length, 3, history.join('\n'));
    assert.match(history[0], /新增 create\s+system/);
    assert.match(history[1], /认领 claim\s+system\s+由 system 认领 \/ claimed by system/);
    assert.match(history[2], /交付 deliver\s+system/);
  });
  it('history names who took each step by the masked display name; user add/update take --display-name', async () => {
    const bad = env.run(['user', 'add', 'wangfang', '--display-name', '王\u0007芳'], { input: 'Pingtang-wf-2021\n' });
    assert.equal(bad.status, 1, bad.stdout);
    assert.match(bad.stderr, /姓名.*控制字符.*display name has a control/);
    const add = env.run(['user', 'add', 'wangfang', '--region', '522727', '--display-name', '王芳'],
      { input: 'Pingtang-wf-2021\n' });
    assert.equal(add.status, 0, add.stderr);
    assert.match(add.stdout, /wangfang 王芳/);
    const server = await env.serve();
    const client = new ApiClient(server.base);
    assert.equal((await client.login('wangfang', 'Pingtang-wf-2021')).status, 200);
    await client.mustChangePassword('Pingtang-wf-2021', 'Pingtang-wf-chosen-2022');
    const need = await client.request('POST', '/api/v1/needs/needs', { json: { pair: DEMO_PAIR, title: '图书角',
      category: 'goods', posted_date: '2019-05-01', status: 'posted' } });
    assert.equal(need.status, 201, need.text);
    const id = String(need.json.id);
    const claim = await client.request('POST', `/api/v1/needs/needs/${id}/transitions/claim`,
      { json: { version: 1, claimed_by_unit_id: '白云区结对企业01', claimed_date: '2019-05-02' } });
    assert.equal(claim.status, 200, claim.text);
    await server.stop();

    const history = env.mustRun(['history', 'needs', id]).stdout;
    assert.match(history, /新增 create  王\*\n.*认领 claim  王\*  由 王\* 认领 \/ claimed by 王\*/);
    assert.ok(!history.includes('王芳') && !history.includes('wangfang'), history);
    const renamed = env.mustRun(['user', 'update', 'wangfang', '--display-name', '欧阳娜娜']);
    assert.match(renamed.stdout, /欧阳娜娜/);
    assert.match(env.mustRun(['history', 'needs', id]).stdout, /认领 claim  欧\*\*\*/);
    // The name alone changes: a stored scope that would no longer pass the checks (its organisation
    // gone) is neither re-sent nor re-checked.
    sqlite(env.db, "UPDATE users SET owner_ledger = 'units', owner_id = 999999 WHERE name = 'wangfang'");
    // "" clears the name: the history names the login again (the detail keeps the name of then).
    const cleared = env.mustRun(['user', 'update', 'wangfang', '--display-name', '']);
    assert.match(cleared.stdout, /姓名 display name （无 none）/);
    assert.match(env.mustRun(['history', 'needs', id]).stdout, /认领 claim  wangfang  由 王\* 认领 \/ claimed by 王\*/);
    assert.equal(sqlite(env.db, "SELECT owner_ledger, owner_id, display_name FROM users WHERE name = 'wangfang'"),
      'units|999999|\n');
    assert.match(sqlite(env.db, "SELECT after_json FROM audit_log WHERE action = 'user_update' ORDER BY seq DESC LIMIT 1"),
      /^\{"name":"wangfang","display_name":""\}$/m);
    assert.equal(env.run(['user', 'update', 'nobody', '--display-name', '李四']).status, 1);
  });
});
