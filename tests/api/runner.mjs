// The API case runner: parses tests/api/cases/*.test (format in cases/README.md) and runs
// each case against a live server, logging users in as the cases ask. A failure names the
// case file and line, the request, and what differed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { ApiClient, CSRF_HEADER } from '../lib/client.mjs';
import { mismatches } from './match.mjs';

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']);
const KEYWORDS = ['CONTAINS ', 'NOT-CONTAINS ', 'PREFIX-HEX ', 'BODY-BASE64 ', 'HEADER '];

// Parses one case file into cases: { file, line, method, path, user, login, nocsrf, csrf, save,
// body: { kind: 'none'|'json'|'raw'|'file', text, fileName, base64 }, statuses, json, checks }.
export function parseCaseFile(file) {
  const name = path.basename(file);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const cases = [];
  let i = 0;
  const fail = (n, msg) => {
    throw new Error(`${name}:${n + 1}: ${msg}`);
  };
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) {
      i++;
      continue;
    }
    const words = line.trim().split(/\s+/);
    // "CLI command args…": a run of the binary on the suite's database; the status is its exit code.
    if (words[0] === 'CLI') {
      if (!words[1]) fail(i, 'expected "CLI command [args…]"');
      const c = { file: name, line: i + 1, method: 'CLI', path: words.slice(1).join(' '), args: words.slice(1), user: 'admin', body: { kind: 'none' } };
      i++;
      if (lines[i] !== '----') fail(i, 'a CLI case has no body: "----" comes next');
      i++;
      i = parseExpected(lines, i, c, /^(\d{1,3})\s*(.*)$/, 'an exit code like "0"', fail);
      cases.push(c);
      continue;
    }
    if (!METHODS.has(words[0]) || !words[1]) fail(i, `expected "METHOD /path [AS user] [LOGIN] [NOCSRF|CSRF token] [SAVE var]", got: ${line}`);
    const c = { file: name, line: i + 1, method: words[0], path: words[1], user: 'admin', login: false, nocsrf: false, csrf: null, save: null };
    for (let w = 2; w < words.length; w++) {
      if (words[w] === 'AS' && words[w + 1]) c.user = words[++w];
      else if (words[w] === 'SAVE' && words[w + 1]) c.save = words[++w];
      else if (words[w] === 'LOGIN') c.login = true;
      else if (words[w] === 'NOCSRF') c.nocsrf = true;
      else if (words[w] === 'CSRF' && words[w + 1]) c.csrf = words[++w];
      else fail(i, `unknown directive ${words[w]}`);
    }
    i++;
    const body = [];
    while (i < lines.length && lines[i] !== '----') {
      if (lines[i].trim() === '') fail(i, 'blank line before "----" (every case needs "----" and an expected status)');
      body.push(lines[i++]);
    }
    if (i >= lines.length) fail(c.line - 1, 'case has no "----" line');
    i++;
    c.body = parseBody(body, (msg) => fail(c.line - 1, msg));
    i = parseExpected(lines, i, c, /^(\d{3}(?:\|\d{3})*)\s*(.*)$/, 'a status like "200" or "403|400"', fail);
    cases.push(c);
  }
  return cases;
}

// The expectation after "----" at line i: the status line (matched by statusPattern: the
// statuses joined by "|", then optional JSON), more JSON lines and checks, up to a blank line.
// Fills c.statuses, c.json and c.checks; returns the line after it.
function parseExpected(lines, i, c, statusPattern, what, fail) {
  const status = statusPattern.exec(lines[i] ?? '');
  if (!status) fail(i, `expected ${what} after "----", got: ${lines[i]}`);
  c.statuses = status[1].split('|').map(Number);
  const jsonLines = status[2] ? [status[2]] : [];
  c.checks = [];
  i++;
  while (i < lines.length && lines[i].trim() !== '') {
    const l = lines[i++];
    if (l.startsWith('#')) continue;
    const keyword = KEYWORDS.find((k) => l.startsWith(k));
    if (keyword) c.checks.push({ kind: keyword.trim(), arg: l.slice(keyword.length) });
    else jsonLines.push(l);
  }
  c.json = jsonLines.length ? jsonLines.join('\n') : null;
  return i;
}

function parseBody(lines, fail) {
  if (lines.length === 0) return { kind: 'none' };
  const head = /^FILE(-BASE64)? (\S+)$/.exec(lines[0]);
  if (head) {
    const content = lines.slice(1);
    return head[1]
      ? { kind: 'file', fileName: head[2], base64: content.join('') }
      : { kind: 'file', fileName: head[2], text: content.join('\n') + '\n' };
  }
  if (lines[0].startsWith('RAW ')) return { kind: 'raw', text: [lines[0].slice(4), ...lines.slice(1)].join('\n') };
  if (!/^[[{]/.test(lines[0].trim())) fail(`request body must be JSON, "RAW text" or start with "FILE name": ${lines[0]}`);
  return { kind: 'json', text: lines.join('\n') };
}

// All *.test files under dir, in name order (cases may depend on earlier files).
export function caseFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.test')).sort().map((f) => path.join(dir, f));
}

export class CaseRunner {
  // base: server URL; vars: initial variables (e.g. admin_password).
  constructor(base, vars) {
    this.base = base;
    this.vars = { ...vars };
    this.passwords = { admin: vars.admin_password };
    this.sessions = new Map();
    this.exercised = [];  // { method, path } of every request the router took
    // CLI cases: (args) → { status, stdout, stderr } of the binary on the suite's database.
    this.cli = null;
  }

  // A CLI case's run, as an answer the checks below read (its stdout as the body).
  runCli(c, where) {
    if (!this.cli) throw new Error(`${where}: this suite runs no CLI cases`);
    const r = this.cli(c.args.map((a) => this.substitute(a, where)));
    let json;
    try {
      json = JSON.parse(r.stdout);
    } catch {
      json = undefined;
    }
    return { status: r.status, text: r.stdout + r.stderr, json, bytes: Buffer.from(r.stdout), headers: new Headers() };
  }

  // "{{name.key[0].key}}" → the saved value (strings raw, others as JSON).
  substitute(text, where) {
    return text.replace(/\{\{\s*([A-Za-z_][\w]*)((?:\.\w+|\[\d+\])*)(\|digits)?\s*\}\}/g, (_, name, rest, digits) => {
      if (!(name in this.vars)) throw new Error(`${where}: unknown variable {{${name}}} (saved by an earlier case that failed?)`);
      let v = this.vars[name];
      for (const part of rest.match(/\.\w+|\[\d+\]/g) ?? []) {
        const key = part.startsWith('.') ? part.slice(1) : Number(part.slice(1, -1));
        if (v === null || v === undefined || !(key in Object(v))) throw new Error(`${where}: {{${name}${rest}}} has no ${part}`);
        v = v[key];
      }
      if (digits) {
        const run = /\d{4,}/.exec(String(v));
        if (!run) throw new Error(`${where}: {{${name}${rest}|digits}} holds no run of digits`);
        return run[0];
      }
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  }

  async client(c) {
    if (c.user === 'anonymous') return new ApiClient(this.base);
    // "@name": a session a case itself starts (a job seeker's code login), not a staff login.
    if (c.user.startsWith('@')) {
      if (!this.sessions.has(c.user)) this.sessions.set(c.user, new ApiClient(this.base));
      return this.sessions.get(c.user);
    }
    let client = this.sessions.get(c.user);
    if (!client || c.login) {
      const password = this.passwords[c.user];
      if (password === undefined) throw new Error(`${c.file}:${c.line}: no password known for user ${c.user} (create it with POST /api/v1/admin/users first)`);
      client = new ApiClient(this.base);
      await client.mustLogin(c.user, password);
      this.sessions.set(c.user, client);
    }
    return client;
  }

  // Runs one case; throws an AssertionError naming file:line on any difference.
  async run(c) {
    const where = `${c.file}:${c.line}`;
    if (c.method === 'CLI') return this.checkAnswer(c, this.runCli(c, where), where, c.path, null);
    const target = this.substitute(c.path, where);
    const client = await this.client(c);
    // CSRF token: the session's own unless the case leaves it out or sends another one.
    const options = { csrf: !c.nocsrf && c.csrf === null };
    const csrfHeader = c.csrf === null ? {} : { [CSRF_HEADER]: this.substitute(c.csrf, where) };
    options.headers = csrfHeader;
    let sentJson;
    if (c.body.kind === 'json') {
      const text = this.substitute(c.body.text, where);
      try {
        sentJson = JSON.parse(text);
      } catch (e) {
        throw new Error(`${where}: request body is not JSON after substitution: ${e.message}\n${text}`);
      }
      options.json = sentJson;
    } else if (c.body.kind === 'raw') {
      options.body = this.substitute(c.body.text, where);
      options.headers = { ...csrfHeader, 'Content-Type': 'application/json' };
    } else if (c.body.kind === 'file') {
      const bytes = c.body.base64 !== undefined ? Buffer.from(c.body.base64, 'base64') : Buffer.from(this.substitute(c.body.text, where), 'utf8');
      options.multipart = { field: 'file', filename: c.body.fileName, bytes };
    }
    const r = await client.request(c.method, target, options);
    if (c.user.startsWith('@')) client.adoptSession(r);
    // Requests the router itself refused (no such path or method) are not part of the API; a path
    // is recorded decoded, as the router matches it.
    const unrouted = r.status === 405 || (r.status === 404 && r.json?.error?.message_en === 'no such path');
    if (!unrouted) this.exercised.push({ method: c.method, path: decodeURIComponent(new URL(target, this.base).pathname) });
    this.checkAnswer(c, r, where, target, sentJson);
  }

  // Compares answer r (an HTTP response, or a CLI run's) with case c; then saves what later cases need.
  checkAnswer(c, r, where, target, sentJson) {
    const problems = [];
    if (!c.statuses.includes(r.status)) problems.push(`status: expected ${c.statuses.join(' or ')}, got ${r.status}`);
    if (c.json !== null) {
      const text = this.substitute(c.json, where);
      let expected;
      try {
        expected = JSON.parse(text);
      } catch (e) {
        throw new Error(`${where}: expected JSON does not parse: ${e.message}\n${text}`);
      }
      if (r.json === undefined) problems.push('body: expected JSON, got non-JSON');
      else problems.push(...mismatches(expected, r.json));
    }
    for (const check of c.checks) problems.push(...this.check(check, r, where));
    if (problems.length) {
      const body = r.text.length > 1500 ? r.text.slice(0, 1500) + '…' : r.text;
      assert.fail(`${where}: ${c.method} ${target} (as ${c.user})\n  ${problems.join('\n  ')}\n  response ${r.status}: ${r.json !== undefined ? body : `<${r.bytes.length} bytes>`}`);
    }

    // Remember what later cases need: saved bodies, and the passwords of users created here.
    if (c.save) this.vars[c.save] = r.json !== undefined ? r.json : r.text;
    if (c.method === 'POST' && target === '/api/v1/admin/users' && r.status === 201) this.passwords[sentJson.name] = sentJson.password;
    if (c.method === 'POST' && target === '/api/v1/auth/password' && r.status === 200) this.passwords[c.user] = sentJson.new_password;
  }

  check({ kind, arg }, r, where) {
    const text = kind === 'BODY-BASE64' || kind === 'PREFIX-HEX' ? arg.trim() : this.substitute(arg, where);
    switch (kind) {
      case 'CONTAINS':
        return r.text.includes(text) ? [] : [`body does not contain ${JSON.stringify(text)}`];
      case 'NOT-CONTAINS':
        return r.text.includes(text) ? [`body contains ${JSON.stringify(text)}`] : [];
      case 'PREFIX-HEX': {
        const want = Buffer.from(text, 'hex');
        const got = r.bytes.subarray(0, want.length);
        return got.equals(want) ? [] : [`body starts with ${got.toString('hex')}, expected ${text}`];
      }
      case 'BODY-BASE64':
        return r.bytes.equals(Buffer.from(text, 'base64')) ? [] : [`body (${r.bytes.length} bytes, ${r.bytes.toString('base64').slice(0, 80)}…) differs from the expected bytes`];
      case 'HEADER': {
        const m = /^(\S+) CONTAINS (.*)$/.exec(text);
        if (!m) throw new Error(`${where}: HEADER check is "HEADER Name CONTAINS text"`);
        const value = r.headers.get(m[1]) ?? '';
        return value.includes(m[2]) ? [] : [`header ${m[1]}: ${JSON.stringify(value)} does not contain ${JSON.stringify(m[2])}`];
      }
      default:
        throw new Error(`${where}: unknown check ${kind}`);
    }
  }
}
