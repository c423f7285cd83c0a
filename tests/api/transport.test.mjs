// Transport (issue 6, point 7 and the framing part of point 10) through the real binary:
// HTTPS with a certificate made here by the openssl CLI, the clear start-up errors for bad
// certificates and keys, X-Forwarded-For believed only from a --trust-proxy address, and
// request framing (Transfer-Encoding) checked on a raw socket.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';

// A self-signed certificate for 127.0.0.1 (and its key) in dir; returns their paths.
function makeCertificate(dir, name) {
  const cert = `${dir}/${name}.crt`;
  const key = `${dir}/${name}.key`;
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
  { encoding: 'utf8' });
  assert.equal(r.status, 0, `openssl failed: ${r.stderr}`);
  return { cert, key };
}

// One HTTPS request trusting only ca; resolves to { status, headers, body, protocol }.
function httpsRequest(base, path, { ca, method = 'GET', body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request(base + path, { method, ca, headers, agent: false }, (res) => {
      const protocol = res.socket.getProtocol();
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), protocol }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    if (body) req.write(body);
    req.end();
  });
}

// Sends raw bytes and resolves to everything the server answers before closing (or 5 s).
function rawExchange(port, bytes) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => (answer += d));
    socket.on('error', (e) => (answer ? resolve(answer) : reject(e)));
    socket.on('close', () => resolve(answer));
    socket.setTimeout(5000, () => { socket.destroy(); resolve(answer); });
    socket.write(bytes);
  });
}

describe('HTTPS (serve --tls-cert --tls-key)', () => {
  let env;
  let server;
  let certs;
  let password;

  before(async () => {
    env = TestEnv.create('sqlite', 'tls');
    env.init();
    // Node's fetch cannot reach a self-signed server, so the first change is not made: the
    // forced-change session of init's password still gets its cookie.
    password = env.initialAdminPassword;
    certs = makeCertificate(env.dir, 'server');
    server = await env.serve({ args: ['--tls-cert', certs.cert, '--tls-key', certs.key], firstChange: false });
  });
  after(async () => {
    if (env) await env.cleanup();
  });

  it('serves over TLS 1.2+ with a certificate the client verifies', async () => {
    assert.match(server.base, /^https:\/\//);
    const ca = fs.readFileSync(certs.cert);
    const r = await httpsRequest(server.base, '/healthz', { ca });
    assert.equal(r.status, 200);
    assert.match(r.protocol, /^TLSv1\.[23]$/);
    assert.equal(r.headers['strict-transport-security'], 'max-age=31536000');
    assert.match(r.headers['content-security-policy'], /frame-ancestors 'none'/);
  });

  it('refuses a client that offers only TLS 1.1', async () => {
    const ca = fs.readFileSync(certs.cert);
    await assert.rejects(new Promise((resolve, reject) => {
      const req = https.request(server.base + '/healthz', { ca, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' },
        (res) => resolve(res.statusCode));
      req.on('error', reject);
      req.end();
    }));
  });

  it('marks the session cookie Secure and sends HSTS on API answers', async () => {
    const ca = fs.readFileSync(certs.cert);
    const r = await httpsRequest(server.base, '/api/v1/auth/login', { ca, method: 'POST',
      body: JSON.stringify({ name: 'admin', password }), headers: { 'Content-Type': 'application/json' } });
    assert.equal(r.status, 200, r.body);
    const cookie = r.headers['set-cookie'].find((c) => c.startsWith('shanhai_session='));
    assert.match(cookie, /; Secure(;|$)/);
    assert.match(cookie, /HttpOnly/);
    assert.equal(r.headers['strict-transport-security'], 'max-age=31536000');
    assert.equal(r.headers['cache-control'], 'no-store');
  });

  it('answers nothing in clear text to a plain HTTP request on the TLS port', async () => {
    const answer = await rawExchange(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.doesNotMatch(answer, /"status":"ok"/);
  });
});

describe('TLS start-up errors name the flag and the reason', () => {
  let env;
  before(() => {
    env = TestEnv.create('sqlite', 'tlserr');
    env.init();
  });
  after(async () => {
    if (env) await env.cleanup();
  });

  const serveFails = (args) => {
    const r = env.run(['serve', '--listen', '127.0.0.1:0', ...args]);
    assert.equal(r.status, 1, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    assert.doesNotMatch(r.stdout, /serving on/);
    return r.stderr;
  };

  it('a missing certificate file', () => {
    const { key } = makeCertificate(env.dir, 'a');
    const err = serveFails(['--tls-cert', env.path('nope.crt'), '--tls-key', key]);
    assert.match(err, /--tls-cert/);
    assert.match(err, /no such file/);
    assert.match(err, /文件不存在/);
  });

  it('a key that does not match the certificate', () => {
    const a = makeCertificate(env.dir, 'b');
    const other = makeCertificate(env.dir, 'c');
    const err = serveFails(['--tls-cert', a.cert, '--tls-key', other.key]);
    assert.match(err, /--tls-key/);
    assert.match(err, /match/);
  });

  it('a file that is not a PEM certificate, and a key without its certificate', () => {
    fs.writeFileSync(env.path('junk.crt'), 'not a certificate\n');
    const { key } = makeCertificate(env.dir, 'd');
    assert.match(serveFails(['--tls-cert', env.path('junk.crt'), '--tls-key', key]), /--tls-cert is not a PEM certificate/);
    assert.match(serveFails(['--tls-key', key]), /--tls-cert and --tls-key go together/);
  });

  it('an unreadable key file', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
    const { cert, key } = makeCertificate(env.dir, 'e');
    fs.chmodSync(key, 0o000);
    assert.match(serveFails(['--tls-cert', cert, '--tls-key', key]), /cannot read/);
  });

  it('a --trust-proxy entry that is not an address', () => {
    assert.match(serveFails(['--trust-proxy', '127.0.0.1,proxy.example']), /proxy\.example.*not an IP address/);
  });
});

describe('the client address behind a reverse proxy', () => {
  let env;
  let password;
  before(async () => {
    env = TestEnv.create('sqlite', 'proxy');
    password = env.init();
    env.mustRun(['demo']);
  });
  after(async () => {
    if (env) await env.cleanup();
  });

  // Creates a visit sending X-Forwarded-For, and returns the audit log's remote for it.
  async function auditedRemote(server, forwardedFor, title) {
    const admin = new ApiClient(server.base);
    await admin.mustLogin('admin', password);
    const created = await admin.request('POST', '/api/v1/exchange/visits', {
      json: { pair: '440111-522727', title, direction: 'to_helped', person_times: 2, start_date: '2021-03-01' },
      headers: { 'X-Forwarded-For': forwardedFor },
    });
    assert.equal(created.status, 201, created.text);
    const audit = await admin.get(`/api/v1/admin/audit?ledger=visits&record_id=${created.json.id}`);
    assert.equal(audit.status, 200, audit.text);
    const entry = audit.json.items.find((e) => e.action === 'create');
    assert.ok(entry, audit.text);
    return entry.remote;
  }

  it('ignores X-Forwarded-For without --trust-proxy', async () => {
    const server = await env.serve();
    try {
      assert.equal(await auditedRemote(server, '203.0.113.7', '代理测试一'), '127.0.0.1');
      assert.doesNotMatch(server.stderr, /"remote":"203\.0\.113\.7"/);
    } finally {
      await server.stop();
    }
  });

  it('takes the right-most untrusted address when the peer is a trusted proxy', async () => {
    const server = await env.serve({ args: ['--trust-proxy', '127.0.0.1'] });
    try {
      // The client forged the first entry; the proxy appended the address it saw.
      assert.equal(await auditedRemote(server, '198.51.100.1, 203.0.113.7', '代理测试二'), '203.0.113.7');
      assert.match(server.stderr, /"remote":"203\.0\.113\.7"/);  // the access log too
    } finally {
      await server.stop();
    }
  });

  it('keeps the peer when X-Forwarded-For is not an address', async () => {
    const server = await env.serve({ args: ['--trust-proxy', '127.0.0.1'] });
    try {
      assert.equal(await auditedRemote(server, 'evil"}, {"x', '代理测试三'), '127.0.0.1');
    } finally {
      await server.stop();
    }
  });
});

describe('request framing on a raw socket', () => {
  let env;
  let server;
  before(async () => {
    env = TestEnv.create('sqlite', 'framing');
    env.init();
    server = await env.serve();
  });
  after(async () => {
    if (env) await env.cleanup();
  });

  const cases = [
    ['Transfer-Encoding other than chunked', 'GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n'],
    ['Transfer-Encoding then Content-Length', 'GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nContent-Length: 0\r\n\r\n'],
    ['Content-Length then Transfer-Encoding', 'POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['chunked then Content-Length', 'POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n'],
    ['chunked not last', 'POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n'],
    ['Transfer-Encoding twice', 'POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ];
  for (const [name, request] of cases) {
    it(`${name} is a 400 and the connection closes`, async () => {
      const answer = await rawExchange(server.port, request);
      assert.match(answer, /^HTTP\/1\.1 400 /, answer);
      assert.match(answer, /x-content-type-options: nosniff/i);
      assert.equal((answer.match(/HTTP\/1\.1 /g) ?? []).length, 1, 'a second (smuggled) request was answered');
    });
  }

  it('the console page (or its 404 in a binary built without it) forbids inline script and framing', async () => {
    const r = await fetch(`${server.base}/`);
    assert.ok([200, 404].includes(r.status), `GET / → ${r.status}`);
    assert.match(r.headers.get('content-security-policy'), /script-src 'self';/);
    assert.doesNotMatch(r.headers.get('content-security-policy'), /script-src[^;]*unsafe-inline/);
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  });

  it('a well-formed chunked request still works', async () => {
    const body = JSON.stringify({ name: 'admin', password: 'wrong-password' });
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const answer = await rawExchange(server.port,
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunked}`);
    assert.match(answer, /^HTTP\/1\.1 401 /, answer);
  });
});
