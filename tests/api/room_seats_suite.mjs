// The interview room's seats over real WebSockets, once per database: a seat lasts only while the
// right that gave it does. A party's logout closes its seat at once (the other seat hears the peer
// left); a disabled account, an interview with a result and a slot moved away close seats at serve's
// next re-check (--room-check-seconds 1 here); each closed seat is told why before its socket closes.
// Outside its window the room refuses the upgrade with the reason, and the TURN credential handed
// out expires when the room closes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { chinaDateAfter, chinaSeconds, slotStartingNow } from '../lib/china_time.mjs';
import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';
import { openSocket } from '../lib/websocket.mjs';

const PAIR = '440111-522727';
const HR = { name: 'ws_room_hr', password: 'Ws-room-hr-2026' };
const CLOSE_AFTER_MINUTES = 60;  // interview_window.h: the room closes an hour after the slot ends
const SWEEP_WAIT_MS = 6000;      // a re-check every second, with room to spare on a busy machine

export function roomSeatsSuite(kind) {
  describe(`interview room seats on ${kind}`, () => {
    let env;
    let server;
    let admin;
    let hr;
    let hrUserId;
    const seekers = [];  // { client, person, application }
    const slot = slotStartingNow();

    async function created(path, json) {
      const r = await admin.request('POST', path, { json });
      assert.equal(r.status, 201, `${path}: ${r.text}`);
      return r.json;
    }
    async function stepped(client, path, json) {
      const r = await client.request('POST', path, { json });
      assert.equal(r.status, 200, `${path}: ${r.text}`);
      return r.json;
    }
    // A job seeker's session by the code sent to mobile (read from the outbox by admin).
    async function seekerClient(mobile) {
      const client = new ApiClient(server.base);
      const requested = await client.request('POST', '/api/v1/auth/otp/request', { json: { mobile } });
      assert.equal(requested.status, 200, requested.text);
      const box = await admin.get(`/api/v1/messages/outbox?mobile=${mobile}`);
      const whole = await admin.get(`/api/v1/messages/outbox/${box.json.items[0].id}/reveal`);
      const verified = await client.request('POST', '/api/v1/auth/otp/verify',
        { json: { mobile, code: /\d{6}/.exec(whole.json.text)[0] } });
      assert.equal(verified.status, 200, verified.text);
      client.adoptSession(verified);
      return client;
    }
    async function hrLogin() {
      hr = new ApiClient(server.base);
      await hr.mustLogin(HR.name, HR.password);
    }
    const signalPath = (application) => `/api/v1/labor/applications/${application.id}/signal`;
    // Both parties seated in the room of application: their sockets, after both heard "ready".
    async function seated(client, application) {
      const r = await openSocket(server.base, signalPath(application), client.cookie);
      assert.equal(r.status, 101, JSON.stringify(r.body));
      return r.socket;
    }
    async function bothSeated(seeker) {
      const employer = await seated(hr, seeker.application);
      const person = await seated(seeker.client, seeker.application);
      assert.equal((await employer.nextOfType('ready')).initiator, true);
      assert.equal((await person.nextOfType('ready')).initiator, false);
      return { employer, person };
    }
    // The seat's last words and its close: {"type":"closed"} with reason, then the close frame.
    async function closedWith(socket, reason, timeoutMs) {
      const told = await socket.nextOfType('closed', timeoutMs);
      assert.equal(told.reason, reason, JSON.stringify(told));
      await socket.ended;
      assert.deepEqual(socket.closeFrame, { code: 1000, reason });
      return told;
    }
    async function version(application) {
      const r = await admin.get(`/api/v1/labor/applications/${application.id}`);
      assert.equal(r.status, 200, r.text);
      return r.json.version;
    }

    before(async () => {
      env = TestEnv.create(kind, 'room-seats');
      const password = env.init();
      env.mustRun(['demo']);
      fs.writeFileSync(env.path('turn.secret'), 'room-seats-turn-secret\n');
      server = await env.serve({ args: ['--room-check-seconds', '1', '--ice-server', 'turn:turn.seats-test.example:3478',
        '--turn-secret-file', env.path('turn.secret')] });
      admin = new ApiClient(server.base);
      await admin.mustLogin('admin', password);

      const employer = await created('/api/v1/labor/employers', { pair: PAIR, credit_code: '91440111MA59RM0E16',
        name: '白云信令测试压缩机厂', region_code: '440111', contact_phone: '020-86660001', status: 'draft' });
      await stepped(admin, `/api/v1/labor/employers/${employer.id}/transitions/verify`, { version: 1 });
      const job = await created('/api/v1/labor/jobs', { pair: PAIR, employer_id: employer.id, title: '信令测试·装配工',
        headcount: 2, wage_min_fen: 510000, gender_rule: 'any', status: 'draft', working_hours: '8:00–17:30',
        rest_days: '每月休4天', wage_composition: '底薪＋计件', social_insurance: 'five_and_fund' });
      await stepped(admin, `/api/v1/labor/jobs/${job.id}/transitions/publish`, { version: 1 });
      hrUserId = (await created('/api/v1/admin/users', { ...HR, roles: ['employer_hr'], owner_ledger: 'employers',
        owner_id: employer.id })).id;
      await hrLogin();
      for (const [name, id_number, mobile] of [['罗小燕', '522727199502030094', '13712349401'],
        ['罗小芳', '522727199604110319', '13712349402']]) {
        const person = await created('/api/v1/people/people', { pair: PAIR, name, id_number, mobile, region_code: '522727',
          poverty_status: 'lifted' });
        const seeker = await created('/api/v1/labor/seekers', { pair: PAIR, person_id: person.id, status: 'seeking',
          confirmed_date: chinaDateAfter(-10) });
        const application = await created('/api/v1/labor/applications', { pair: PAIR, seeker_id: seeker.id, job_id: job.id,
          source: 'staff_recommended', applied_date: chinaDateAfter(-5), status: 'applied' });
        await stepped(hr, `/api/v1/labor/applications/${application.id}/transitions/schedule`,
          { version: 1, interview_date: slot.date, interview_time: slot.slot, interview_mode: 'video' });
        seekers.push({ client: await seekerClient(mobile), person, application });
      }
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    it('hands out a TURN credential that expires when the room closes, to both parties', async () => {
      const closesAt = chinaSeconds(slot.date, slot.slot.slice(6)) + CLOSE_AFTER_MINUTES * 60;
      for (const client of [hr, seekers[0].client]) {
        const r = await client.get(`/api/v1/labor/applications/${seekers[0].application.id}/room`);
        assert.equal(r.status, 200, r.text);
        const turn = r.json.iceServers.find((s) => s.urls.some((u) => u.startsWith('turn:')));
        const expiry = Number(turn.username.split(':')[0]);
        // The configured lifetime (4 hours) reaches past the window's end, which is less than 91 minutes away.
        assert.equal(expiry, closesAt, `${turn.username}: expires at ${expiry}, the room closes at ${closesAt}`);
        assert.ok(expiry < Date.now() / 1000 + 4 * 3600);
      }
    });

    it('a logout closes that party\'s seat at once, and the other seat hears the peer left', async () => {
      const [first] = seekers;
      const { employer, person } = await bothSeated(first);
      const out = await first.client.request('POST', '/api/v1/auth/logout');
      assert.equal(out.status, 200, out.text);
      // At once: well before the next re-check could have done it.
      const told = await closedWith(person, 'session_ended', 900);
      assert.equal(told.message_zh, '面试间已断开：您已退出登录');
      assert.equal(told.message_en, 'the interview room disconnected: you logged out');
      assert.equal((await employer.next()).type, 'peer-left');
      // The logged-out cookie seats nobody any more.
      assert.equal((await openSocket(server.base, signalPath(first.application), first.client.cookie)).status, 401);

      assert.equal((await hr.request('POST', '/api/v1/auth/logout')).status, 200);
      await closedWith(employer, 'session_ended', 900);
      await hrLogin();
    });

    it('a disabled account\'s seat is closed at the next re-check', async () => {
      const second = seekers[1];
      const { employer, person } = await bothSeated(second);
      const disabled = await admin.request('PUT', `/api/v1/admin/users/${hrUserId}`, { json: { disabled: true } });
      assert.equal(disabled.status, 200, disabled.text);
      const told = await closedWith(employer, 'session_ended', SWEEP_WAIT_MS);
      assert.match(told.message_zh, /^面试间已断开：/);
      assert.equal((await person.next()).type, 'peer-left');
      assert.equal((await admin.request('PUT', `/api/v1/admin/users/${hrUserId}`, { json: { disabled: false } })).status, 200);
      await hrLogin();
      person.close();
    });

    it('a slot moved away closes the seat at the next re-check, saying when the room opens', async () => {
      const second = seekers[1];
      const employer = await seated(hr, second.application);
      const later = chinaDateAfter(2);
      await stepped(hr, `/api/v1/labor/applications/${second.application.id}/transitions/schedule`,
        { version: await version(second.application), interview_date: later, interview_time: '09:00-09:30', interview_mode: 'video' });
      const told = await closedWith(employer, 'room_closed', SWEEP_WAIT_MS);
      assert.equal(told.message_zh, `面试间已关闭：面试间尚未开放：面试时间为 ${later} 09:00-09:30，面试间于 ${later} 08:30（北京时间）开放`);
      // Outside its window the upgrade itself is refused, with the same words, before any socket exists.
      const refused = await openSocket(server.base, signalPath(second.application), second.client.cookie);
      assert.equal(refused.status, 409);
      assert.match(refused.body.error.message_zh, /^面试间尚未开放/);
      assert.match(refused.body.error.message_en, /^the interview room is not open yet/);
      // Moved back into its window, the room seats its parties again.
      await stepped(hr, `/api/v1/labor/applications/${second.application.id}/transitions/schedule`,
        { version: await version(second.application), interview_date: slot.date, interview_time: slot.slot, interview_mode: 'video' });
      const again = await bothSeated(second);
      again.employer.close();
      again.person.close();
    });

    it('recording the interview\'s result closes both seats at the next re-check', async () => {
      const second = seekers[1];
      const { employer, person } = await bothSeated(second);
      await stepped(hr, `/api/v1/labor/applications/${second.application.id}/transitions/pass`,
        { version: await version(second.application) });
      for (const socket of [employer, person]) {
        const told = await closedWith(socket, 'room_closed', SWEEP_WAIT_MS);
        assert.match(told.message_zh, /^面试间已关闭：.*面试通过/);
        assert.match(told.message_en, /^the interview room closed: .*interview passed/);
      }
    });
  });
}
