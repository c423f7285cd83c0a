// The console's workbook import (数据导入): a workbook with a sheet named after no ledger, a
// units sheet and a visits sheet with one bad row. The check previews the rows to store per
// sheet and lists the bad row with its sheet; the workbook template and the error sheet
// download from buttons; "skip the bad rows" imports the rest; checking the same workbook again
// says the rows are stored.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish } = await adminSession('book')
const PAIR = '440111-522727'

async function writeBook(file) {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('说明').addRow(['本工作簿由浏览器测试生成'])
  const visits = wb.addWorksheet('交流互访')
  visits.addRow(['*帮扶关系', '*互访事由', '*方向', '*人次', '*开始日期'])
  visits.addRow([PAIR, '工作簿：白云区文旅局赴平塘县对接', 'to_helped', 6, '2020-07-20'])
  visits.addRow([PAIR, '工作簿：平塘县教育局赴白云区跟岗', 'to_helper', '十二', '2020-07-21'])
  const units = wb.addWorksheet('结对单位')
  units.addRow(['*帮扶关系', '*单位名称', '*所属方', '*单位类型'])
  units.addRow([PAIR, '工作簿测试街道', 'helper', 'street'])
  units.addRow([PAIR, '工作簿测试村', 'helped', 'village'])
  await wb.xlsx.writeFile(file)
}
const book = join(stack.dir, 'book.xlsx')
const page$ = page.locator('[data-test=workbook-import]')
const unitsSheet = page$.locator('[data-test=sheet-units]')
const visitsSheet = page$.locator('[data-test=sheet-visits]')
const unitsStored = async () => (await api.get(`/api/v1/pairing/units?q=${encodeURIComponent('工作簿测试')}`)).json.total

async function check() {
  await page$.locator('[data-test=workbook-file]').setInputFiles(book)
  await unitsSheet.locator('[data-test=import-summary]').waitFor()
}

await t.step('a workbook check previews each sheet and names the bad row with its sheet', async () => {
  await writeBook(book)
  await page.locator('.el-menu-item', { hasText: '数据导入' }).click()
  await page.waitForURL(/\/import$/)
  await check()
  await page$.locator('[data-test=ignored-sheets]', { hasText: '说明' }).waitFor()
  assert.equal(await unitsSheet.locator('[data-test=import-preview] .el-table__row').count(), 2)
  assert.match(await unitsSheet.locator('[data-test=import-preview]').innerText(), /工作簿测试街道/)
  const bad = visitsSheet.locator('[data-test=import-errors] .el-table__row')
  assert.equal(await bad.count(), 1)
  const cells = await bad.first().locator('td').allTextContents()
  assert.deepEqual([cells[0].trim(), cells[1].trim()], ['3', '人次'])
  assert.ok(await page$.locator('[data-test=workbook-confirm]').isDisabled())
})

await t.step('the workbook template has a sheet per ledger, pairs and units first', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page$.locator('[data-test=workbook-template]').click()])
  const file = join(stack.dir, 'template.xlsx')
  await download.saveAs(file)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const names = wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name)
  assert.deepEqual(names.slice(0, 2), ['帮扶关系', '结对单位'])
  assert.ok(names.includes('交流互访') && !names.includes('资金拨付'), names.join(','))
})

await t.step('the error sheet downloads from its button, named after the file and the day, and repeats the refused row', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page$.locator('[data-test=error-sheet]').click()])
  assert.match(download.suggestedFilename(), /-有误的行-\d{4}-\d\d-\d\d\.xlsx$/)
  const file = join(stack.dir, 'errors.xlsx')
  await download.saveAs(file)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  assert.equal(wb.worksheets[0].name, '交流互访')
  const rows = []
  wb.worksheets[0].eachRow((row) => rows.push(row.values.slice(1).map(String)))
  assert.deepEqual(rows[0].slice(-2), ['原行号 Row', '错误原因 Problems'])
  assert.equal(rows.length, 2)
  assert.equal(rows[1][3], '十二', 'the refused cell as written')
  assert.equal(rows[1].at(-2), '3')
  assert.match(rows[1].at(-1), /^\[人次\] /)
})

await t.step('"skip the bad rows" imports the rest of the workbook', async () => {
  await page$.locator('[data-test=skip-invalid]').click()
  const confirm = page$.locator('[data-test=workbook-confirm]')
  await page.waitForFunction((el) => !el.disabled, await confirm.elementHandle())
  await confirm.click()
  await page.locator('.el-message--success', { hasText: '已导入 3 条' }).waitFor()
  assert.equal(await unitsStored(), 2)
})

await t.step('checking the same workbook again says its rows are stored already; skipping them stores nothing', async () => {
  await check()
  await unitsSheet.locator('[data-test=import-summary]', { hasText: '2 行已存储' }).waitFor()
  await page$.locator('[data-test=already-stored-skip]').click()
  // Left as stored, not written: the summary says so (the server counts them valid).
  await unitsSheet.locator('[data-test=import-summary]', { hasText: '将写入 0 行，跳过已存储的行 2 行' }).waitFor()
  assert.equal(await unitsStored(), 2)
})

await finish()
