// The job seeker's phone page (/m/) on first load, as the binary serves it: the compressed bytes of
// everything the login page loads (HTML, JS, CSS, anything else) must stay under 150 KiB, and on a
// slow 3G profile (Chromium's network emulation: 400 kbit/s down and up, 400 ms round trip, no
// cache) the login form must be usable — the figure printed is for the README; the bound is generous.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/phoneload.e2e.mjs
import assert from 'node:assert/strict'
import { launchBrowser, startStack, testRunner } from './lib.mjs'

const kBudgetBytes = 150 * 1024
const kSlow3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 }
const kSlow3GBoundMs = 20_000

const stack = await startStack()
const context = await launchBrowser({ viewport: { width: 390, height: 844 } })
const t = testRunner()

// Opens /m/ in a fresh page with the cache off (and `conditions` if given); returns the responses
// ({url, encoding, bytes}: bytes as received, headers included) and the ms until the form is usable.
async function firstLoad(conditions) {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions)
  const responses = new Map()
  cdp.on('Network.responseReceived', ({ requestId, response }) =>
    responses.set(requestId, { url: response.url, encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? '' }))
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = responses.get(requestId)
    if (r) r.bytes = encodedDataLength
  })
  const started = Date.now()
  await page.goto(`${stack.baseUrl}/m/`, { timeout: 60_000 })
  const mobile = page.locator('input[name=mobile]')
  await mobile.waitFor({ timeout: 60_000 })
  await mobile.fill('13712345678') // usable: it takes input
  const usableMs = Date.now() - started
  await page.waitForLoadState('networkidle')
  await page.close()
  return { responses: [...responses.values()], usableMs }
}

await t.step('the first load of /m/ is under 150 KiB compressed', async () => {
  const { responses } = await firstLoad()
  const total = responses.reduce((sum, r) => sum + (r.bytes ?? 0), 0)
  for (const r of responses) console.log(`  ${r.url.replace(stack.baseUrl, '')} ${r.bytes} B ${r.encoding}`)
  console.log(`  first load: ${(total / 1024).toFixed(1)} KiB in ${responses.length} responses (headers included)`)
  assert.ok(responses.some((r) => r.url.endsWith('.js')), 'the page loads its script')
  // The figure is the compressed one: every script and style sheet came gzip-encoded.
  for (const r of responses.filter((x) => /\.(js|css)$/.test(x.url))) assert.equal(r.encoding, 'gzip', r.url)
  assert.ok(responses.every((r) => !r.url.includes('/assets/') || r.url.includes('/m/assets/')), 'nothing of the console')
  assert.ok(total <= kBudgetBytes, `${total} bytes > ${kBudgetBytes}`)
})

await t.step('on slow 3G the login form is usable within the bound', async () => {
  const { usableMs } = await firstLoad(kSlow3G)
  console.log(`  slow 3G (400 kbit/s, 400 ms RTT): login form usable after ${(usableMs / 1000).toFixed(1)} s`)
  assert.ok(usableMs < kSlow3GBoundMs, `${usableMs} ms`)
})

const ok = t.finish()
await context.close()
stack.stop()
process.exit(ok ? 0 : 1)
