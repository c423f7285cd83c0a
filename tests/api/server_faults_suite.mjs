// Faults of the server's own disk, once per database: a file the server builds in its temporary
// folder (a template, an export, a report) that it cannot write is the server's failure — a 503
// saying so, never a 400 "invalid argument" naming the server's temporary path. TMPDIR=/proc is a
// folder in which no file can be created (ENOENT, even for root), the fault a writer calls
// "所在文件夹不存在" for the CLI's user.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiClient } from '../lib/client.mjs';
import { TestEnv } from '../lib/shanhai.mjs';

export function serverFaultsSuite(kind) {
  describe(`server file faults on ${kind}`, () => {
    let env;
    let admin;

    before(async () => {
      env = TestEnv.create(kind, 'faults');
      const password = env.init();
      env.extraEnv.TMPDIR = '/proc';
      const server = await env.serve();
      admin = new ApiClient(server.base);
      await admin.mustLogin('admin', password);
    });
    after(async () => {
      if (env) await env.cleanup();
    });

    for (const url of ['/api/v1/exchange/visits/template?format=csv', '/api/v1/exchange/visits/export?format=xlsx',
                       '/api/v1/imports/template',
                       '/api/v1/report?pair=440111-522727&from=2020-01-01&to=2020-12-31&format=xlsx']) {
      it(`answers ${url} with 503 and no server path`, async () => {
        const r = await admin.get(url);
        assert.equal(r.status, 503, r.text);
        assert.equal(r.json.error.code, 'unavailable');
        assert.match(r.json.error.message_zh, /服务器暂时无法生成文件/);
        assert.doesNotMatch(r.text, /\/proc|shanhai-|\.tmp/);
      });
    }
  });
}
