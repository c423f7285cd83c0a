// shanhai match on the demo database, through the real binary, once per database: the jobs
// recommended to a seeker (named by record id or by ID number — the same answer) and the people
// recommended for a job, as JSON with score and Chinese and English reasons, or as a Chinese
// table; and the bilingual refusals (unknown, not looking, confirmation due, no target).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { TestEnv } from '../lib/shanhai.mjs';
import { readSheetRows } from '../lib/workbook.mjs';
import { DEMO_PAIR, hasChinese, hasEnglish } from './cli_support.mjs';

// The demo's seekers confirmed they were looking over May–July 2020: all are current on this day.
const ON = ['--on', '2020-07-22'];
// A villager of 河中村 added to the demo, so the test knows the ID number; expecting 3,000 yuan, she
// ranks near the top of the demo's 1,200 seekers for the assembly job.
const ID_NUMBER = '522727199205060027';
const PEOPLE = `姓名,身份证号,户籍地,帮扶对象类别\n匹配测试韦兰,${ID_NUMBER},522727200201,lifted\n`;
const SEEKERS = `人员,文化程度,求职状态,确认求职日期,期望月薪（元）,技能（职业代码）\n${ID_NUMBER},初中,seeking,2020-07-01,3000,6-20-02\n`;

export function matchSuite(kind) {
  describe(`shanhai match on ${kind}`, () => {
    let env;
    const write = (name, text) => {
      fs.writeFileSync(env.path(name), text);
      return env.path(name);
    };
    const json = (args) => JSON.parse(env.mustRun(['match', ...args, '--format', 'json', ...ON]).stdout);
    const refused = (args, pattern) => {
      const r = env.run(['match', ...args, ...ON]);
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.ok(hasChinese(r.stderr) && hasEnglish(r.stderr), r.stderr);
      assert.match(r.stderr, pattern);
    };

    before(() => {
      env = TestEnv.create(kind, 'match');
      env.mustRun(['init', '--demo']);
      env.mustRun(['import', 'people', write('people.csv', PEOPLE), '--pair', DEMO_PAIR]);
      env.mustRun(['import', 'seekers', write('seekers.csv', SEEKERS), '--pair', DEMO_PAIR]);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('--person by ID number and by record id give the same jobs, best first, with reasons in both languages', () => {
      const byNumber = json(['--person', ID_NUMBER]);
      assert.ok(byNumber.seeker_id > 0);
      assert.equal(byNumber.on, '2020-07-22');
      assert.ok(byNumber.jobs.length > 0, JSON.stringify(byNumber));
      const byId = json(['--person', String(byNumber.seeker_id)]);
      assert.deepEqual(byId, byNumber);
      const scores = byNumber.jobs.map((j) => j.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'best first');
      // The compressor assembly job: the person's own skill, 5,100 yuan against 3,000 expected.
      const assembly = byNumber.jobs.find((j) => j.title === '白云压缩机·压缩机装配工');
      assert.ok(assembly, JSON.stringify(byNumber.jobs.map((j) => j.title)));
      assert.equal(assembly.employer, '广州白云演示压缩机有限公司');
      assert.match(assembly.place, /白云区/);
      const zh = assembly.reasons.map((r) => r.zh);
      assert.ok(zh.includes('月薪比期望高70%'), zh.join(' '));
      assert.ok(zh.includes('包吃住'), zh.join(' '));
      assert.ok(zh.includes('技能对口：生产制造及有关人员（6-20-02）'), zh.join(' '));
      for (const r of assembly.reasons) assert.ok(hasChinese(r.zh) && hasEnglish(r.en), JSON.stringify(r));
      assert.equal(json(['--person', ID_NUMBER, '--top', '1']).jobs.length, 1);
    });

    it('--job lists the people recommended for it, the ID numbers masked', () => {
      const job = env.sql("SELECT id FROM jobs WHERE title = '白云压缩机·压缩机装配工'");
      const answer = json(['--job', job, '--top', '100']);
      assert.equal(answer.job_id, Number(job));
      assert.ok(answer.seekers.length >= 10, `${answer.seekers.length} recommended`);
      const added = answer.seekers.find((s) => s.name === '匹配测试韦兰');
      assert.ok(added, 'the added villager is among them');
      assert.match(added.home, /河中村/);
      assert.doesNotMatch(JSON.stringify(answer), new RegExp(ID_NUMBER));
      assert.match(added.id_number, /^52\*+/);
      assert.ok(added.reasons.some((r) => r.zh === '脱贫户优先'), JSON.stringify(added.reasons));
    });

    it('--format table prints the answer in Chinese', () => {
      const r = env.mustRun(['match', '--person', ID_NUMBER, ...ON]);
      assert.match(r.stdout, /^\d+\. 白云压缩机·压缩机装配工（广州白云演示压缩机有限公司/m);
      assert.match(r.stdout, /\d+分/);
      assert.match(r.stdout, /月薪比期望高70%/);
    });

    it('--outreach writes the county\'s lists, one sheet per village after the summary, IDs masked', async () => {
      const file = env.path('outreach.xlsx');
      const counts = json(['--outreach', '平塘县', '--out', file, '--top', '3']);
      assert.equal(counts.region, '522727');
      assert.ok(counts.villages > 1 && counts.with_jobs > 0, JSON.stringify(counts));
      const sheets = await readSheetRows(file);
      const names = Object.keys(sheets);
      assert.equal(names[0], '汇总');
      assert.equal(names.length, counts.villages + 1, names.join(' '));
      // The summary's people per village add up to the people listed.
      const summary = sheets['汇总'].slice(2);
      assert.equal(summary.reduce((sum, row) => sum + row[2], 0), counts.people);
      assert.ok(summary.every((row) => /^黔南州平塘县/.test(row[0])), JSON.stringify(summary[0]));
      const village = sheets['河中村'];
      assert.ok(village, names.join(' '));
      const rows = village.filter((row) => row[1] === '匹配测试韦兰');
      assert.ok(rows.length >= 1 && rows.length <= 3, JSON.stringify(rows));
      const assembly = rows.find((row) => row[3] === '白云压缩机·压缩机装配工');
      assert.ok(assembly, JSON.stringify(rows));
      assert.equal(assembly[4], '广州白云演示压缩机有限公司');
      assert.match(assembly[8], /月薪比期望高70%/);
      assert.match(assembly[2], /^52\*+/);
      assert.doesNotMatch(JSON.stringify(sheets), new RegExp(ID_NUMBER));
      // Past her confirmation's due day she is listed to be asked first, without jobs.
      const later = env.path('outreach-later.xlsx');
      env.mustRun(['match', '--outreach', '522727', '--out', later, '--on', '2020-10-01']);
      const due = (await readSheetRows(later))['河中村'].filter((row) => row[1] === '匹配测试韦兰');
      assert.equal(due.length, 1);
      assert.match(due[0][3], /超过90天未确认/);
      refused(['--outreach', '平塘县'], /--out/);
      refused(['--outreach', '甲坝村', '--out', env.path('x.xlsx')], /522727200205/);
    });

    it('refuses in Chinese and English: unknown ids, a seeker not looking, a confirmation due, no target', () => {
      refused(['--person', '999999'], /999999/);
      refused(['--person', '522727199205060018'], /身份证号/);
      refused(['--job', '999999'], /999999/);
      const employed = env.sql("SELECT id FROM seekers WHERE status = 'employed' ORDER BY id LIMIT 1");
      refused(['--person', employed], /已就业/);
      const r = env.run(['match', '--person', ID_NUMBER, '--on', '2020-10-01']);
      assert.equal(r.status, 1, r.stdout);
      assert.match(r.stderr, /90天.*2020-09-29/);
      refused([], /--person/);
    });
  });
}
