// Running the real shanhai binary for integration tests: its CLI, a throwaway database
// (a SQLite file in a temp directory, or a fresh PostgreSQL database on the test server),
// and `shanhai serve` on a loopback port. Everything a suite creates lives in its own temp
// directory and is removed (and its server stopped) by cleanup().
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The binary under test: $SHANHAI_BINARY (CTest and run-tests.sh set it), else build/shanhai.
export function binaryPath() {
  const bin = process.env.SHANHAI_BINARY || path.join(REPO_ROOT, 'build', 'shanhai');
  if (!fs.existsSync(bin)) {
    throw new Error(`shanhai binary not found at ${bin}: build it, or set SHANHAI_BINARY to its path`);
  }
  return bin;
}

// The process environment for the binary, without settings that would point it elsewhere.
export function cleanEnv(extra) {
  const env = { ...process.env };
  for (const k of ['SHANHAI_DB', 'SHANHAI_KEY_FILE', 'SHANHAI_DATA_KEY']) delete env[k];
  return { ...env, ...extra };
}

// The PostgreSQL test server's URL, or a loud failure when the suite cannot run.
export function requirePgUrl() {
  const url = process.env.SHANHAI_TEST_PG_URL;
  if (!url) {
    throw new Error(
      'SHANHAI_TEST_PG_URL is not set: the PostgreSQL suites need a test server ' +
        '(scripts/run-tests.sh starts one and exports it, e.g. postgresql://postgres@127.0.0.1:54321/shanhai_test)');
  }
  return url;
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], { encoding: 'utf8' });
  if (r.error) throw new Error(`psql could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`psql failed (${sql}): ${r.stderr}`);
  return r.stdout;
}

// A test environment: temp directory, database URL, the env the binary runs with.
//   kind 'sqlite': <dir>/shanhai.db; init creates the data key file next to it.
//   kind 'postgres': a new database on $SHANHAI_TEST_PG_URL's server, dropped by cleanup();
//                    the data key comes from $SHANHAI_DATA_KEY (random per run).
export class TestEnv {
  static create(kind, label = 'test') {
    if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`unknown database kind ${kind}`);
    const base = kind === 'postgres' ? requirePgUrl() : null;  // fail before making anything
    const env = new TestEnv(kind, fs.mkdtempSync(path.join(os.tmpdir(), `shanhai-${label}-`)));
    if (kind === 'sqlite') {
      env.db = path.join(env.dir, 'shanhai.db');
      return env;
    }
    const name = `shanhai_${label.replace(/[^a-z0-9]/gi, '_')}_${process.pid}_${randomBytes(3).toString('hex')}`.toLowerCase();
    try {
      psql(base, `CREATE DATABASE ${name}`);
    } catch (e) {
      fs.rmSync(env.dir, { recursive: true, force: true });
      throw e;
    }
    env.pgBase = base;
    env.pgName = name;
    env.db = withDatabase(base, name);
    env.extraEnv.SHANHAI_DATA_KEY = randomBytes(32).toString('hex');
    return env;
  }

  constructor(kind, dir) {
    this.kind = kind;
    this.dir = dir;
    this.db = '';
    this.extraEnv = {};
    this.servers = [];
  }

  path(...parts) {
    return path.join(this.dir, ...parts);
  }

  // Runs `shanhai args...` to completion in the temp directory. input: text for stdin.
  // db: false to not add --db. Returns { status, stdout, stderr }.
  run(args, { input, db = true, env = {} } = {}) {
    const full = db ? [...args, '--db', this.db] : args;
    const r = spawnSync(binaryPath(), full, {
      cwd: this.dir,
      env: cleanEnv({ ...this.extraEnv, ...env }),
      input: input ?? '',
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.error) throw new Error(`shanhai ${full.join(' ')} could not run: ${r.error.message}`);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
  }

  // Starts `shanhai args... --db DB` without waiting: returns { child, exited } where exited
  // resolves to { code, signal } (for tests that kill the process midway). Output is discarded.
  start(args) {
    const child = spawn(binaryPath(), [...args, '--db', this.db], {
      cwd: this.dir,
      env: cleanEnv(this.extraEnv),
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const killOnExit = () => child.kill('SIGKILL');
    process.on('exit', killOnExit);
    exited.then(() => process.removeListener('exit', killOnExit));
    return { child, exited };
  }

  // Like run, but fails unless the exit status is 0.
  mustRun(args, options) {
    const r = this.run(args, options);
    if (r.status !== 0) {
      throw new Error(`shanhai ${args.join(' ')} exited ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
    }
    return r;
  }

  // Runs SQL on the suite's database (or another one of the same kind, db) with the database's
  // own shell (sqlite3 or psql) and returns its output: one line per row, columns separated by
  // '|'. Throws if the shell fails.
  sql(query, db = this.db) {
    if (this.kind === 'postgres') return psql(db, query).trim();
    const r = spawnSync('sqlite3', [db, query], { encoding: 'utf8', timeout: 60_000 });
    if (r.error) throw new Error(`sqlite3 could not run: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`sqlite3 failed (${query}): ${r.stderr}`);
    return r.stdout.trim();
  }

  // The URL of another database on the suite's PostgreSQL server, for a database made by the test.
  pgDatabaseUrl(name) {
    return withDatabase(this.db, name);
  }

  // `shanhai init`. The first time, init prints a password admin must change at the first
  // login; this returns the password admin will have instead (null if init printed none): the
  // first serve() makes that change through the API, as a person would in the console, so
  // tests log in as admin with the returned password directly. initialAdminPassword keeps the
  // printed one, for tests of the forced change itself (pass the first serve() firstChange: false).
  init() {
    const r = this.mustRun(['init']);
    const m = /user: admin\s+password: (\S+)/.exec(r.stdout);
    if (!m) return null;
    this.initialAdminPassword = m[1];
    this.adminPassword = `Chosen-${randomBytes(6).toString('hex')}-Z9`;
    this.firstChangePending = true;
    return this.adminPassword;
  }

  // Starts `shanhai serve --listen 127.0.0.1:0 [args...]`; resolves to { base, port, logPath, stop() }
  // once it prints its address and, after init(), admin's first password change is done.
  // logPath: a file with everything the server wrote to stderr.
  async serve({ args = [], firstChange = true } = {}) {
    const child = spawn(binaryPath(), ['serve', '--db', this.db, '--listen', '127.0.0.1:0', '--threads', '2', ...args], {
      cwd: this.dir,
      env: cleanEnv(this.extraEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new RunningServer(child, this.path(`serve-${this.servers.length + 1}.log`));
    this.servers.push(server);
    await server.ready();
    // firstChange: false leaves the change to the caller (a test of the forced change).
    if (this.firstChangePending && firstChange) await changeFirstPassword(server.base, this.initialAdminPassword, this.adminPassword);
    this.firstChangePending = false;
    return server;
  }

  // Stops the servers, drops the PostgreSQL database and removes the temp directory.
  async cleanup() {
    for (const s of this.servers) await s.stop();
    this.servers = [];
    if (this.pgName) {
      try {
        psql(this.pgBase, `DROP DATABASE IF EXISTS ${this.pgName} WITH (FORCE)`);
      } catch (e) {
        console.error(`could not drop test database ${this.pgName}: ${e.message}`);
      }
      this.pgName = null;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

// Logs in as admin with the password init printed and replaces it, as the console forces.
async function changeFirstPassword(base, initial, chosen) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password: initial }),
  });
  const body = await login.json();
  if (login.status !== 200) throw new Error(`first login as admin failed: ${login.status} ${JSON.stringify(body)}`);
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('shanhai_session=')).split(';')[0];
  const change = await fetch(`${base}/api/v1/auth/password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': body.csrf_token },
    body: JSON.stringify({ old_password: initial, new_password: chosen }),
  });
  if (change.status !== 200) throw new Error(`admin's first password change failed: ${change.status} ${await change.text()}`);
}

class RunningServer {
  constructor(child, logPath) {
    this.child = child;
    this.logPath = logPath;
    this.stdout = '';
    this.stderr = '';
    fs.writeFileSync(logPath, '');
    // 'close', not 'exit': stderr may still deliver data after the process exits, and a write to
    // the log after cleanup() removed its directory would throw.
    this.exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (this.stdout += d));
    child.stderr.on('data', (d) => {
      this.stderr = (this.stderr + d).slice(-20000);
      fs.appendFileSync(logPath, d);
    });
    // Never leave a server behind if the test process dies.
    this.killOnExit = () => child.kill('SIGKILL');
    process.on('exit', this.killOnExit);
  }

  async ready(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let exited = null;
    this.exited.then((e) => (exited = e));
    while (Date.now() < deadline) {
      const m = /serving on (https?:\/\/[^/\s]+)\//.exec(this.stdout);
      if (m) {
        this.base = m[1];
        this.port = Number(new URL(this.base).port);
        return;
      }
      if (exited) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await this.stop();
    throw new Error(`shanhai serve did not start (exit ${JSON.stringify(exited)})\nstdout: ${this.stdout}\nstderr: ${this.stderr}`);
  }

  async stop() {
    process.removeListener('exit', this.killOnExit);
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      await this.exited;  // its output drained too
      return;
    }
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}
