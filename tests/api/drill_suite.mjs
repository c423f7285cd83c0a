// Issue #8, the drill-down: the records the dashboard's drawer lists for a figure are exactly
// those that make it up — their count, sum or distinct count equals the card's value, and a
// record that adds nothing to a figure (a training without poverty participants under
// 其中脱贫人口) is not listed — and the export of them writes the same records; and the trend
// of a figure, year by year in one request. Run once per database on the demo data.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';

const PAIR = '440111-522727';
const PERIODS = [{}, { from: '2016-01-01', to: '2020-07-22' }];

// How a figure is made of its records: counted, summed over a field, or its distinct values counted.
const FIGURES = [
  { key: 'leadership.visit_batches', count: true },
  { key: 'leadership.visit_person_times', sum: 'person_times' },
  { key: 'leadership.joint_meetings', count: true },
  { key: 'talent.secondment.to_helped', count: true },
  { key: 'talent.training.person_times', sum: 'person_times' },
  { key: 'talent.training.person_times.poverty', sum: 'poverty_person_times' },
  ...['cadre', 'professional', 'leader', 'disabled', 'labor_skill'].map((c) => (
    { key: `talent.training.${c}.person_times.poverty`, sum: 'poverty_person_times' })),
  { key: 'investment.jobs.poverty', sum: 'poverty_jobs' },
  { key: 'pairing.helper_units', distinct: 'helper_unit_id' },
  { key: 'pairing.aid_fen', sum: 'amount_fen' },
  { key: 'funds.fiscal_fen', sum: 'amount_fen' },
  { key: 'people.registered.poverty', count: true },
];

const query = (period, extra = {}) => new URLSearchParams({ pair: PAIR, ...period, ...extra }).toString();

// The card's value of key ("<key>.poverty": the sub-count) from the one values request.
function cardValue(items, key) {
  const poverty = key.endsWith('.poverty');
  const item = items.find((v) => v.key === (poverty ? key.slice(0, -'.poverty'.length) : key));
  assert.ok(item, `no figure ${key}`);
  return poverty ? item.poverty : item.value;
}

// The figure the listed records make, as FIGURES says it is made.
function recordsFigure(spec, records) {
  if (spec.count) return records.length;
  if (spec.distinct) return new Set(records.map((r) => r[spec.distinct])).size;
  return records.reduce((n, r) => n + (r[spec.sum] ?? 0), 0);
}

export function drillSuite(kind) {
  describe(`drill-down on ${kind}`, () => {
    let env;
    let admin;

    before(async () => {
      env = TestEnv.create(kind, 'drill');
      const password = env.init();
      env.mustRun(['demo']);
      const server = await env.serve();
      admin = new ApiClient(server.base);
      await admin.mustLogin('admin', password);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    async function behindTotal(key, period) {
      const r = await admin.get(`/api/v1/indicators/${key}/records?${query(period, { page_size: '1' })}`);
      assert.equal(r.status, 200, `${key}: ${r.text}`);
      return r.json.total;
    }

    async function behind(key, period) {
      const r = await admin.get(`/api/v1/indicators/${key}/records?${query(period, { page_size: '1000' })}`);
      assert.equal(r.status, 200, `${key}: ${r.text}`);
      assert.equal(r.json.items.length, r.json.total, `${key}: more records than one page`);
      return r.json.items;
    }

    for (const period of PERIODS) {
      it(`lists for each figure exactly the records that make it up (${period.from ?? 'all time'})`, async () => {
        const values = await admin.get(`/api/v1/indicators?${query(period)}`);
        assert.equal(values.status, 200, values.text);
        let narrowed = 0;
        for (const spec of FIGURES) {
          const records = await behind(spec.key, period);
          assert.equal(recordsFigure(spec, records), cardValue(values.json.items, spec.key), spec.key);
          if (spec.sum) {
            const idle = records.filter((r) => !(r[spec.sum] > 0)).map((r) => r.id);
            assert.deepEqual(idle, [], `${spec.key} lists records adding nothing to it`);
          }
          if (spec.key.endsWith('.poverty') && records.length < (await behindTotal(spec.key.slice(0, -8), period))) narrowed++;
        }
        // The demo has trainings without poverty participants: some sub-figure lists fewer records than its figure.
        assert.ok(narrowed > 0, 'no sub-figure lists fewer records than its figure');
      });
    }

    it('gives a figure year by year in one request, as the figures of each year say', async () => {
      for (const key of ['leadership.visit_batches', 'talent.training.person_times.poverty', 'funds.fiscal_fen']) {
        const r = await admin.get(`/api/v1/indicators/${key}/trend?${query({}, { from_year: '2016', to_year: '2020' })}`);
        assert.equal(r.status, 200, r.text);
        assert.deepEqual(r.json.items.map((p) => p.year), [2016, 2017, 2018, 2019, 2020]);
        for (const { year, value } of r.json.items) {
          const values = await admin.get(`/api/v1/indicators?${query({ from: `${year}-01-01`, to: `${year}-12-31` })}`);
          assert.equal(value, cardValue(values.json.items, key), `${key} in ${year}`);
        }
        assert.ok(r.json.items.some((p) => p.value > 0), `${key}: only zeros`);
      }
      const rate = await admin.get(`/api/v1/indicators/funds.fiscal_utilisation_rate/trend?${query({}, { from_year: '2016', to_year: '2020' })}`);
      assert.equal(rate.status, 400);
      const long = await admin.get(`/api/v1/indicators/leadership.visit_batches/trend?${query({}, { from_year: '2000', to_year: '2020' })}`);
      assert.equal(long.status, 400);
      assert.match(long.text, /20 年/);
      assert.match(long.text, /at most 20/);
    });

    it('exports the records of a sub-figure, and only those', async () => {
      const key = 'talent.training.person_times.poverty';
      const period = PERIODS[1];
      const records = await behind(key, period);
      assert.ok(records.length > 0);
      const file = await admin.get(`/api/v1/indicators/${key}/records/export?${query(period, { format: 'xlsx' })}`);
      assert.equal(file.status, 200, file.text);
      assert.match(file.headers.get('content-type'), /spreadsheetml/);
      assert.match(decodeURIComponent(file.headers.get('content-disposition')), /各类培训人次（其中脱贫人口）明细\.xlsx/);
      assert.equal(file.bytes.subarray(0, 2).toString(), 'PK');
      const audit = await admin.get('/api/v1/admin/audit?action=export&ledger=trainings&page_size=1');
      assert.equal(audit.status, 200, audit.text);
      const detail = JSON.parse(audit.json.items[0].detail);
      assert.equal(detail.rows, records.length);
      assert.equal(detail.filter.selected_by, `indicator=${key}`);

      // Listing the records is not exporting them: that needs the ledger's export permission too.
      const role = await admin.request('POST', '/api/v1/admin/roles', { json: { name: 'drill_reader', label_zh: '只看明细',
        permissions: ['indicators:report:read', 'talent:trainings:list'] } });
      assert.equal(role.status, 201, role.text);
      const user = await admin.request('POST', '/api/v1/admin/users', { json: { name: 'drillreader', password: 'Drill-reader-2021', roles: ['drill_reader'] } });
      assert.equal(user.status, 201, user.text);
      const reader = new ApiClient(admin.base);
      await reader.mustLogin('drillreader', 'Drill-reader-2021');
      assert.equal((await reader.get(`/api/v1/indicators/${key}/records?${query(period)}`)).status, 200);
      const refused = await reader.get(`/api/v1/indicators/${key}/records/export?${query(period)}`);
      assert.equal(refused.status, 403, refused.text);
      assert.match(refused.text, /talent:trainings:export/);

      const bad = await admin.get(`/api/v1/indicators/${key}/records/export?${query(period, { format: 'pdf' })}`);
      assert.equal(bad.status, 400);
      assert.match(bad.text, /xlsx 或 csv/);
      assert.match(bad.text, /xlsx or csv/);
    });
  });
}
