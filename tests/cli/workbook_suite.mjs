// One workbook, many sheets, through the real binary, once per database: `template --all`
// writes a sheet per importable ledger in import order; `import book.xlsx` (no ledger) takes
// every sheet named after a ledger in dependency order whatever the tabs' order, all or nothing
// across sheets (a bad row on one sheet stores nothing on any, the error names sheet and row; a
// sheet of a line ledger is refused by name);
// re-importing is noticed (dry run "N rows already stored", refused, --skip, --update); a
// workbook may name the pair's sides, the pair and the regions by name.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { TestEnv } from '../lib/shanhai.mjs';
import { readSheets, writeWorkbook } from '../lib/workbook.mjs';

const PAIR = '440111-522727';
// Headers by field key (accepted as the Chinese labels are), so the test does not follow the labels' wording.
const pairs = [['helper_region', 'helped_region', 'name'], ['440111', '522727', '白云—平塘']];
const units = (note) => [
  ['pair', 'name', 'side', 'kind', 'note'],
  [PAIR, '白云区钟落潭镇', 'helper', 'town', note],
  [PAIR, '平塘县甲坝村', 'helped', 'village', ''],
];
const pairings = [
  ['pair', 'helper_unit_id', 'helped_unit_id', 'level', 'established_date'],
  [PAIR, '白云区钟落潭镇', '平塘县甲坝村', 'town_village', '2020-03-01'],
];
const visits = (badPersonTimes) => [
  ['pair', 'title', 'direction', 'person_times', 'start_date'],
  [PAIR, '党政代表团对接考察', 'to_helped', 12, '2020-06-09'],
  [PAIR, '教育帮扶调研', 'to_helper', badPersonTimes ?? 3, '2020-07-01'],
];
// Tabs deliberately out of dependency order: the pairings name units, every sheet names the pair.
const book = ({ note = '首批结对', badPersonTimes } = {}) => ({
  说明: [['本工作簿由测试生成']],
  结对帮扶: pairings,
  Visits: visits(badPersonTimes),
  结对单位: units(note),
  帮扶关系: pairs,
});

export function workbookSuite(kind) {
  describe(`workbook import on ${kind}`, () => {
    let env;
    const counts = () =>
      Object.fromEntries(['pairs', 'units', 'pairings', 'visits'].map((t) => [t, Number(env.sql(`SELECT COUNT(*) FROM ${t}`))]));
    const none = { pairs: 0, units: 0, pairings: 0, visits: 0 };
    const all = { pairs: 1, units: 2, pairings: 1, visits: 2 };

    before(() => {
      env = TestEnv.create(kind, 'workbook');
      env.mustRun(['init']);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('template --all writes one sheet per importable ledger, pairs and units first, each after what it names', async () => {
      env.mustRun(['template', '--all', '-o', env.path('pair.xlsx')], { db: false });
      const names = (await readSheets(env.path('pair.xlsx'))).map((s) => s.name);
      assert.deepEqual(names.slice(0, 2), ['帮扶关系', '结对单位']);
      assert.ok(!names.includes('资金拨付'), 'a line ledger got a sheet of its own');
      for (const [later, earlier] of [['结对帮扶', '结对单位'], ['项目节点', '帮扶项目'], ['年度目标', '帮扶协议'],
        ['岗位', '用工企业'], ['岗位举报', '岗位'], ['劳动力台账', '人员库'], ['求职申请', '劳动力台账'], ['求职申请', '岗位'], ['就业记录', '劳动力台账']])
        assert.ok(names.indexOf(later) > names.indexOf(earlier), `${later} before ${earlier}: ${names}`);
      assert.equal(names.length, 22, names.join(','));  // 16 of the core, 6 of labour (issue #9)
    });

    it('a bad row on one sheet stores nothing on any sheet and is named with its sheet and row', async () => {
      await writeWorkbook(env.path('bad.xlsx'), book({ badPersonTimes: 0 }));
      const r = env.run(['import', 'bad.xlsx', '--error-sheet', env.path('errors.xlsx')]);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /工作表“Visits”第3行 sheet Visits row 3 \[人次\]/);
      assert.match(r.stderr, /未导入任何数据.*nothing was imported/);
      assert.match(r.stderr, /跳过工作表“说明”.*skipped/, 'the sheet named after no ledger is not reported');
      assert.deepEqual(counts(), none);
      // The refused row's sheet, under its own name and header, then its row number and problem.
      const sheets = await readSheets(env.path('errors.xlsx'));
      assert.deepEqual(sheets.map((s) => s.name), ['Visits']);
      assert.deepEqual(sheets[0].header, ['pair', 'title', 'direction', 'person_times', 'start_date', '原行号 Row', '错误原因 Problems']);
    });

    it('a sheet of tranches (entered with their fund) is refused by name, not silently dropped', async () => {
      await writeWorkbook(env.path('tranches.xlsx'), { ...book(), 资金拨付: [['pair', 'paid_date'], [PAIR, '2020-01-01']] });
      const r = env.run(['import', 'tranches.xlsx']);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /工作表“资金拨付”不能导入.*sheet "资金拨付" cannot be imported/);
      assert.deepEqual(counts(), none);
    });

    it('a good workbook stores every sheet, reporting the count of each ledger in dependency order', async () => {
      await writeWorkbook(env.path('good.xlsx'), book());
      const r = env.run(['import', 'good.xlsx']);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const lines = r.stdout.trim().split('\n');
      const order = lines.map((l) => l.split(' ')[0]);
      assert.deepEqual(order.slice(0, 2), ['帮扶关系', '结对单位']);
      assert.deepEqual([...order].sort(), ['Visits', '帮扶关系', '结对单位', '结对帮扶'].sort());
      assert.match(r.stdout, /^结对单位 \(units\): 读取 rows 2，.*写入 stored 2$/m);
      assert.match(r.stdout, /^结对帮扶 \(pairings\): 读取 rows 1，.*写入 stored 1$/m);
      assert.match(r.stdout, /^Visits \(visits\): 读取 rows 2，.*写入 stored 2$/m);
      assert.deepEqual(counts(), all);
    });

    it('re-importing: the dry run says how many rows are stored already, and the import refuses them', () => {
      const dry = env.run(['import', 'good.xlsx', '--dry-run']);
      assert.equal(dry.status, 1, dry.stdout + dry.stderr);
      assert.match(dry.stdout, /结对单位 \(units\):.*\n\s+2 行已存储 \/ 2 rows already stored/);
      assert.match(dry.stdout, /Visits \(visits\):.*\n\s+2 行已存储 \/ 2 rows already stored（可用 --skip 跳过 \/ use --skip）/);
      assert.match(dry.stdout, /结对单位 \(units\):.*\n.*--update 更新或 --skip/);
      const again = env.run(['import', 'good.xlsx']);
      assert.equal(again.status, 1, again.stdout + again.stderr);
      assert.match(again.stderr, /工作表“结对单位”第2行.*已存在/);
      assert.match(again.stderr, /工作表“Visits”第2行 sheet Visits row 2 该行已导入过.*this row was imported before/);
      assert.match(again.stderr, /工作表“结对单位”第2行 sheet 结对单位 row 2 \[\*?单位名称\] /);
      assert.doesNotMatch(again.stderr, /\[\]/);
      // Under their own heading, not among bad rows: this file has none.
      assert.match(again.stderr, /^已存储的行 rows stored already:\n工作表/m);
      assert.doesNotMatch(again.stderr, /有误的行 invalid rows/);
      assert.deepEqual(counts(), all);
    });

    it('a ledger named without a file is a missing file, not a workbook', () => {
      const r = env.run(['import', 'visits']);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /missing file/);
    });

    it('--skip leaves the stored rows alone; --update writes the sheet over the stored records', async () => {
      const skip = env.run(['import', 'good.xlsx', '--skip']);
      assert.equal(skip.status, 0, skip.stdout + skip.stderr);
      assert.deepEqual(counts(), all);
      await writeWorkbook(env.path('changed.xlsx'), book({ note: '改为二批结对' }));
      const update = env.run(['import', 'changed.xlsx', '--update']);
      assert.equal(update.status, 0, update.stdout + update.stderr);
      assert.match(update.stdout, /结对单位 \(units\):.*更新 updated 2/);
      assert.equal(env.sql("SELECT note FROM units WHERE name = '白云区钟落潭镇'"), '改为二批结对');
      assert.deepEqual(counts(), all);
      assert.equal(env.run(['import', 'good.xlsx', '--skip', '--update']).status !== 0, true, '--skip with --update accepted');
    });

    // As a county office fills it in: the pair's sides by name (no pair yet to search within), the
    // pair then named as the console shows it, region cells by name within it (卡蒲乡 for 卡蒲毛南族乡).
    it('a workbook naming the sides, the pair and the regions by name stores their codes', async () => {
      await writeWorkbook(env.path('names.xlsx'), {
        结对单位: [
          ['*帮扶关系', '*单位名称', '*所属方', '*单位类型', '所在地（名称或代码）'],
          ['广州市海珠区—黔南州平塘县', '赤岗街道办', '帮扶方', '街道', '赤岗街道'],
          ['广州市海珠区-黔南州平塘县', '甲坝村委', '受帮扶方', '村', '卡蒲乡甲坝村'],
        ],
        帮扶关系: [['*帮扶方（名称或代码）', '*受帮扶方（名称或代码）'], ['广州市海珠区', '平塘县']],
      });
      const r = env.run(['import', 'names.xlsx']);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(env.sql("SELECT code FROM pairs WHERE helper_region = '440105'"), '440105-522727');
      assert.equal(env.sql("SELECT region_code FROM units WHERE name = '赤岗街道办'"), '440105001');
      assert.equal(env.sql("SELECT region_code FROM units WHERE name = '甲坝村委'"), '522727200205');
    });
  });
}
