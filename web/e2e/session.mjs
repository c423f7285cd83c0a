// The start of every browser test file but run.mjs: a fresh stack (lib.mjs: init + demo), admin's
// first password change done through the API (run.mjs tests that page itself), Chromium at
// 1366×768 logged in on the dashboard, and a step runner that screenshots a failed step.
// A file `web/e2e/<area>.e2e.mjs` is its own CTest test (web_e2e_<area>, web/CMakeLists.txt):
//   const { stack, page, api, t, finish } = await adminSession('area')
//   await t.step('…', async () => { … })
//   await finish()
import { join } from 'node:path'
import { ApiClient } from '../../tests/lib/client.mjs'
import { launchBrowser, startStack, testRunner } from './lib.mjs'

/**
 * Returns { stack, context, page, api, t, finish, loginAs }: api is an ApiClient logged in as admin
 * with stack.password; loginAs(name, password) logs the browser in as another account; finish() closes the browser and servers and exits 0 only when every step passed.
 * browserOptions: launchBrowser's (extra Chromium flags, viewport).
 */
export async function adminSession(area, browserOptions = {}) {
  const stack = await startStack()
  const api = new ApiClient(stack.apiUrl)
  await api.mustLogin('admin', stack.initialPassword)
  await api.mustChangePassword(stack.initialPassword, stack.password)
  await api.mustLogin('admin', stack.password)

  const context = await launchBrowser(browserOptions)
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(15000)
  const t = testRunner(async (n) => {
    const path = join(stack.dir, `failure-${area}-${n}.png`)
    await page.screenshot({ path })
    console.log(`  screenshot: ${path}`)
    for (let i = 0; i < 2; i++) await page.keyboard.press('Escape')
  })
  console.log(`# ${area}: console at ${stack.baseUrl}`)
  await page.goto(stack.baseUrl)
  await page.waitForURL(/\/login/)
  await submitLogin('admin', stack.password)
  await page.waitForURL(/\/dashboard/)

  // Fills and sends the login form; the caller waits for what the login should lead to.
  async function submitLogin(name, password) {
    await page.locator('input[name=name]').fill(name)
    await page.locator('input[name=password]').fill(password)
    await page.locator('[data-test=login-submit]').click()
  }
  // Ends this browser's session (admin's too) and logs in as someone else.
  async function loginAs(name, password) {
    await context.clearCookies()
    await page.goto(`${stack.baseUrl}/login`)
    await submitLogin(name, password)
  }

  async function finish() {
    const ok = t.finish()
    await context.close()
    stack.stop()
    process.exit(ok ? 0 : 1)
  }
  return { stack, context, page, api, t, finish, loginAs }
}
