// The server's OpenAPI document (/api/openapi.json, fetched as a logged-in administrator from a
// real `shanhai serve`) passes a standard validator: @apidevtools/swagger-parser checks it against
// the OpenAPI 3.0 schema and its own rules (path parameters declared, unique operation ids, $refs
// resolve). Its npm packages are pinned in package-lock.json beside this file (scripts/setup.sh
// installs them). A few facts the validator does not check are asserted too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import SwaggerParser from '@apidevtools/swagger-parser';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';

describe('OpenAPI document', () => {
  let env;
  let doc;

  before(async () => {
    env = TestEnv.create('sqlite', 'openapi');
    const password = env.init();
    const server = await env.serve();
    const admin = new ApiClient(server.base);
    await admin.mustLogin('admin', password);
    const r = await admin.get('/api/openapi.json');
    assert.equal(r.status, 200, r.text);
    doc = r.json;
  });

  after(async () => {
    if (env) await env.cleanup();
  });

  it('validates with swagger-parser', async () => {
    // validate() dereferences in place: give it a copy, so the other checks see the $refs.
    try {
      await SwaggerParser.validate(structuredClone(doc));
    } catch (e) {
      const details = (e.details ?? []).slice(0, 20).map((d) => `${(d.instancePath ?? d.path ?? '')} ${d.message}`);
      assert.fail(`swagger-parser rejects the document: ${e.message.slice(0, 2000)}\n${details.join('\n')}`);
    }
  });

  it('gives every operation an object of responses with a JSON error schema', () => {
    const bad = [];
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const error = op.responses?.default;
        if (!error || Array.isArray(error) || error.content?.['application/json']?.schema?.$ref !== '#/components/schemas/Error')
          bad.push(`${method} ${p}`);
      }
    assert.deepEqual(bad, []);
  });

  it('types {id} as an integer, and states the session on every guarded operation and none on public ones', () => {
    const bad = [];
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        for (const param of op.parameters ?? [])
          if (param.name === 'id' && param.schema?.type !== 'integer') bad.push(`${method} ${p}: {id} is ${param.schema?.type}`);
        const guarded = op['x-permission'] !== undefined;
        if (!Array.isArray(op.security) || guarded !== (op.security.length > 0))
          bad.push(`${method} ${p}: x-permission ${op['x-permission']} but security ${JSON.stringify(op.security)}`);
      }
    assert.deepEqual(bad, []);
    assert.deepEqual(doc.paths['/api/v1/auth/login'].post.security, [], 'logging in needs no session');
  });

  it('types the answers of the figures and the report, their scope and what it does not count', () => {
    const answer = (p) => doc.paths[p].get.responses['200'].content['application/json'].schema.$ref;
    assert.equal(answer('/api/v1/indicators'), '#/components/schemas/IndicatorValues');
    assert.equal(answer('/api/v1/indicators/{key}/trend'), '#/components/schemas/IndicatorTrend');
    assert.equal(answer('/api/v1/report'), '#/components/schemas/Report');
    const { IndicatorValues, IndicatorValue, IndicatorTrend, Report, ReportFigure } = doc.components.schemas;
    for (const schema of [IndicatorValues, Report])
      for (const key of ['scope', 'scope_kind', 'scope_name']) assert.equal(schema.properties[key]?.nullable, true, key);
    assert.equal(IndicatorValues.properties.items.items.$ref, '#/components/schemas/IndicatorValue');
    assert.equal(Report.properties.details.additionalProperties.$ref, '#/components/schemas/ReportFigure');
    for (const schema of [IndicatorValue, ReportFigure]) {
      for (const key of ['target', 'target_partial', 'completion_percent', 'not_in_scope', 'not_in_scope_reason'])
        assert.ok(schema.properties[key], key);
      assert.deepEqual(schema.properties.not_in_scope_reason.enum, ['no_region_field', 'no_owner_field']);
    }
    assert.equal(IndicatorValue.properties.value.nullable, true, 'a figure not counted is null, not 0');
    assert.equal(IndicatorTrend.properties.not_in_scope.type, 'boolean');
  });

  it('describes the body of a ledger write by the ledger’s schema', () => {
    const create = doc.paths['/api/v1/exchange/visits'].post;
    assert.equal(create.requestBody.content['application/json'].schema.$ref, '#/components/schemas/visits');
    assert.ok(doc.components.schemas.visits.properties.pair, 'a pair-scoped ledger’s schema has pair');
    assert.ok(doc.components.schemas.visits.required.includes('title'), 'a create names what it needs');
    // An update sends only what changes: the same members, none of them required but the version
    // it was made from (428 without).
    const update = doc.paths['/api/v1/exchange/visits/{id}'].put;
    const change = update.requestBody.content['application/json'].schema.$ref;
    assert.equal(change, '#/components/schemas/visits_change');
    assert.deepEqual(Object.keys(doc.components.schemas.visits_change.properties),
      Object.keys(doc.components.schemas.visits.properties));
    assert.deepEqual(doc.components.schemas.visits_change.required, ['version']);
    // A line changes with its parent, whose version covers it.
    assert.equal(doc.components.schemas.fund_tranches_change.required, undefined);
    // A fund's tranches, changed with it: each line as an update sends it, its id included.
    const tranches = doc.components.schemas.funds_change.properties.tranches;
    assert.equal(tranches.items.$ref, '#/components/schemas/fund_tranches_change');
    assert.equal(doc.components.schemas.fund_tranches_change.properties.id.readOnly, undefined);
    assert.equal(doc.components.schemas.fund_tranches.properties.id.readOnly, true);
  });
});
