// The annual targets list and form as a clerk reads them (issue #8): the indicator column is headed
// 指标 and a sub-figure is named with the figure it is part of (与村结对的帮扶单位·其中镇街), in the
// form's drop-down and the list alike; in English the targets read with translated units, one or
// several ("1 person", "6 batches"), and an amount ("1.00 million yuan") fits its column uncut.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/targets2.e2e.mjs
import assert from 'node:assert/strict'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish } = await adminSession('targets2')
const PAIR = '440111-522727'
const dialog = page.locator('.el-dialog:visible')
const field = (key) => dialog.locator(`[data-field="${key}"]`)
const table = page.locator('[data-test=ledger-table]')
const row = (text) => table.locator('.el-table__row', { hasText: text }).first()

async function openTargets() {
  await page.goto(`${stack.baseUrl}/targets/targets`)
  await table.locator('.el-table__row').first().waitFor()
}

/** The text of the cells of a row's column headed `header`, and whether it overflows its cell. */
async function cellOf(tableRow, header) {
  const headers = await table.locator('.el-table__header th').allTextContents()
  const index = headers.findIndex((h) => h.trim() === header)
  assert.ok(index >= 0, `no column ${header}: ${headers.join('|')}`)
  const cell = tableRow.locator('td').nth(index).locator('.cell')
  return cell.evaluate((el) => ({ text: el.textContent.trim(), cut: el.scrollWidth > el.clientWidth + 1 }))
}

for (const [indicator_key, target_value] of [['people.registered', 1], ['leadership.visit_batches', 6], ['pairing.aid_fen', 100_000_000]]) {
  const r = await api.request('POST', '/api/v1/targets/targets', { json: { pair: PAIR, year: 2027, indicator_key, target_value } })
  assert.equal(r.status, 201, r.text)
}

await t.step('the form offers 其中镇街 named with its whole, and the list names it so under 指标', async () => {
  await openTargets()
  await page.locator('[data-test=add]').click()
  await field('year').locator('input').fill('2028')
  const indicator = field('indicator_key').locator('[data-test=indicator-select]')
  await indicator.click()
  await indicator.locator('input').pressSequentially('其中镇街')
  const options = await page.locator('.el-select-dropdown__item:visible').allTextContents()
  assert.deepEqual(options.map((o) => o.trim()), ['与村结对的帮扶单位·其中镇街'])
  await page.locator('.el-select-dropdown__item:visible').first().click()
  await field('target_value').locator('input').fill('3')
  await dialog.locator('[data-test=save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const added = row('与村结对的帮扶单位·其中镇街')
  await added.waitFor()
  assert.equal((await cellOf(added, '指标')).text, '与村结对的帮扶单位·其中镇街')
  assert.equal((await cellOf(added, '目标值')).text, '3个') // the unit right after, as the report writes it
  const headers = (await table.locator('.el-table__header th').allTextContents()).map((h) => h.trim())
  assert.ok(!headers.includes('指标代码'), headers.join('|'))
  assert.ok(!headers.some((h) => /年度及指标/.test(h)), 'the internal key is no column')
})

await t.step('in English: units translated, singular for one, an amount uncut', async () => {
  await page.locator('[data-test=lang-switch]').click()
  try {
    await page.locator('html[lang=en]').waitFor({ state: 'attached' })
    const person = row('1 person')
    await person.waitFor()
    assert.equal((await cellOf(person, 'Indicator')).text, 'People registered')
    const batches = await cellOf(row('6 batches'), 'Target')
    assert.deepEqual(batches, { text: '6 batches', cut: false })
    const amount = await cellOf(row('million yuan'), 'Target')
    assert.deepEqual(amount, { text: '1.00 million yuan', cut: false })
    const sub = await cellOf(row('of which towns/streets'), 'Indicator')
    assert.equal(sub.text, 'Helper units paired with villages, of which towns/streets')
    const targets = (await table.locator('.el-table__body tr').allTextContents()).join('\n')
    assert.doesNotMatch(targets, /\d (名|批|人次|个|人)/, 'a Chinese unit in the English list')
    assert.doesNotMatch(targets, /\b1 people\b/)
  } finally {
    if ((await page.evaluate(() => document.documentElement.lang)) === 'en') await page.locator('[data-test=lang-switch]').click()
  }
})

await finish()
