// A new user's findings on the console (issue #8): the audit page reads in words — an import's
// entries say which file, sheets and rows in a sentence, carry the pair's helped side and no record
// (—), people are named by their display names (the login on hover and in the filter) —; a region
// is shown by its short name within its pair in a list and in the picker (甲坝村, not
// 黔南州平塘县卡蒲毛南族乡甲坝村 nor 甲坝村村民委员会), the whole name and code on hover; on a phone
// (390 px) the dashboard's headline cards come two a row.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/audit.e2e.mjs
import assert from 'node:assert/strict'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { ApiClient } from '../../tests/lib/client.mjs'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish } = await adminSession('audit')
const PAIR = '440111-522727'
const JIABA = '522727200205' // 平塘县卡蒲毛南族乡甲坝村村民委员会 in the catalogue
const JIABA_WHOLE = '黔南州平塘县卡蒲毛南族乡甲坝村'
const CLERK = { login: 'audit_wang', password: 'Audit-Wang-2026-desk', display: '王审计' }

// The clerk (an administrator with a display name) imports a workbook of two visits and changes
// one of them, through the API.
let changedId = 0
await t.step('setup: a named clerk imports a workbook and changes a record', async () => {
  const user = await api.request('POST', '/api/v1/admin/users', { json: {
    name: CLERK.login, password: CLERK.password, roles: ['admin'], display_name: CLERK.display, must_change_password: false } })
  assert.equal(user.status, 201, user.text)
  const clerk = new ApiClient(api.base)
  await clerk.mustLogin(CLERK.login, CLERK.password)
  const wb = new ExcelJS.Workbook()
  const visits = wb.addWorksheet('交流互访')
  visits.addRow(['*帮扶关系', '*互访事由', '*方向', '*人次', '*开始日期'])
  visits.addRow([PAIR, '审计页测试：白云区赴平塘县', 'to_helped', 3, '2021-05-06'])
  visits.addRow([PAIR, '审计页测试：平塘县赴白云区', 'to_helper', 2, '2021-06-07'])
  const bytes = await wb.xlsx.writeBuffer()
  const imported = await clerk.request('POST', '/api/v1/imports', {
    multipart: { filename: 'audit-pair.xlsx', bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })
  assert.equal(imported.status, 200, imported.text)
  const found = await clerk.request('GET', `/api/v1/exchange/visits?pair=${PAIR}&q=${encodeURIComponent('审计页测试：白云区赴平塘县')}`)
  assert.equal(found.status, 200, found.text)
  const visit = found.json.items[0]
  assert.ok(visit, found.text)
  const changed = await clerk.request('PUT', `/api/v1/exchange/visits/${visit.id}`, {
    json: { pair: PAIR, title: visit.title, direction: 'to_helped', person_times: 4, start_date: '2021-05-06', version: visit.version } })
  assert.equal(changed.status, 200, changed.text)
  changedId = visit.id
})

await t.step('the audit page: the import in words with its helped side and no record, the change, the clerk by name', async () => {
  await page.goto(`${stack.baseUrl}/admin/audit`)
  // The filter offers the clerk by name, the login beside.
  await page.locator('[data-test=audit-actor] .el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: `${CLERK.display}（${CLERK.login}）` }).click()
  await page.locator('.search-form button[type=submit]').click()
  const table = page.locator('[data-test=audit-table]')
  const rows = table.locator('.el-table__body-wrapper .el-table__row')
  const fileRow = rows.filter({ has: page.locator('[data-action=import]') }).filter({ hasText: '文件 audit-pair.xlsx' }).last()
  await fileRow.waitFor()
  // Every row shown is the clerk's, by display name, the login on hover.
  for (const name of await table.locator('[data-test=audit-actor-name]').all()) {
    assert.equal((await name.textContent()).trim(), CLERK.display)
    assert.equal(await name.getAttribute('title'), CLERK.login)
  }
  // The workbook's own entry (the last of the import's: newest first): a sentence, not file=… rows=….
  const detail = (await fileRow.locator('[data-test=audit-detail]').textContent()).trim()
  assert.equal(detail, '文件 audit-pair.xlsx · 写入 2 行 · 工作表 交流互访')
  assert.equal((await fileRow.locator('[data-test=audit-record]').textContent()).trim(), '—')
  const region = fileRow.locator('[data-test=audit-region]')
  assert.equal((await region.textContent()).trim(), '黔南州平塘县')
  assert.equal(await region.getAttribute('title'), '黔南州平塘县 522727')

  const change = rows.filter({ has: page.locator('[data-action=update]') }).first()
  assert.equal((await change.locator('[data-test=audit-record]').textContent()).trim(), String(changedId))
  assert.equal((await change.locator('[data-test=audit-region]').textContent()).trim(), '黔南州平塘县')
  assert.equal((await change.locator('[data-test=audit-actor-name]').textContent()).trim(), CLERK.display)

  // In English the same entry reads in English.
  await page.locator('[data-test=lang-switch]').click()
  try {
    await table.locator('[data-test=audit-detail]', { hasText: 'file audit-pair.xlsx · 2 rows stored · sheets 交流互访' }).waitFor()
  } finally {
    if ((await page.evaluate(() => document.documentElement.lang)) === 'en') await page.locator('[data-test=lang-switch]').click()
  }
  await page.locator('html[lang=zh-CN]').waitFor({ state: 'attached' })
})

await t.step('a region reads as tables say it: 甲坝村 in the list and the picker, the whole name and code on hover', async () => {
  const unit = await api.request('POST', '/api/v1/pairing/units', {
    json: { pair: PAIR, name: '审计页名称测试村', side: 'helped', kind: 'village', region_code: JIABA } })
  assert.equal(unit.status, 201, unit.text)
  assert.equal(unit.json.region_code_name, '甲坝村')
  assert.equal(unit.json.region_code_label, JIABA_WHOLE)
  await page.goto(`${stack.baseUrl}/pairing/units`)
  await page.locator('input[data-test=search-q]').fill('审计页名称测试村')
  await page.locator('[data-test=search]').click()
  const row = page.locator('[data-test=ledger-table] .el-table__row', { hasText: '审计页名称测试村' }).first()
  const cell = row.locator(`span[title="${JIABA_WHOLE} ${JIABA}"]`)
  await cell.waitFor()
  assert.equal((await cell.textContent()).trim(), '甲坝村')

  await row.locator('[data-test=row-edit]').click()
  const dialog = page.locator('.el-dialog:visible')
  const input = dialog.locator('[data-field="region_code"] [data-test=region-cascader] input')
  await page.waitForFunction((el) => el.value === '平塘县 / 卡蒲毛南族乡 / 甲坝村', await input.elementHandle())
  await input.click()
  const menus = page.locator('.region-cascader:visible .el-cascader-menu')
  await menus.nth(2).locator('.el-cascader-node', { hasText: '甲坝村' }).first().waitFor()
  const villages = (await menus.nth(2).locator('.el-cascader-node').allTextContents()).map((s) => s.trim())
  assert.ok(villages.includes('甲坝村'), villages.join(' | '))
  assert.ok(!villages.some((v) => /委员会/.test(v)), villages.join(' | '))
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
})

// Boxes of the locator's elements.
const boxes = async (locator) => Promise.all((await locator.all()).map((e) => e.boundingBox()))

await t.step('at 390 px the dashboard\'s headline cards come two a row, figures and units whole; the report fits', async () => {
  await page.setViewportSize({ width: 390, height: 844 })
  try {
    await page.goto(`${stack.baseUrl}/dashboard`)
    const cards = page.locator('[data-test=headline] .card')
    await cards.nth(10).locator('[data-test=actual]').waitFor()
    const shown = await boxes(cards)
    assert.equal(shown.length, 11)  // the catalogue's headline figures, the labour one last
    for (let i = 0; i + 1 < shown.length; i += 2) {
      const [left, right] = [shown[i], shown[i + 1]]
      assert.ok(Math.abs(left.y - right.y) < 1 && right.x > left.x + left.width - 1, `cards ${i}, ${i + 1}: ${JSON.stringify([left, right])}`)
      assert.ok(right.x + right.width <= 390, `card ${i + 1} off screen: ${JSON.stringify(right)}`)
    }
    for (let i = 0; i < shown.length; i++) {
      const card = cards.nth(i)
      const figure = await card.locator('[data-test=actual]').boundingBox()
      assert.ok(figure.x + figure.width <= shown[i].x + shown[i].width, `card ${i}'s figure overflows`)
      const unit = card.locator('.unit')
      if (await unit.count()) {
        const u = await unit.boundingBox()
        // One line: the unit is never broken (万 / 元).
        assert.ok(u.height < 24 && u.x + u.width <= shown[i].x + shown[i].width, `card ${i}'s unit: ${JSON.stringify(u)}`)
      }
    }
    // The sections below keep their one card a row.
    const below = await boxes(page.locator('.sections .cards').first().locator('.card'))
    assert.ok(below.length > 1 && below[1].y > below[0].y + below[0].height - 1, JSON.stringify(below.slice(0, 2)))

    await page.goto(`${stack.baseUrl}/report`)
    await page.locator('[data-test=report] h2', { hasText: '一、' }).first().waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(overflow <= 390, `the report is ${overflow} px wide at 390 px`)
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 })
  }
})

await finish()
