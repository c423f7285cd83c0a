// Every route of the route table (the OpenAPI document, each operation with its x-permission)
// tried as a user whose custom role grants a fixed third of the declared permissions: a route is
// refused for want of its permission exactly when the role does not grant it.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';

// Concrete values for the path parameters of the route table.
const PATH_VALUES = { id: '999999999', field: 'id_number', key: 'funds.social_fen', dictionary: 'direction',
  code: 'no_such_code', token: 'no-such-token' };

function concretePath(template) {
  return template.replace(/\{([^}]+)\}/g, (_, name) => {
    assert.ok(PATH_VALUES[name], `no test value for path parameter {${name}} of ${template}`);
    return PATH_VALUES[name];
  });
}

// True when r is a refusal for want of permission (the message names it).
function refusedFor(r, permission) {
  return r.status === 403 && r.json?.error?.code === 'permission_denied' && r.text.includes(permission);
}

// The routes a job seeker's session may use (http/routes.cc, JobSeekerRoute).
// The interview room's routes let the seeker in and refuse it in the service (404 for an
// application that is not its own).
const JOB_SEEKER_ROUTES = new Set(['GET /api/v1/labor/me', 'GET /api/v1/labor/me/jobs', 'POST /api/v1/auth/logout',
  'GET /api/v1/labor/applications/{id}/room', 'GET /api/v1/labor/applications/{id}/signal',
  'POST /api/v1/labor/me/confirm', 'GET /api/v1/labor/me/jobs/{id}', 'GET /api/v1/labor/me/applications',
  'POST /api/v1/labor/me/applications', 'POST /api/v1/labor/me/applications/{id}/accept_time',
  'POST /api/v1/labor/me/applications/{id}/decline_time', 'POST /api/v1/labor/me/applications/{id}/accept_offer',
  'POST /api/v1/labor/me/applications/{id}/decline_offer', 'POST /api/v1/labor/me/applications/{id}/withdraw',
  'POST /api/v1/labor/me/jobs/{id}/report']);

// A job seeker's session, logged in through the outbox as a village cadre would relay the code:
// a person with mobile in the pair the cases use, a code request, the code read whole as admin.
async function jobSeekerSession(base, admin, mobile) {
  const person = await admin.request('POST', '/api/v1/people/people', { json: { pair: '440103-522728', name: '路由求职者',
    id_number: '522728198807070048', mobile, region_code: '522728', poverty_status: 'monitored' } });
  assert.equal(person.status, 201, person.text);
  const seeker = new ApiClient(base);
  const requested = await seeker.request('POST', '/api/v1/auth/otp/request', { json: { mobile } });
  assert.equal(requested.status, 200, requested.text);
  const outbox = await admin.get(`/api/v1/messages/outbox?mobile=${mobile}`);
  assert.equal(outbox.json?.items?.length, 1, outbox.text);
  const whole = await admin.get(`/api/v1/messages/outbox/${outbox.json.items[0].id}/reveal`);
  const code = /\d{6}/.exec(whole.json?.text ?? '')?.[0];
  assert.ok(code, whole.text);
  const verified = await seeker.request('POST', '/api/v1/auth/otp/verify', { json: { mobile, code } });
  assert.equal(verified.status, 200, verified.text);
  seeker.adoptSession(verified);
  return seeker;
}

// server(): { base, admin } once the suite's server runs (admin: a logged-in ApiClient).
export function routePermissionSuite(server) {
  describe('a job seeker over the whole route table', () => {
    it('is refused every route but its own pages, staff sessions\' routes included', async () => {
      const { base, admin } = server();
      const seeker = await jobSeekerSession(base, admin, '13712340002');
      const doc = await admin.get('/api/openapi.json');
      assert.equal(doc.status, 200);
      const wrong = [];
      let tried = 0;
      for (const [p, ops] of Object.entries(doc.json.paths))
        for (const method of Object.keys(ops).map((m) => m.toUpperCase())) {
          if (!ops[method.toLowerCase()]['x-permission'] || JOB_SEEKER_ROUTES.has(`${method} ${p}`)) continue;
          const json = method === 'POST' || method === 'PUT' ? {} : undefined;
          const r = await seeker.request(method, concretePath(p), { json });
          ++tried;
          if (r.status !== 403 || r.json?.error?.code !== 'job_seeker_refused') wrong.push(`${method} ${p} → ${r.status} ${r.text.slice(0, 120)}`);
        }
      assert.ok(tried > 100, `only ${tried} routes tried`);
      assert.deepEqual(wrong, []);
      const me = await seeker.get('/api/v1/labor/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.json.mobile, '137****0002');
    });
  });

  describe('a custom role over the whole route table', () => {
    let routes;
    let granted;
    let client;

    before(async () => {
      const { base, admin } = server();
      const doc = await admin.get('/api/openapi.json');
      assert.equal(doc.status, 200);
      routes = [];
      for (const [p, ops] of Object.entries(doc.json.paths))
        for (const [method, op] of Object.entries(ops))
          if (op['x-permission'] && op['x-permission'] !== 'session') routes.push({ method: method.toUpperCase(), path: p, permission: op['x-permission'] });
      const catalogue = await admin.get('/api/v1/admin/permissions');
      assert.equal(catalogue.status, 200);
      granted = new Set(catalogue.json.items.map((p) => p.name).filter((_, i) => i % 3 === 0));
      const role = await admin.request('POST', '/api/v1/admin/roles', { json: { name: 'every_third', label_zh: '每三取一', permissions: [...granted] } });
      assert.equal(role.status, 201, role.text);
      assert.deepEqual(new Set(role.json.permissions), granted);
      // A region: reveal is granted only to an account limited to one (README, security).
      const user = await admin.request('POST', '/api/v1/admin/users', { json: { name: 'thirds', password: 'Every-third-2021', roles: ['every_third'], region: '440000' } });
      assert.equal(user.status, 201, user.text);
      client = new ApiClient(base);
      await client.mustLogin('thirds', 'Every-third-2021');
    });

    it('grants a mix of ledger, reveal and administrator permissions, and the route table needs them all', () => {
      assert.ok(routes.length > 100, `only ${routes.length} guarded routes`);
      assert.ok([...granted].some((p) => p.endsWith(':reveal')), 'no reveal granted');
      assert.ok([...granted].some((p) => p.startsWith('admin:')), 'no administrator duty granted');
      const needed = new Set(routes.map((r) => r.permission));
      assert.ok([...granted].some((p) => needed.has(p)) && [...needed].some((p) => !granted.has(p)));
    });

    // A granted reveal is not in force while it awaits a second administrator (the /auth/me
    // case below), so its routes are refused like the ungranted ones.
    it('each route is refused for want of its permission exactly when the role does not grant it', async () => {
      const inForce = (p) => granted.has(p) && !p.endsWith(':reveal');
      const wrong = [];
      for (const route of routes) {
        const json = route.method === 'POST' || route.method === 'PUT' ? {} : undefined;
        const r = await client.request(route.method, concretePath(route.path), { json });
        const refused = refusedFor(r, route.permission);
        if (refused === inForce(route.permission) || (!inForce(route.permission) && r.status < 400))
          wrong.push(`${route.method} ${route.path} (${route.permission}, ${inForce(route.permission) ? 'in force' : 'not in force'}) → ${r.status} ${r.text.slice(0, 120)}`);
      }
      assert.deepEqual(wrong, []);
    });

    // Its reveal across a province awaits a second administrator (two-person rule): /auth/me
    // leaves the reveal permissions out until then.
    it('/auth/me lists exactly the granted permissions, but reveal while it awaits approval', async () => {
      const me = await client.get('/api/v1/auth/me');
      assert.equal(me.json.reveal_awaits_approval, true);
      assert.deepEqual(new Set(me.json.permissions), new Set([...granted].filter((p) => !p.endsWith(':reveal'))));
    });
  });
}
