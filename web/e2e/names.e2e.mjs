// Names, not codes (issue #8): the region cascader searched by pinyin initials down to a village,
// pairs and regions shown by name (code on hover) in a table and the history drawer, a
// region-scoped clerk's pair picker and dashboard, and the annual targets form in 万元.
import assert from 'node:assert/strict'
import { adminSession } from './session.mjs'
import { launchBrowser } from './lib.mjs'

const { stack, page, api, t, finish } = await adminSession('names')
const dialog = page.locator('.el-dialog:visible')
const field = (key) => dialog.locator(`[data-field="${key}"]`)
const table = page.locator('[data-test=ledger-table]')

async function openPage(path) {
  await page.goto(`${stack.baseUrl}${path}`)
  await table.locator('.el-table__row').first().waitFor()
}
async function pick(key, optionText) {
  await field(key).locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click()
}
/** The node of the open cascader panel that names text. */
const cascaderNode = (text) => page.locator('.region-cascader:visible .el-cascader-node', { hasText: text }).first()

await t.step("cascader: pinyin initials find the pair's county (ptx → 平塘县), then a village is picked below it", async () => {
  await openPage('/pairing/units')
  await page.locator('[data-test=add]').click()
  await pick('pair', '广州市白云区—黔南州平塘县')
  const cascader = field('region_code').locator('[data-test=region-cascader]')
  const search = cascader.locator('input')
  await search.click()
  // The record's pair is known: the cascader's roots are its two sides (regions.e2e.mjs).
  await search.pressSequentially('ptx')
  const suggestion = page.locator('.region-cascader [data-test=region-hit]:visible')
  await suggestion.filter({ hasText: /^\s*平塘县\s*$/ }).first().click()
  await cascader.and(page.locator('[data-code="522727"]')).waitFor()
  await page.locator('.region-cascader:visible').waitFor({ state: 'hidden' })
  // Open again: the county's towns load, then a town's villages; a village is picked by its radio.
  await cascader.click()
  await cascaderNode('平塘县').click()
  await cascaderNode('卡蒲毛南族乡').click()
  await cascaderNode('甲坝村').locator('.el-radio').click()
  await cascader.and(page.locator('[data-code="522727200205"]')).waitFor()
  await page.keyboard.press('Escape')
  await field('name').locator('input').fill('甲坝村（名称测试）')
  await pick('side', '受帮扶方')
  await pick('kind', '村（社区）')
  await dialog.locator('[data-test=save]').click()
  await dialog.waitFor({ state: 'detached' }).catch(() => dialog.waitFor({ state: 'hidden' }))
})

await t.step('table and history drawer: the pair and the region by name, the code on hover', async () => {
  await page.locator('input[data-test=search-q]').fill('甲坝村（名称测试）')
  await page.locator('[data-test=search]').click()
  const row = table.locator('.el-table__row', { hasText: '甲坝村（名称测试）' }).first()
  await row.waitFor()
  const pairCell = row.locator('span[title="440111-522727"]')
  assert.equal((await pairCell.textContent()).trim(), '广州市白云区—黔南州平塘县')
  // The region by its short name within the pair (as the export writes it), the whole name and code on hover.
  const regionCell = row.locator('span[title="黔南州平塘县卡蒲毛南族乡甲坝村 522727200205"]')
  assert.equal((await regionCell.textContent()).trim(), '甲坝村')
  await row.locator('[data-test=row-history]').click()
  const drawer = page.locator('[data-test=history]')
  await drawer.locator('.change-table', { hasText: '甲坝村' }).waitFor()
  await drawer.locator('span[title="黔南州平塘县卡蒲毛南族乡甲坝村 522727200205"]', { hasText: '甲坝村' }).first().waitFor()
  const text = await drawer.textContent()
  assert.match(text, /广州市白云区—黔南州平塘县/)
  assert.doesNotMatch(text, /522727200205/)
  await page.keyboard.press('Escape')
})

await t.step('targets: the indicator is picked by name from the catalogue, 50万 is stored and listed as 50.00万元', async () => {
  await openPage('/targets/targets')
  await page.locator('[data-test=add]').click()
  await field('year').locator('input').fill('2026')
  const indicator = field('indicator_key').locator('[data-test=indicator-select]')
  await indicator.click()
  await indicator.locator('input').pressSequentially('财政援助资金')
  await page.locator('.el-select-dropdown__item:visible', { hasText: /^财政援助资金$/ }).click()
  await field('target_value').locator('.el-input-group__append', { hasText: '万元' }).waitFor()
  await field('target_value').locator('input').fill('50万')
  await dialog.locator('[data-test=save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const row = table.locator('.el-table__row', { hasText: '50.00万元' }).first()
  await row.waitFor()
  assert.match(await row.textContent(), /财政援助资金/)
  const stored = await api.request('GET', '/api/v1/targets/targets?year=2026&indicator_key=funds.fiscal_fen')
  assert.equal(stored.json.items[0].target_value, 50_000_000)
})

await t.step("a clerk scoped to 522727 whose role may not list pairs picks their pair, and the dashboard opens on it", async () => {
  const role = await api.request('POST', '/api/v1/admin/roles', {
    json: { name: 'pingtang_visits', label_zh: '平塘互访录入', permissions: ['exchange:visits:list', 'exchange:visits:read', 'exchange:visits:create', 'indicators:report:read'] },
  })
  assert.equal(role.status, 201, role.text)
  const user = await api.request('POST', '/api/v1/admin/users', {
    json: { name: 'ptclerk', password: 'Qiannan-desk-2021', roles: ['pingtang_visits'], region: '522727' },
  })
  assert.equal(user.status, 201, user.text)
  const context = await launchBrowser()
  try {
    const clerk = context.pages()[0] ?? (await context.newPage())
    clerk.setDefaultTimeout(15000)
    await clerk.goto(stack.baseUrl)
    await clerk.locator('input[name=name]').fill('ptclerk')
    await clerk.locator('input[name=password]').fill('Qiannan-desk-2021')
    await clerk.locator('[data-test=login-submit]').click()
    await clerk.waitForURL(/\/dashboard/)
    const pairSelect = clerk.locator('[data-test=pair-select]')
    await pairSelect.locator('.el-select__selected-item', { hasText: '广州市白云区—黔南州平塘县' }).waitFor()
    // The header names the clerk's scope, not its code.
    await clerk.locator('[data-test=user-scope] [title="522727"]', { hasText: '平塘县' }).waitFor()
    await clerk.goto(`${stack.baseUrl}/exchange/visits`)
    await clerk.locator('[data-test=add]').click()
    const pairField = clerk.locator('.el-dialog:visible [data-field="pair"]')
    await pairField.locator('.el-select__wrapper').click()
    const options = clerk.locator('.el-select-dropdown__item:visible')
    await options.first().waitFor()
    assert.deepEqual((await options.allTextContents()).map((s) => s.replace(/\s+/g, '')), ['广州市白云区—黔南州平塘县440111-522727'])
  } finally {
    await context.close()
  }
})

await finish()
