// The import dialog's check as a clerk reads it (issue #8): the rows to store are only those the
// database would take — not the bad row — shown as the list shows them (the pair, named in the
// file by one side, by its name); in English the counts say "1 row" / "2 rows".
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/cli.e2e.mjs
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { adminSession } from './session.mjs'

const { stack, page, t, finish } = await adminSession('cli')
const dialog = page.locator('.el-dialog:visible')
const origin = () => new URL(page.url()).origin

// A visits file naming the pair by its helped side; row 3's 人次 is 0, which is refused.
function visitsFile(name, rows) {
  const path = join(stack.dir, name)
  writeFileSync(path, ['帮扶关系,互访事由,方向,人次,开始日期', ...rows].join('\n') + '\n')
  return path
}

async function check(file) {
  await page.goto(`${origin()}/exchange/visits`)
  await page.locator('[data-test=ledger-table] .el-table__row').first().waitFor()
  await page.locator('[data-test=import]').click()
  await dialog.waitFor()
  await dialog.locator('[data-test=import-file]').setInputFiles(file)
  await dialog.locator('[data-test=import-summary]').waitFor()
}

await t.step('the check lists only the good row, its pair by name, and says how many rows', async () => {
  await check(visitsFile('two.csv', ['平塘县,预览：白云区赴平塘县,to_helped,4,2021-06-01', '平塘县,预览：人次为零,to_helped,0,2021-06-02']))
  assert.match(await dialog.locator('[data-test=import-summary]').textContent(), /共 2 行：将写入 1 行，1 行有问题（须改正，或选择跳过）/)
  const preview = dialog.locator('[data-test=import-preview] .el-table__body .el-table__row')
  assert.equal(await preview.count(), 1)
  const cells = (await preview.first().locator('td').allTextContents()).map((c) => c.trim())
  assert.equal(cells[0], '广州市白云区—黔南州平塘县')
  assert.ok(cells.includes('预览：白云区赴平塘县'), cells.join('|'))
  assert.equal(await dialog.locator('[data-test=import-errors] .el-table__body .el-table__row').count(), 1)
  await page.keyboard.press('Escape')
})

await t.step('in English one row is "1 row", two are "2 rows"', async () => {
  await page.locator('[data-test=lang-switch]').click()
  try {
    await page.locator('html[lang=en]').waitFor({ state: 'attached' })
    await check(visitsFile('one.csv', ['平塘县,预览：一行,to_helped,4,2021-06-03']))
    assert.match(await dialog.locator('[data-test=import-summary]').textContent(), /^\s*1 row: 1 to store/)
    assert.match(await dialog.textContent(), /The row to store/)
    await page.keyboard.press('Escape')
    await check(visitsFile('two-en.csv', ['平塘县,预览：两行一,to_helped,4,2021-06-04', '平塘县,预览：两行二,to_helped,5,2021-06-05']))
    assert.match(await dialog.locator('[data-test=import-summary]').textContent(), /^\s*2 rows: 2 to store/)
    assert.match(await dialog.textContent(), /Rows to store \(first 2\)/)
    await page.keyboard.press('Escape')
  } finally {
    if ((await page.evaluate(() => document.documentElement.lang)) === 'en') await page.locator('[data-test=lang-switch]').click()
  }
})

await finish()
