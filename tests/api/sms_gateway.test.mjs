// `serve --sms-gateway`: a job seeker's code is queued in the request's transaction and posted by
// serve's relay to a fake SMS gateway (a Node listener on loopback) as JSON with the bearer token
// from --sms-gateway-token-file; the code from the gateway logs the person in, and the delivered
// message is gone from the outbox. The request does not wait for the gateway: the gateway holds
// its answer until the test has the request's. (Refusals, retries, giving up:
// gateway_relay_test.cc; the HTTP client: http_gateway_sender_test.cc.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';

describe('SMS gateway sender', () => {
  let env, server, admin, gateway;
  const received = [];
  let holdAnswers = null;  // while set, the gateway answers only once it resolves

  before(async () => {
    gateway = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', async () => {
        received.push({ path: req.url, auth: req.headers.authorization, json: JSON.parse(body) });
        if (holdAnswers) await holdAnswers;
        res.writeHead(200).end();
      });
    });
    await new Promise((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    env = TestEnv.create('sqlite', 'sms');
    const password = env.init();
    env.mustRun(['demo']);
    fs.writeFileSync(env.path('gateway.token'), 'gw-secret\n');
    server = await env.serve({ args: ['--sms-gateway', `http://127.0.0.1:${gateway.address().port}/v1/sms`,
      '--sms-gateway-token-file', env.path('gateway.token')] });
    admin = new ApiClient(server.base);
    await admin.mustLogin('admin', password);
    const person = await admin.request('POST', '/api/v1/people/people', { json: { pair: '440111-522727', name: '网关求职者',
      id_number: '522727199505050023', mobile: '13712340003', region_code: '522727', poverty_status: 'ordinary' } });
    assert.equal(person.status, 201, person.text);
  });

  after(async () => {
    if (env) await env.cleanup();
    gateway?.close();
  });

  async function receivedWithin(ms) {
    for (const until = Date.now() + ms; received.length === 0 && Date.now() < until;)
      await new Promise((resolve) => setTimeout(resolve, 100));
    return received.length;
  }

  it('queues the code, posts it to the gateway with the token after answering, and the code logs in', async () => {
    let release;
    holdAnswers = new Promise((resolve) => { release = resolve; });
    const seeker = new ApiClient(server.base);
    const r = await seeker.request('POST', '/api/v1/auth/otp/request', { json: { mobile: '13712340003' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(await receivedWithin(10000), 1, 'the relay posts the queued code');
    const inFlight = await admin.get('/api/v1/messages/outbox');
    assert.equal(inFlight.json.total, 0, 'a code on its way to the gateway is not readable by staff');
    release();
    holdAnswers = null;
    assert.equal(received[0].path, '/v1/sms');
    assert.equal(received[0].auth, 'Bearer gw-secret');
    assert.equal(received[0].json.mobile, '13712340003');
    assert.equal(received[0].json.purpose, 'otp_login');
    const code = /\d{6}/.exec(received[0].json.text)?.[0];
    assert.ok(code, received[0].json.text);
    for (const until = Date.now() + 10000; Date.now() < until;) {
      if ((await admin.get('/api/v1/messages/outbox')).json.total === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const outbox = await admin.get('/api/v1/messages/outbox');
    assert.equal(outbox.json.total, 0, 'a message the gateway accepted is not kept in the outbox');
    const verified = await seeker.request('POST', '/api/v1/auth/otp/verify', { json: { mobile: '13712340003', code } });
    assert.equal(verified.status, 200, verified.text);
  });
});
