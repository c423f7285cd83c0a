// The import page keeps an account of the last import: a summary card with the file, the counts
// per sheet (stored; stored already and skipped) and links to the list and the audit log, which
// stays after the success message has gone, is replaced by the next import and can be closed.
// A re-import's check says the rows are stored already, not that they are bad, and lists them apart.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/importsummary.e2e.mjs
import assert from 'node:assert/strict'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { adminSession } from './session.mjs'

const { stack, page, t, finish } = await adminSession('importsummary')
const origin = () => new URL(page.url()).origin
const book = page.locator('[data-test=workbook-import]')
const card = book.locator('[data-test=import-summary-card]')
const confirm = book.locator('[data-test=workbook-confirm]')

// Two visits of the demo pair, their counts typed with the unit as a clerk's own sheet has them.
const file = join(stack.dir, '平塘县互访.xlsx')
const wb = new ExcelJS.Workbook()
const visits = wb.addWorksheet('交流互访')
visits.addRow(['*帮扶关系', '*互访事由', '*方向', '*人次', '*开始日期'])
visits.addRow(['广州市白云区—黔南州平塘县', '汇总卡测试：白云区赴平塘县考察', '东部→西部', '12 人次', '2021-05-06'])
visits.addRow(['广州市白云区—黔南州平塘县', '汇总卡测试：平塘县赴白云区学习', '西部→东部', '3人次', '2021-06-08'])
await wb.xlsx.writeFile(file)

async function checkFile() {
  await book.locator('[data-test=workbook-file]').setInputFiles(file)
  await book.locator('[data-test=sheet-visits] [data-test=import-summary]').waitFor()
}

await t.step('after an import the page keeps a summary card of it, past the success message', async () => {
  await page.goto(`${origin()}/import`)
  await checkFile()
  await page.waitForFunction((el) => !el.disabled, await confirm.elementHandle())
  await confirm.click()
  await page.locator('.el-message--success', { hasText: '已导入 2 条' }).waitFor()
  await card.waitFor()
  await page.locator('.el-message--success').waitFor({ state: 'detached', timeout: 10000 })
  assert.match(await card.locator('[data-test=summary-title]').textContent(), /^\s*上次导入：平塘县互访\.xlsx（\d\d:\d\d）\s*$/)
  assert.match(await card.locator('[data-test=summary-totals]').textContent(), /写入 2 条，更新 0 条；跳过已存储的行 0 行/)
  const row = (await card.locator('[data-test=summary-sheets] .el-table__row').allInnerTexts())[0]
  assert.deepEqual(row.split(/\s+/).filter(Boolean), ['交流互访', '2', '0', '0', '0'])
  assert.equal(await card.locator('[data-test=summary-audit]').count(), 1)
})

await t.step('a re-import is checked as rows stored already, not bad ones; skipping them replaces the card', async () => {
  await checkFile()
  const summary = book.locator('[data-test=sheet-visits] [data-test=import-summary]')
  await summary.filter({ hasText: '2 行已存储' }).waitFor()
  assert.match(await summary.textContent(), /共 2 行：将写入 0 行，2 行已存储（须选择跳过或更新）/)
  // Listed under their own heading, not as rows with problems.
  const sheet = book.locator('[data-test=sheet-visits]')
  assert.equal(await sheet.locator('[data-test=import-errors]').count(), 0, 'no stored row among the bad ones')
  assert.equal(await sheet.locator('[data-test=import-stored] .el-table__body .el-table__row').count(), 2)
  assert.match(await sheet.textContent(), /已存储的行（2 行，不算有问题的行）/)
  assert.ok(await confirm.isDisabled(), 'a file of stored rows may be imported as it is')
  assert.equal(await card.count(), 1, 'the card stays while the next file is checked')
  await book.locator('[data-test=already-stored-skip]').click()
  await summary.filter({ hasText: '共 2 行：将写入 0 行，跳过已存储的行 2 行' }).waitFor()
  await page.waitForFunction((el) => !el.disabled, await confirm.elementHandle())
  await confirm.click()
  await card.locator('[data-test=summary-totals]', { hasText: '写入 0 条，更新 0 条；跳过已存储的行 2 行' }).waitFor()
})

await t.step('the card links to the ledger list and can be closed', async () => {
  await card.locator('[data-test=summary-close]').click()
  await card.waitFor({ state: 'detached' })
  await checkFile()
  await book.locator('[data-test=already-stored-skip]').click()
  await page.waitForFunction((el) => !el.disabled, await confirm.elementHandle())
  await confirm.click()
  await card.locator('[data-test=summary-list-visits]').click()
  await page.waitForURL(/\/exchange\/visits$/)
})

await finish()
