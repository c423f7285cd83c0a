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

// server(): { base, admin } once the suite's server runs (admin: a logged-in ApiClient).
export function routePermissionSuite(server) {
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

    it('each route is refused for want of its permission exactly when the role does not grant it', async () => {
      const wrong = [];
      for (const route of routes) {
        const json = route.method === 'POST' || route.method === 'PUT' ? {} : undefined;
        const r = await client.request(route.method, concretePath(route.path), { json });
        const refused = refusedFor(r, route.permission);
        if (refused === granted.has(route.permission) || (!granted.has(route.permission) && r.status < 400))
          wrong.push(`${route.method} ${route.path} (${route.permission}, ${granted.has(route.permission) ? 'granted' : 'not granted'}) → ${r.status} ${r.text.slice(0, 120)}`);
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
