// Loose ends of issue #8 as a clerk meets them: the workbook import names its empty sheets;
// amounts read in English in English mode; the dictionary's 操作 column stays on a phone; a
// disabled account is told so (with its right password only); a forced first password change
// calls nothing the server refuses before it is done.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/small.e2e.mjs
import assert from 'node:assert/strict'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish, loginAs } = await adminSession('small')
const PAIR = '440111-522727'
const origin = () => new URL(page.url()).origin

await t.step('a workbook check names the ledger sheets it leaves out as empty', async () => {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('结对单位').addRow(['*帮扶关系', '*单位名称', '*所属方', '*单位类型'])
  const visits = wb.addWorksheet('交流互访')
  visits.addRow(['*帮扶关系', '*互访事由', '*方向', '*人次', '*开始日期'])
  visits.addRow([PAIR, '空表测试：白云区赴平塘县', 'to_helped', 3, '2021-05-06'])
  const file = join(stack.dir, 'empty-sheet.xlsx')
  await wb.xlsx.writeFile(file)
  await page.goto(`${origin()}/import`)
  const book = page.locator('[data-test=workbook-import]')
  await book.locator('[data-test=workbook-file]').setInputFiles(file)
  await book.locator('[data-test=sheet-visits] [data-test=import-summary]').waitFor()
  const empty = book.locator('[data-test=empty-sheets]')
  assert.equal((await empty.textContent()).trim(), '空表未导入：结对单位')
  assert.equal(await book.locator('[data-test=sheet-units]').count(), 0)
})

// The dashboard's amounts (aid: one of them) and the report's value cells, once in English.
async function inEnglish(aid) {
  await page.waitForFunction(
    (el) => /million yuan|billion yuan/.test(el.textContent), await aid.elementHandle())
  const amounts = await page.locator('[data-indicator$="_fen"] [data-test=actual]').allTextContents()
  assert.ok(amounts.length > 1, 'no amount on the dashboard')
  // Below a million in yuan ("0 yuan", "500 yuan"), else in millions or billions with two decimals.
  for (const a of amounts) assert.match(a, /^-?[\d,]+(\.\d\d)? yuan$|^-?[\d,]+\.\d\d (million|billion) yuan$/, a)
  assert.ok(amounts.some((a) => / (million|billion) yuan$/.test(a)), amounts.join('|'))

  await page.goto(`${origin()}/report`)
  const sheet = page.locator('[data-test=report]')
  await sheet.locator('h2', { hasText: '1. ' }).first().waitFor()
  const cells = await sheet.locator('td.num').allTextContents()
  assert.ok(cells.some((c) => / (million|billion) yuan$/.test(c)), cells.join('|'))
  assert.ok(!cells.some((c) => /万元|亿元/.test(c)), `a value cell says 万元/亿元: ${cells.filter((c) => /万|亿/.test(c))}`)
}

await t.step('in English amounts read in yuan, millions or billions of yuan, in the dashboard and the report', async () => {
  await page.goto(`${origin()}/dashboard`)
  const aid = page.locator('[data-indicator="pairing.aid_fen"] [data-test=actual]').first()
  await aid.waitFor()
  assert.match(await aid.textContent(), /万元|亿元/)
  await page.locator('[data-test=lang-switch]').click()
  try {
    await inEnglish(aid)
  } finally {
    // Back to Chinese whatever happened: the language is kept for the steps after this one.
    if ((await page.evaluate(() => document.documentElement.lang)) === 'en') await page.locator('[data-test=lang-switch]').click()
  }
  await page.locator('html[lang=zh-CN]').waitFor({ state: 'attached' })
})

await t.step('at 390 px the dictionary entries keep their 操作 column on screen', async () => {
  await page.setViewportSize({ width: 390, height: 844 })
  try {
    await page.goto(`${origin()}/admin/dictionaries`)
    await page.locator('[data-test=dictionary-list] .el-table__row', { hasText: '方向' }).click()
    const table = page.locator('[data-test=entries-table]')
    const header = table.locator('th', { hasText: '操作' })
    await header.waitFor()
    const box = await header.boundingBox()
    assert.ok(box && box.width > 0 && box.x >= 0 && box.x + box.width <= 390, `操作 at ${JSON.stringify(box)}`)
    const edit = table.locator('.el-table__row', { hasText: 'to_helped' }).locator('[data-test=entry-edit]')
    const button = await edit.boundingBox()
    assert.ok(button && button.x >= 0 && button.x + button.width <= 390, `修改 at ${JSON.stringify(button)}`)
    await edit.click()
    await page.locator('[data-test=entry-dialog]').waitFor()
    await page.keyboard.press('Escape')
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 })
  }
})

// The steps below log in as others: admin's browser session ends here.

await t.step('a disabled account is told so with its right password, and only then', async () => {
  const user = await api.request('POST', '/api/v1/admin/users',
    { json: { name: 'small_leaver', password: 'Baiyun-leaver-2026', roles: ['viewer'] } })
  assert.equal(user.status, 201, user.text)
  const off = await api.request('PUT', `/api/v1/admin/users/${user.json.id}`, { json: { roles: ['viewer'], disabled: true } })
  assert.equal(off.status, 200, off.text)
  const error = page.locator('[data-test=login-error]')
  await loginAs('small_leaver', 'Baiyun-leaver-2026')
  await error.filter({ hasText: '账号已停用' }).waitFor()
  await loginAs('small_leaver', 'Not-the-password-2026')
  await error.filter({ hasText: '用户名或密码错误' }).waitFor()
  assert.ok(!(await error.textContent()).includes('停用'))
})

await t.step('a forced first password change calls nothing the server refuses, then the menu loads', async () => {
  const user = await api.request('POST', '/api/v1/admin/users', { json: {
    name: 'small_newcomer', password: 'Pingtang-first-2026', roles: ['staff'], region: '522727', must_change_password: true } })
  assert.equal(user.status, 201, user.text)
  const refused = []
  const onResponse = (r) => {
    if (r.url().includes('/api/') && r.status() === 403) refused.push(`${r.request().method()} ${r.url()}`)
  }
  page.on('response', onResponse)
  try {
    await loginAs('small_newcomer', 'Pingtang-first-2026')
    await page.waitForURL(/\/password/)
    await page.locator('[data-test=password-forced]').waitFor()
    await page.waitForLoadState('networkidle')
    assert.deepEqual(refused, [], 'refused before the change')
    const inputs = page.locator('.el-form input[type=password]')
    await inputs.nth(0).fill('Pingtang-first-2026')
    await inputs.nth(1).fill('Pingtang-second-2026!')
    await inputs.nth(2).fill('Pingtang-second-2026!')
    // The menu's ledger declarations are fetched only now; the scope shows by name.
    const declarations = page.waitForResponse((r) => r.url().endsWith('/api/v1/meta/ledgers'))
    await page.locator('button[type=submit]').click()
    await page.waitForURL((url) => !url.pathname.startsWith('/password'))
    assert.equal((await declarations).status(), 200)
    await page.locator('[data-test=user-scope] [data-test=region-name]', { hasText: '平塘县' }).waitFor()
    await page.waitForLoadState('networkidle')
    assert.deepEqual(refused, [], 'refused during the change or after it')
  } finally {
    page.off('response', onResponse)
  }
})

await finish()
