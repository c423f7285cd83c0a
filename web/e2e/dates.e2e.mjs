// Date ranges as a clerk meets them (issue #8: "date pickers refuse an end before the start and
// accept typed Chinese dates"; "date ranges … fit a 390 px screen"). A new town clerk, going
// through the forced first password change on a phone: the dashboard's period opens panels that
// fit 0..390 px and keeps its shortcuts; a list filter takes 2026年3月5日 and refuses a reversed
// range beside the field, running no search with it; the audit log's range (admin's page) fits
// too; on a desktop the one range picker refuses a reversed range the same way.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/dates.e2e.mjs
import assert from 'node:assert/strict'
import { waitForText } from './lib.mjs'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish, loginAs } = await adminSession('dates')
const origin = () => new URL(page.url()).origin
const kPhone = { width: 390, height: 844 }
const CLERK = { name: 'dates_town', first: 'Kapu-dates-first-2026', second: 'Kapu-dates-second-2026!' }

/** Requests the page sends whose path starts with `prefix`, counted while `body` runs. */
async function requestsDuring(prefix, body) {
  let n = 0
  const count = (r) => { if (new URL(r.url()).pathname.startsWith(prefix)) n++ }
  page.on('request', count)
  try {
    await body()
    await page.waitForTimeout(400) // a search the page would send is on its way by now
  } finally {
    page.off('request', count)
  }
  return n
}
/** The open date panel lies within the phone's width. */
async function assertPanelFits(what) {
  const panel = page.locator('.el-picker-panel:visible').first()
  await panel.waitFor()
  const b = await panel.boundingBox()
  assert.ok(b && b.x >= 0 && b.x + b.width <= kPhone.width, `${what}: panel ${JSON.stringify(b)}`)
}
/** Opens each end of the range `field` holds (two pickers at phone width) and checks its panel fits. */
async function assertRangeFits(field, what) {
  const editors = field.locator('.el-date-editor')
  assert.equal(await editors.count(), 2, `${what}: two single pickers at phone width, not a two-month panel`)
  for (const [i, end] of ['start', 'end'].entries()) {
    await editors.nth(i).locator('input').click()
    await assertPanelFits(`${what} ${end}`)
    await page.keyboard.press('Escape')
    await page.locator('.el-picker-panel:visible').first().waitFor({ state: 'hidden' })
  }
}
/** Types text into an input of a range, presses Enter as a clerk does, and closes the panel. */
async function typeInto(input, text) {
  await input.click()
  await input.fill(text)
  await input.press('Enter')
  await input.press('Escape')
}

await t.step('a new town clerk changes the first password on a phone, then reaches the dashboard', async () => {
  const made = await api.request('POST', '/api/v1/admin/users', { json: {
    name: CLERK.name, password: CLERK.first, roles: ['staff'], region: '522727200', must_change_password: true } })
  assert.equal(made.status, 201, made.text)
  await page.setViewportSize(kPhone)
  await loginAs(CLERK.name, CLERK.first)
  await page.waitForURL(/\/password/)
  await page.locator('[data-test=password-forced]').waitFor()
  const inputs = page.locator('.el-form input[type=password]')
  await inputs.nth(0).fill(CLERK.first)
  await inputs.nth(1).fill(CLERK.second)
  await inputs.nth(2).fill(CLERK.second)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/password'))
  await page.goto(`${origin()}/dashboard`)
  await page.locator('[data-test=period-dates]').waitFor()
})

await t.step('at 390 px the dashboard’s period opens panels that fit, and its shortcuts fill it', async () => {
  const period = page.locator('[data-test=period-dates]')
  await assertRangeFits(period, 'dashboard period')
  const inputs = period.locator('input')
  await page.locator('[data-shortcut=thisYear]').click()
  const year = new Date().getFullYear()
  assert.equal(await inputs.nth(0).inputValue(), `${year}-01-01`)
  assert.match(await inputs.nth(1).inputValue(), new RegExp(`^${year}-\\d{2}-\\d{2}$`))
  assert.equal(await period.locator('[data-test=range-error]').count(), 0)
  // A period typed the wrong way round is refused beside it and computes no figures.
  const asked = await requestsDuring('/api/v1/indicators', async () => {
    await typeInto(inputs.nth(1), `${year - 1}年1月1日`)
    await waitForText(page, period.locator('[data-test=range-error]'), `结束日期不能早于开始日期（${year}-01-01）`)
  })
  assert.equal(asked, 0, 'figures were asked for a reversed period')
  assert.equal(await inputs.nth(1).inputValue(), `${year - 1}-01-01`, 'the typed end was changed')
  await page.locator('[data-shortcut=lastYear]').click()
  await period.locator('[data-test=range-error]').waitFor({ state: 'detached' })
  assert.equal(await inputs.nth(0).inputValue(), `${year - 1}-01-01`)
})

await t.step('at 390 px a list filter takes 2026年3月5日 and refuses a reversed range, searching nothing', async () => {
  await page.goto(`${origin()}/exchange/meetings`)
  await page.locator('[data-test=record-cards]').waitFor()
  await page.locator('[data-test=toggle-search]').click()
  const range = page.locator('[data-test=search-panel] [data-test=search-dates]')
  await assertRangeFits(range, 'list filter')
  const inputs = range.locator('input')
  await typeInto(inputs.nth(0), '2026年3月5日')
  assert.equal(await inputs.nth(0).inputValue(), '2026-03-05')
  const field = page.locator('[data-test=search-panel] .date-range-field')
  assert.equal(await field.locator('[data-test=range-error]').count(), 0)
  await typeInto(inputs.nth(1), '2026年3月1日')
  assert.equal(await inputs.nth(1).inputValue(), '2026-03-01', 'the reversed end was not kept as typed')
  await waitForText(page, field.locator('[data-test=range-error]'), '结束日期不能早于开始日期（2026-03-05）')
  const searched = await requestsDuring('/api/v1/exchange/meetings', async () => {
    await page.locator('[data-test=search]').click()
    await page.locator('.el-message', { hasText: '结束日期不能早于开始日期' }).waitFor()
  })
  assert.equal(searched, 0, 'a search ran with the reversed range')
  // Put right, the range searches.
  const fixed = await requestsDuring('/api/v1/exchange/meetings', async () => {
    await typeInto(inputs.nth(1), '2026年3月31日')
    await field.locator('[data-test=range-error]').waitFor({ state: 'detached' })
    await page.locator('[data-test=search]').click()
  })
  assert.ok(fixed >= 1, 'the corrected range did not search')
})

await t.step('at 390 px the audit log’s range (admin’s page) opens panels that fit', async () => {
  await loginAs('admin', stack.password)
  await page.waitForURL(/\/dashboard/)
  await page.goto(`${origin()}/admin/audit`)
  await page.locator('[data-test=audit-table]').waitFor()
  const range = page.locator('[data-test=search-dates]')
  await assertRangeFits(range, 'audit range')
  await typeInto(range.locator('input').nth(0), '2026年3月5日')
  assert.equal(await range.locator('input').nth(0).inputValue(), '2026-03-05')
  await page.setViewportSize({ width: 1366, height: 768 })
})

await t.step('on a desktop the range picker takes typed Chinese dates and keeps a reversed range, refused', async () => {
  await page.goto(`${origin()}/exchange/visits`)
  await page.locator('[data-test=ledger-table] .el-table__row').first().waitFor()
  const field = page.locator('[data-test=search-panel] .date-range-field')
  const inputs = field.locator('.el-range-input')
  assert.equal(await inputs.count(), 2)
  // The range picker holds a typed start as text until the end is typed: both, then the panel closes.
  for (const [i, text] of ['2020年5月1日', '2020年4月1日'].entries()) {
    await inputs.nth(i).fill(text)
    await inputs.nth(i).press('Enter')
  }
  await page.keyboard.press('Escape')
  assert.equal(await inputs.nth(0).inputValue(), '2020-05-01')
  assert.equal(await inputs.nth(1).inputValue(), '2020-04-01', 'the range picker replaced the reversed end')
  await waitForText(page, field.locator('[data-test=range-error]'), '结束日期不能早于开始日期（2020-05-01）')
  const searched = await requestsDuring('/api/v1/exchange/visits', () => page.locator('[data-test=search]').click())
  assert.equal(searched, 0, 'a search ran with the reversed range')
})

await finish()
