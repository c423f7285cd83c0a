// The console's region entry (issue #8): a record's region cascader rooted at its pair's two
// sides, whose villages a search by name or pinyin initials reaches without opening a county;
// the list's search form picking a region with the same cascader; and a clerk scoped to a town,
// who sees the pair enclosing it in the pair pickers and, inside it, only the records placed in
// that town, whose cascader starts at the town.
import assert from 'node:assert/strict'
import { adminSession } from './session.mjs'
import { launchBrowser } from './lib.mjs'

const { stack, page, api, t, finish } = await adminSession('regions')
const dialog = page.locator('.el-dialog:visible')
const field = (key) => dialog.locator(`[data-field="${key}"]`)
const suggestion = page.locator('.region-cascader [data-test=region-hit]:visible')
const KAPU = '522727200' // 卡蒲毛南族乡, a town of 平塘县
const JIABA = '522727200205' // its village 甲坝村

async function openAddUnit(onPage) {
  await onPage.goto(`${stack.baseUrl}/pairing/units`)
  await onPage.locator('[data-test=add]').click()
}

await t.step('cascader of a record of 白云区—平塘县: the two sides are its roots, 甲坝 and jbc find the village', async () => {
  await openAddUnit(page)
  await field('pair').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '广州市白云区—黔南州平塘县' }).first().click()
  const cascader = field('region_code').locator('[data-test=region-cascader]')
  const search = cascader.locator('input')
  await search.click()
  const roots = page.locator('.region-cascader:visible .el-cascader-menu').first().locator('.el-cascader-node')
  await roots.nth(1).waitFor()
  assert.deepEqual((await roots.allTextContents()).map((s) => s.trim()), ['白云区', '平塘县'])
  for (const typed of ['甲坝', 'jbc']) {
    await search.fill('')
    await search.pressSequentially(typed)
    await suggestion.filter({ hasText: '甲坝村' }).first().waitFor()
  }
  await suggestion.filter({ hasText: '卡蒲毛南族乡 / 甲坝村' }).first().click()
  await cascader.and(page.locator(`[data-code="${JIABA}"]`)).waitFor()
  await page.keyboard.press('Escape')
})

await t.step('the units list is filtered by a region picked in the search form’s cascader: both 甲坝村 offered by their places without a pair, 平塘县’s within it', async () => {
  await page.goto(`${stack.baseUrl}/pairing/units`)
  const rows = page.locator('[data-test=ledger-table] .el-table__row')
  await rows.first().waitFor()
  const filter = page.locator('[data-test=filter-region_code] [data-test=region-cascader]')
  const typed = filter.locator('input')
  // No pair chosen: the name is two villages (平塘县's and 惠水县's 甲坝村), each offered by its place.
  await typed.click()
  await typed.pressSequentially('甲坝村')
  await suggestion.filter({ hasText: '平塘县' }).filter({ hasText: '甲坝村' }).first().waitFor()
  await suggestion.filter({ hasText: '惠水县' }).filter({ hasText: '甲坝村' }).first().waitFor()
  await page.keyboard.press('Escape')
  await page.locator('[data-test=search-panel] .el-form-item', { hasText: '帮扶关系' }).locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '广州市白云区—黔南州平塘县' }).first().click()
  await typed.click()
  await typed.fill('')
  await typed.pressSequentially('甲坝')
  await suggestion.filter({ hasText: '卡蒲毛南族乡 / 甲坝村' }).first().click()
  await filter.and(page.locator(`[data-code="${JIABA}"]`)).waitFor()
  await page.locator('[data-test=search]').click()
  await rows.first().locator(`span[title$=" ${JIABA}"]`).waitFor()
  const texts = await rows.allTextContents()
  assert.ok(texts.length >= 1 && texts.every((s) => s.includes('甲坝村')), texts.join(' | '))
})

await t.step('a pair’s side takes a county at most: its filter offers no town, opening 平塘县 nor searching 卡蒲', async () => {
  await page.goto(`${stack.baseUrl}/pairing/pairs`)
  const typed = page.locator('[data-test=filter-helped_region] [data-test=region-cascader] input')
  await typed.click()
  const menus = page.locator('.region-cascader:visible .el-cascader-menu')
  for (const [level, name] of [[0, '贵州省'], [1, '黔南布依族苗族自治州']]) {
    await menus.nth(level).locator('.el-cascader-node', { hasText: name }).first().click()
  }
  const county = menus.nth(2).locator('.el-cascader-node', { hasText: '平塘县' }).first()
  await county.click()
  // A leaf: no arrow to open, and no fourth column of towns after the click.
  assert.equal(await county.locator('.el-cascader-node__postfix').count(), 0)
  assert.equal(await menus.count(), 3)
  await typed.fill('')
  await typed.pressSequentially('卡蒲')
  await page.locator('.region-cascader:visible [data-test=region-hits] .muted').first().waitFor()
  assert.equal(await suggestion.count(), 0)
  await page.keyboard.press('Escape')
})

await t.step('a clerk scoped to the town 卡蒲毛南族乡 picks the pair enclosing it, lists only the town\'s units and adds one in a village of it', async () => {
  const user = await api.request('POST', '/api/v1/admin/users', {
    json: { name: 'kapuclerk', password: 'Kapu-desk-2021-town', roles: ['staff'], region: KAPU },
  })
  assert.equal(user.status, 201, user.text)
  const unit = await api.request('POST', '/api/v1/pairing/units', {
    json: { pair: '440111-522727', name: '甲坝村（乡镇账号测试）', side: 'helped', kind: 'village', region_code: JIABA },
  })
  assert.equal(unit.status, 201, unit.text)
  const other = await api.request('POST', '/api/v1/pairing/pairs', { json: { helper_region: '440103', helped_region: '522728' } })
  assert.equal(other.status, 201, other.text)
  const context = await launchBrowser()
  try {
    const clerk = context.pages()[0] ?? (await context.newPage())
    clerk.setDefaultTimeout(15000)
    await clerk.goto(stack.baseUrl)
    await clerk.locator('input[name=name]').fill('kapuclerk')
    await clerk.locator('input[name=password]').fill('Kapu-desk-2021-town')
    await clerk.locator('[data-test=login-submit]').click()
    await clerk.waitForURL(/\/dashboard/)
    await clerk.locator('[data-test=pair-select] .el-select__selected-item', { hasText: '广州市白云区—黔南州平塘县' }).waitFor()
    await clerk.locator(`[data-test=user-scope] [title="${KAPU}"]`, { hasText: '卡蒲毛南族乡' }).waitFor()
    await clerk.goto(`${stack.baseUrl}/pairing/units`)
    const rows = clerk.locator('[data-test=ledger-table] .el-table__row')
    await rows.first().waitFor()
    // Each unit's region (甲坝村 …) lies in the town: its whole name on hover says so.
    for (const row of await rows.all()) assert.ok((await row.locator('span[title*="卡蒲毛南族乡"]').count()) >= 1, await row.textContent())
    assert.ok((await rows.allTextContents()).some((s) => s.includes('甲坝村（乡镇账号测试）')))
    await clerk.locator('[data-test=add]').click()
    const pairField = clerk.locator('.el-dialog:visible [data-field="pair"]')
    await pairField.locator('.el-select__wrapper').click()
    const options = clerk.locator('.el-select-dropdown__item:visible')
    await options.first().waitFor()
    // The pairs whose side encloses the town, the demo's province and city pairs too; not 荔湾区—罗甸县.
    assert.deepEqual((await options.allTextContents()).map((s) => s.replace(/\s+/g, '')).sort(),
      ['广东省—贵州省440000-520000', '广州市—黔南州440100-522700', '广州市白云区—黔南州平塘县440111-522727'])
    // The clerk places a new unit in a village of the town, found by name in the cascader.
    await options.filter({ hasText: '广州市白云区—黔南州平塘县' }).click()
    const form = clerk.locator('.el-dialog:visible')
    const pickIn = async (key, text) => {
      await form.locator(`[data-field="${key}"] .el-select__wrapper`).click()
      await clerk.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
    }
    await form.locator('[data-field="name"] input').fill('场河村合作社（乡镇账号）')
    await pickIn('side', '受帮扶方')
    await pickIn('kind', '企业')
    const search = form.locator('[data-field="region_code"] [data-test=region-cascader] input')
    await search.click()
    // The cascader starts at the clerk's own town, not at the pair's sides or the province.
    const roots = clerk.locator('.region-cascader:visible .el-cascader-menu').first().locator('.el-cascader-node')
    await roots.first().waitFor()
    assert.deepEqual((await roots.allTextContents()).map((s) => s.trim()), ['卡蒲毛南族乡'])
    await search.pressSequentially('场河')
    await clerk.locator('.region-cascader [data-test=region-hit]:visible', { hasText: '场河村' }).first().click()
    await form.locator('[data-test=save]').click()
    await form.waitFor({ state: 'detached' }).catch(() => form.waitFor({ state: 'hidden' }))
    await rows.filter({ hasText: '场河村合作社（乡镇账号）' }).first().waitFor()
  } finally {
    await context.close()
  }
})

await finish()
