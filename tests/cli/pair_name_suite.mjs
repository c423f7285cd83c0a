// --pair as the console shows a pair, through the real binary, once per database: import,
// export and report take a pair's code, its name (广州市白云区—黔南州平塘县, any dash, arrow or 到),
// or one side's name when exactly one pair has that side; a name of several pairs is an error
// listing them with their codes, an unknown one a bilingual error; nothing is stored by either.
// An import's 帮扶关系 cell is read the same way (one lookup, domain/pairing/pair_name).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { TestEnv } from '../lib/shanhai.mjs';

// Two pairs share 平塘县; 三都县 is helped by one pair only.
const PAIRS = ['helper_region,helped_region', '440111,522727', '440106,522727', '440111,522732'].join('\n') + '\n';
const SANDU = '440111-522732';
// A visits file without a pair column (the pair comes from --pair) and one whose cells name it.
const visits = (title) => `互访事由,方向,人次,开始日期\n${title},to_helped,5,2020-06-09\n`;
const visitsWithPairCell = (pair, title) => `帮扶关系,互访事由,方向,人次,开始日期\n${pair},${title},to_helped,5,2020-06-09\n`;

export function pairNameSuite(kind) {
  describe(`--pair by name on ${kind}`, () => {
    let env;
    const visitsOf = (pair) =>
      Number(env.sql(`SELECT COUNT(*) FROM visits v JOIN pairs p ON p.id = v.pair_id WHERE p.code = '${pair}'`));
    const write = (name, text) => {
      fs.writeFileSync(env.path(name), text);
      return env.path(name);
    };

    before(() => {
      env = TestEnv.create(kind, 'pairname');
      env.mustRun(['init']);
      env.mustRun(['import', 'pairs', write('pairs.csv', PAIRS)]);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('import --pair takes the name with any dash, and one side alone', () => {
      for (const [i, pair] of ['广州市白云区—黔南州三都县', '白云区 -> 三都县', '白云区到三都县', '三都县'].entries()) {
        const r = env.run(['import', 'visits', write(`v${i}.csv`, visits(`按名称导入${i}`)), '--pair', pair]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
      }
      assert.equal(visitsOf(SANDU), 4);
    });

    it('an import cell names the pair by one side as --pair does', () => {
      const r = env.run(['import', 'visits', write('cell.csv', visitsWithPairCell('三都县', '按单元格导入'))]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(visitsOf(SANDU), 5);
    });

    it('a side of several pairs is refused, listing each pair by name and code; nothing is stored', () => {
      const before = Number(env.sql('SELECT COUNT(*) FROM visits'));
      const r = env.run(['import', 'visits', write('amb.csv', visits('不应导入')), '--pair', '平塘县']);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /“平塘县”对应多个帮扶关系：/);
      assert.match(r.stderr, /广州市白云区—黔南州平塘县（440111-522727）/);
      assert.match(r.stderr, /广州市天河区—黔南州平塘县（440106-522727）/);
      assert.match(r.stderr, /"平塘县" names several pairs/);
      assert.equal(Number(env.sql('SELECT COUNT(*) FROM visits')), before);

      const cell = env.run(['import', 'visits', write('amb-cell.csv', visitsWithPairCell('平塘县', '不应导入'))]);
      assert.equal(cell.status, 1, cell.stdout + cell.stderr);
      assert.match(cell.stderr, /第2行 row 2 \[帮扶关系\] “平塘县”对应多个帮扶关系/);
      assert.equal(Number(env.sql('SELECT COUNT(*) FROM visits')), before);
    });

    it('an unknown pair is refused in both languages', () => {
      for (const args of [
        ['import', 'visits', write('unknown.csv', visits('不应导入')), '--pair', '荔波县'],
        ['export', 'visits', '-o', env.path('unknown.csv.out.csv'), '--pair', '广州市白云区—黔南州荔波县'],
        ['report', '--pair', '荔波县', '--format', 'json'],
      ]) {
        const r = env.run(args);
        assert.equal(r.status, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, /帮扶关系“[^”]+”不存在/);
        assert.match(r.stderr, /does not exist/);
      }
      assert.equal(fs.existsSync(env.path('unknown.csv.out.csv')), false);
    });

    it('export lists only the pair named, by its name or a side', () => {
      env.mustRun(['import', 'visits', write('baiyun.csv', visits('平塘的互访')), '--pair', '广州市白云区-黔南州平塘县']);
      for (const pair of ['三都县', '白云区—三都县', SANDU]) {
        const out = env.path(`sandu-${pair}.csv`);
        const r = env.mustRun(['export', 'visits', '-o', out, '--pair', pair]);
        assert.match(r.stdout, /已导出 exported 5 条 records/, pair);
        assert.doesNotMatch(fs.readFileSync(out, 'utf8'), /平塘的互访/);
      }
      const r = env.run(['export', 'visits', '-o', env.path('amb.csv'), '--pair', '平塘县']);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /对应多个帮扶关系/);
    });

    it('report takes the name as its header shows it', () => {
      const byName = JSON.parse(env.mustRun(['report', '--pair', '广州市白云区—黔南州三都县', '--format', 'json']).stdout);
      const byCode = JSON.parse(env.mustRun(['report', '--pair', SANDU, '--format', 'json']).stdout);
      assert.deepEqual(byName, byCode);
    });
  });
}
