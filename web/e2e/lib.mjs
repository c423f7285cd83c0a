// Helpers for the console's browser tests: a real `shanhai` server with its own database
// (init + demo), the console served by it (or, when the binary was built without the console,
// by `vite preview` proxying /api to it), and Debian's Chromium driven by playwright-core.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const webDir = new URL('..', import.meta.url).pathname

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} → ${code}\n${out}`))))
  })
}

async function waitFor(url, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url)
      if (r.status < 500) return r
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not come up`)
}

/**
 * Starts shanhai (fresh DB with the demo data) and the console; returns { baseUrl, apiUrl,
 * initialPassword, password, stop }. initialPassword is the one init printed, which admin must
 * change at the first login (the first browser step does that, choosing `password`).
 */
export async function startStack() {
  const binary = process.env.SHANHAI_BINARY
  if (!binary) throw new Error('set SHANHAI_BINARY to the shanhai binary')
  const dir = mkdtempSync(join(tmpdir(), 'shanhai-e2e-'))
  const db = join(dir, 'e2e.db')
  const initOut = await run(binary, ['init', '--db', db])
  const initialPassword = /password:\s*(\S+)/.exec(initOut)?.[1]
  if (!initialPassword) throw new Error(`no admin password in init output:\n${initOut}`)
  const password = `Console-${Date.now().toString(36)}-Z9`
  await run(binary, ['demo', '--db', db])
  // A fictional display name, so histories show admin's steps masked (张**).
  await run(binary, ['user', 'update', 'admin', '--display-name', '张山海', '--db', db])

  const apiPort = await freePort()
  const children = []
  // However the run ends (a failed start-up included), take the servers down with it.
  process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')))
  const server = spawn(binary, ['serve', '--db', db, '--listen', `127.0.0.1:${apiPort}`], { stdio: ['ignore', 'ignore', 'pipe'] })
  server.stderr.on('data', () => {}) // JSON access log: not needed
  children.push(server)
  const apiUrl = `http://127.0.0.1:${apiPort}`
  await waitFor(`${apiUrl}/healthz`)

  let baseUrl = apiUrl
  const root = await fetch(`${apiUrl}/`)
  if (!(root.headers.get('content-type') ?? '').includes('text/html')) {
    // The binary has no console built in: serve web/dist with vite preview, proxying /api.
    const port = await freePort()
    const preview = spawn(join(webDir, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: webDir,
      env: { ...process.env, SHANHAI_API: apiUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let previewErrors = ''
    preview.stderr.on('data', (d) => (previewErrors += d))
    children.push(preview)
    baseUrl = `http://127.0.0.1:${port}`
    await waitFor(`${baseUrl}/`).catch((e) => {
      throw new Error(`${e.message}\n${previewErrors}`)
    })
  }
  return {
    dir,
    db,
    apiUrl,
    baseUrl,
    initialPassword,
    password,
    embedded: baseUrl === apiUrl,
    stop: () => children.forEach((c) => c.kill('SIGTERM')),
  }
}

const chromiumFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

/** Chromium's fake camera and microphone (a test pattern and a beep), allowed without asking. */
export const fakeMediaFlags = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']

/**
 * Debian's Chromium with a fresh profile, at the clerk's 1366×768 unless viewport says otherwise;
 * args: flags beyond the usual ones (fakeMediaFlags).
 */
export async function launchBrowser({ args = [], viewport = { width: 1366, height: 768 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'shanhai-chromium-'))
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...chromiumFlags, ...args],
    viewport,
    locale: 'zh-CN',
    acceptDownloads: true,
  })
}

/** Runs named steps in order, printing TAP-like lines and the closing "N passed, N failed". */
export function testRunner(onFailure = async () => {}) {
  let passed = 0
  let failed = 0
  return {
    async step(name, fn) {
      const started = Date.now()
      try {
        await fn()
        passed++
        console.log(`ok - ${name} (${Date.now() - started} ms)`)
      } catch (e) {
        failed++
        console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n  ')}`)
        await onFailure(failed).catch(() => {})
      }
    },
    finish() {
      console.log(`${passed} passed, ${failed} failed`)
      return failed === 0
    },
  }
}

/** Polls until the locator's trimmed text equals `expected` (fails with the last text seen). */
export async function waitForText(page, locator, expected, timeout = 10000) {
  const deadline = Date.now() + timeout
  let last = ''
  while (Date.now() < deadline) {
    last = ((await locator.textContent().catch(() => '')) ?? '').trim()
    if (last === expected) return
    await page.waitForTimeout(100)
  }
  assert.equal(last, expected)
}
