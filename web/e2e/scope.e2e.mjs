// A clerk limited to a town sees the figures of their scope, said honestly: the dashboard and the
// report say whose records they count (统计范围：黔南州平塘县卡蒲毛南族乡), and a figure their
// scope cannot place (a visits figure: that ledger has no region field) reads "—" with the reason,
// not 0. At phone width every ledger's cards are titled by names, never by a code.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/scope.e2e.mjs
import assert from 'node:assert/strict'
import { adminSession } from './session.mjs'

const { stack, context, page, api, t, finish } = await adminSession('scope')
const PAIR = '440111-522727'
const TOWN = '黔南州平塘县卡蒲毛南族乡'
// The town in English prose (the console's table of the demo's place names).
const TOWN_EN = 'Kapu Maonan Ethnic Township, Pingtang County, Qiannan'
const origin = () => new URL(page.url()).origin

// A code where a name belongs: a pair code, a region code, a record number, a masked ID number.
const kCodeLike = /^(\d{6}-\d{6}|\d{6}(\d{3}){0,2}|#\d+)$|\*{4}/

await t.step('at 390 px every ledger’s cards are titled by names; a pair by its two sides', async () => {
  const ledgers = (await api.request('GET', '/api/v1/meta/ledgers')).json.items
  assert.ok(ledgers.length >= 16, `${ledgers.length} ledgers`)
  await page.setViewportSize({ width: 390, height: 844 })
  try {
    const seen = []
    for (const l of ledgers) {
      await page.goto(`${origin()}/${l.module}/${l.name}`)
      const list = page.locator('[data-test=record-cards]')
      await list.waitFor()
      await page.locator('[data-test=record-card], [data-test=record-cards] .el-empty').first().waitFor()
      const titles = (await list.locator('[data-test=card-title]').allTextContents()).map((s) => s.trim())
      for (const title of titles) assert.doesNotMatch(title, kCodeLike, `${l.name}: a card titled ${title}`)
      if (titles.length) seen.push(l.name)
      if (l.name === 'pairs') assert.ok(titles.includes('广州市白云区—黔南州平塘县'), `pairs: ${titles.join(' | ')}`)
      if (l.name === 'pairings') assert.ok(titles.every((x) => x.includes('—')), `pairings: ${titles.join(' | ')}`)
    }
    // The demo fills these; a ledger shown empty proves nothing of its titles.
    for (const name of ['pairs', 'units', 'pairings', 'visits', 'people', 'funds', 'targets'])
      assert.ok(seen.includes(name), `no cards of ${name} to check`)
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 })
  }
})

await t.step('a town’s clerk: the dashboard says its scope, and a visits figure is “—”, not 0', async () => {
  const clerk = await api.request('POST', '/api/v1/admin/users', { json: {
    name: 'scope_town', password: 'Kapu-town-scope-2026', roles: ['staff'], region: '522727200', must_change_password: false } })
  assert.equal(clerk.status, 201, clerk.text)
  const meeting = await api.request('POST', '/api/v1/exchange/meetings', { json: {
    pair: PAIR, title: '卡蒲乡协作推进会（统计范围）', kind: 'joint', meeting_date: '2020-05-20', location_region: '522727200' } })
  assert.equal(meeting.status, 201, meeting.text)

  await context.clearCookies()
  await page.goto(`${stack.baseUrl}/login`)
  await page.locator('input[name=name]').fill('scope_town')
  await page.locator('input[name=password]').fill('Kapu-town-scope-2026')
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => !new URL(u).pathname.startsWith('/login'))
  await page.goto(`${origin()}/dashboard`)

  const note = page.locator('[data-test=headline] [data-test=scope-note]')
  await note.waitFor()
  assert.match(await note.textContent(), new RegExp(`统计范围：${TOWN}`))
  assert.match(await note.textContent(), /标“—”的指标本范围不统计/)

  const visits = page.locator('[data-test=headline] [data-indicator="leadership.visit_batches"]')
  await visits.locator('[data-test=not-in-scope]').waitFor()
  assert.equal((await visits.locator('[data-test=actual]').textContent()).trim(), '—')
  assert.equal((await visits.locator('[data-test=not-in-scope]').textContent()).trim(), '本范围不统计（台账无所在地）')
  // Pairings are placed by their units' 所在地: 甲坝村's count for the town.
  const pairings = page.locator('[data-test=headline] [data-indicator="pairing.helper_units"] [data-test=actual]')
  await page.waitForFunction((el) => /^[1-9]/.test(el.textContent.trim()), await pairings.elementHandle())
  // What the town holds is counted: its meeting.
  const meetings = page.locator('[data-test=headline] [data-indicator="leadership.joint_meetings"]')
  assert.equal((await meetings.locator('[data-test=actual]').textContent()).trim(), '1')
  assert.equal(await meetings.locator('[data-test=not-in-scope]').count(), 0)
  // The trend of visits (its default figure) is not drawn as zeros either.
  await page.locator('[data-test=trend-not-in-scope]', { hasText: '本范围不统计' }).waitFor()
  await page.screenshot({ path: `${stack.dir}/scope-dashboard.png` })
})

await t.step('the town’s report states its scope under the header and marks what it does not count', async () => {
  await page.goto(`${origin()}/report`)
  const sheet = page.locator('[data-test=report]')
  await sheet.locator('p', { hasText: `统计范围：${TOWN}` }).waitFor()
  const text = await sheet.textContent()
  assert.match(text, /交流互访、实地考察批次\s*—（本范围不统计）/)
  assert.match(text, /召开党政联席会议1次/)
  assert.doesNotMatch(text, /实地考察共0批/)

  // In English the report is drawn from its JSON: the same scope; what it cannot count is left out.
  await page.locator('[data-test=lang-switch]').click()
  try {
    const note = sheet.locator('[data-test=scope-note]')
    await note.waitFor()
    assert.match(await note.textContent(), new RegExp(`Scope: ${TOWN_EN}`))
    assert.match(await sheet.locator('[data-test=left-out]').textContent(), /cannot count/)
    assert.equal(await sheet.locator('td[title="leadership.visit_batches"]').count(), 0)
  } finally {
    if ((await page.evaluate(() => document.documentElement.lang)) === 'en') await page.locator('[data-test=lang-switch]').click()
  }
})

await t.step('the whole pair’s dashboard has no scope note and counts the pairings', async () => {
  await context.clearCookies()
  await page.goto(`${stack.baseUrl}/login`)
  await page.locator('input[name=name]').fill('admin')
  await page.locator('input[name=password]').fill(stack.password)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => !new URL(u).pathname.startsWith('/login'))
  await page.goto(`${origin()}/dashboard`)
  const pairings = page.locator('[data-test=headline] [data-indicator="pairing.helper_units"] [data-test=actual]')
  await page.waitForFunction((el) => /^\d/.test(el.textContent.trim()), await pairings.elementHandle())
  assert.equal(await page.locator('[data-test=scope-note]').count(), 0)
  assert.equal(await page.locator('[data-test=not-in-scope]').count(), 0)
})

await finish()
