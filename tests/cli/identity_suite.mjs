// Identity through the real binary, once per database: the forced first password change after
// init, growing delays and the lockout of repeated failed logins (429 with Retry-After), lifted
// by an administrator's API call or `shanhai user unlock`, TOTP enrolled by `shanhai user totp`
// and through the console's API (codes computed here, RFC 6238), `--require-admin-totp`, and a
// password change ending the user's other sessions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';
import { secretOfUri, totpCode } from '../lib/totp.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function loginRaw(base, body) {
  return new ApiClient(base).request('POST', '/api/v1/auth/login', { json: body, csrf: false, session: false });
}

async function auditActions(admin, action) {
  const r = await admin.get(`/api/v1/admin/audit?action=${action}&page_size=500`);
  assert.equal(r.status, 200, r.text);
  return r.json.items;
}

export function identitySuite(kind) {
  describe(`identity on ${kind}`, () => {
    let env;
    let server;
    let admin;
    let adminPassword;

    before(async () => {
      env = TestEnv.create(kind, 'identity');
      env.init();
      server = await env.serve({ firstChange: false });
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it("init's admin password works only to change it; the new one must follow the rules", async () => {
      const client = new ApiClient(server.base);
      const login = await client.login('admin', env.initialAdminPassword);
      assert.equal(login.status, 200, login.text);
      assert.equal(login.json.must_change_password, true);
      assert.equal(login.json.password_change_reason, 'initial');
      const visits = await client.get('/api/v1/exchange/visits');
      assert.equal(visits.status, 403);
      assert.equal(visits.json.error.code, 'password_change_required');
      assert.match(visits.json.error.message_zh, /修改密码/);
      assert.equal((await client.get('/api/v1/auth/me')).status, 200);
      const change = (next) => client.request('POST', '/api/v1/auth/password', { json: { old_password: env.initialAdminPassword, new_password: next } });
      const named = await change('Our-Admin-2026');
      assert.equal(named.status, 400);
      assert.match(named.json.error.message_en, /user name/);
      const same = await change(env.initialAdminPassword);
      assert.equal(same.status, 400);
      assert.match(same.json.error.message_en, /last 5/);
      adminPassword = env.adminPassword;
      assert.equal((await change(adminPassword)).status, 200);
      assert.equal((await client.get('/api/v1/exchange/visits')).status, 200);
      assert.equal((await client.login('admin', env.initialAdminPassword)).status, 401);
      admin = new ApiClient(server.base);
      const again = await admin.mustLogin('admin', adminPassword);
      assert.equal(again.json.must_change_password, false);
    });

    it('a password change ends the other sessions of the user but keeps the current one', async () => {
      const user = { name: 'zhoujie', password: 'Zhou-first-2026', role: 'staff', must_change_password: false };
      assert.equal((await admin.request('POST', '/api/v1/admin/users', { json: user })).status, 201);
      const here = new ApiClient(server.base);
      const there = new ApiClient(server.base);
      await here.mustLogin('zhoujie', user.password);
      await there.mustLogin('zhoujie', user.password);
      const r = await here.request('POST', '/api/v1/auth/password', { json: { old_password: user.password, new_password: 'Zhou-second-2026' } });
      assert.equal(r.status, 200, r.text);
      assert.equal((await here.get('/api/v1/auth/me')).status, 200);
      assert.equal((await there.get('/api/v1/auth/me')).status, 401);
    });

    it('failed logins slow a name down (429, Retry-After), then lock it; an administrator unlocks it', async () => {
      const user = { name: 'lihua', password: 'Qiannan-pass-2026', role: 'viewer', must_change_password: false };
      const created = await admin.request('POST', '/api/v1/admin/users', { json: user });
      assert.equal(created.status, 201, created.text);
      const wrong = { name: 'lihua', password: 'Wrong-password-1' };
      for (let i = 0; i < 3; i++) assert.equal((await loginRaw(server.base, wrong)).status, 401);
      // The third failure asks for a second's pause (a slow machine may just pass it once).
      let throttled;
      for (let i = 0; i < 2 && !throttled; i++) {
        const r = await loginRaw(server.base, wrong);
        if (r.status === 429) throttled = r;
      }
      assert.ok(throttled, 'no 429 after three failures');
      assert.equal(throttled.json.error.code, 'too_many_attempts');
      const wait = Number(throttled.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 2, `Retry-After ${wait}`);
      assert.match(throttled.json.error.message_zh, new RegExp(`${wait} 秒后再试`));
      assert.match(throttled.json.error.message_en, new RegExp(`retry in ${wait} s`));
      // Wait as told and fail until the fifth failure locks the name.
      for (let failures = 0; failures < 5;) {
        const r = await loginRaw(server.base, wrong);
        if (r.status === 429 && /locked/.test(r.json.error.message_en)) break;
        if (r.status === 429) await sleep(Number(r.headers.get('retry-after')) * 1000 + 50);
        else failures++;
      }
      const locked = await loginRaw(server.base, { name: 'lihua', password: user.password });
      assert.equal(locked.status, 429, locked.text);
      assert.ok(Number(locked.headers.get('retry-after')) > 14 * 60, locked.headers.get('retry-after'));
      assert.match(locked.json.error.message_en, /locked/);
      assert.match(locked.json.error.message_zh, /锁定/);
      assert.ok((await auditActions(admin, 'lockout')).some((e) => e.actor === 'lihua'), 'lockout not audited');

      const unlock = await admin.request('POST', `/api/v1/admin/users/${created.json.id}/unlock`);
      assert.equal(unlock.status, 200, unlock.text);
      assert.equal((await loginRaw(server.base, { name: 'lihua', password: user.password })).status, 200);
      assert.ok((await auditActions(admin, 'unlock')).some((e) => e.record_id === created.json.id));
    });

    it('--login-max-failures and --login-lockout-minutes set the lockout; `shanhai user unlock` lifts it', async () => {
      await server.stop();
      server = await env.serve({ args: ['--login-max-failures', '2', '--login-lockout-minutes', '1'] });
      admin = new ApiClient(server.base);
      await admin.mustLogin('admin', adminPassword);
      for (let i = 0; i < 2; i++) assert.equal((await loginRaw(server.base, { name: 'lihua', password: 'Wrong-password-1' })).status, 401);
      const locked = await loginRaw(server.base, { name: 'lihua', password: 'Qiannan-pass-2026' });
      assert.equal(locked.status, 429);
      const wait = Number(locked.headers.get('retry-after'));
      assert.ok(wait > 50 && wait <= 60, `Retry-After ${wait}`);
      const unknown = env.run(['user', 'unlock', 'nobody-here']);
      assert.equal(unknown.status, 1, unknown.stdout);
      const r = env.run(['user', 'unlock', 'lihua']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /unlocked lihua/);
      assert.equal((await loginRaw(server.base, { name: 'lihua', password: 'Qiannan-pass-2026' })).status, 200);
      assert.ok((await auditActions(admin, 'unlock')).some((e) => e.actor === 'system'), 'CLI unlock not audited');
    });

    it('`shanhai user totp NAME` enrols an account: its logins then need a fresh code', async () => {
      const r = env.run(['user', 'totp', 'admin']);
      assert.equal(r.status, 0, r.stderr);
      const uri = /otpauth:\/\/totp\/\S+/.exec(r.stdout)?.[0];
      assert.ok(uri, r.stdout);
      assert.match(uri, /^otpauth:\/\/totp\/Shanhai:admin\?secret=[A-Z2-7]{32}&issuer=Shanhai&algorithm=SHA1&digits=6&period=30$/);
      // The QR code follows: rows of upper-half blocks in ANSI colours.
      const qrRows = r.stdout.split('\n').filter((l) => l.includes('\u2580'));
      assert.ok(qrRows.length >= 15, `QR code rows: ${qrRows.length}`);
      const secret = secretOfUri(uri);
      const unknown = env.run(['user', 'totp', 'nobody-here']);
      assert.equal(unknown.status, 1, unknown.stdout);
      assert.match(unknown.stderr, /no such user/);

      const missing = await loginRaw(server.base, { name: 'admin', password: adminPassword });
      assert.equal(missing.status, 401);
      assert.equal(missing.json.error.code, 'totp_required');
      assert.equal((await loginRaw(server.base, { name: 'admin', password: adminPassword, totp: '000000' })).status, 401);
      const code = totpCode(secret);
      const ok = await loginRaw(server.base, { name: 'admin', password: adminPassword, totp: code });
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.json.totp_enrolled, true);
      const replay = await loginRaw(server.base, { name: 'admin', password: adminPassword, totp: code });
      assert.equal(replay.status, 401, 'a used code was accepted again');
      assert.ok((await auditActions(admin, 'totp_enrol')).some((e) => e.actor === 'system'));

      assert.equal(env.run(['user', 'totp', 'admin', '--remove']).status, 0);
      await admin.mustLogin('admin', adminPassword);
    });

    it('the console enrolment: a pending secret becomes active only with a right code', async () => {
      const user = { name: 'secops', password: 'Security-ops-2026', role: 'admin', must_change_password: false };
      assert.equal((await admin.request('POST', '/api/v1/admin/users', { json: user })).status, 201);
      const client = new ApiClient(server.base);
      await client.mustLogin('secops', user.password);
      const begun = await client.request('POST', '/api/v1/auth/totp');
      assert.equal(begun.status, 200, begun.text);
      assert.match(begun.json.qr_svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
      const secret = secretOfUri(begun.json.uri);
      assert.equal((await client.request('POST', '/api/v1/auth/totp/confirm', { json: { code: '000000' } })).status, 400);
      await client.mustLogin('secops', user.password);  // still off
      const confirmedAt = Date.now() / 1000;
      const confirmCode = totpCode(secret, confirmedAt);
      const confirmed = await client.request('POST', '/api/v1/auth/totp/confirm', { json: { code: confirmCode } });
      assert.equal(confirmed.status, 200, confirmed.text);
      const need = await loginRaw(server.base, { name: 'secops', password: user.password });
      assert.equal(need.json?.error?.code, 'totp_required');
      // The confirming code's step is used up; the next step's code is within the allowed drift.
      const used = await loginRaw(server.base, { name: 'secops', password: user.password, totp: confirmCode });
      assert.equal(used.status, 401);
      const next = totpCode(secret, confirmedAt + 30);
      const ok = await loginRaw(server.base, { name: 'secops', password: user.password, totp: next });
      assert.equal(ok.status, 200, ok.text);
      // Binding another phone needs the current code, not only a session (a stolen cookie).
      const rebind = await client.request('POST', '/api/v1/auth/totp');
      assert.equal(rebind.status, 400, rebind.text);
      assert.equal(rebind.json.error.details[0].field, 'current_code');
      assert.equal((await client.request('POST', '/api/v1/auth/totp', { json: { current_code: '000000' } })).status, 400);
    });

    it('--require-admin-totp: an administrator without TOTP may only enrol', async () => {
      await server.stop();
      server = await env.serve({ args: ['--require-admin-totp'] });
      const client = new ApiClient(server.base);
      const login = await client.mustLogin('admin', adminPassword);
      assert.equal(login.json.must_enrol_totp, true);
      const visits = await client.get('/api/v1/exchange/visits');
      assert.equal(visits.status, 403);
      assert.equal(visits.json.error.code, 'totp_enrolment_required');
      assert.equal((await client.request('POST', '/api/v1/auth/totp')).status, 200);
      // Staff are not administrators: nothing changes for them.
      const staff = new ApiClient(server.base);
      await staff.mustLogin('zhoujie', 'Zhou-second-2026');
      assert.equal((await staff.get('/api/v1/exchange/visits')).status, 200);
    });
  });
}
