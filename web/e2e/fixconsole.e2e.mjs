// Money in the record form and the list (issue #8, review fixes): a 元 field takes "50万" as
// typed, and the list names the column without （元） above values it shows as 万元.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/fixconsole.e2e.mjs
import assert from 'node:assert/strict'
import { adminSession } from './session.mjs'

const { page, t, finish } = await adminSession('fixconsole')

const dialog = page.locator('.el-dialog:visible')
const rows = page.locator('[data-test=ledger-table] .el-table__row')
const headers = page.locator('[data-test=ledger-table] th')

await t.step('a 元 field takes 50万; the column says 估算价值 above 50.00万元', async () => {
  await page.goto(new URL('/needs/needs', page.url()).href)
  await rows.first().waitFor()
  const titles = await headers.allTextContents()
  assert.ok(titles.some((h) => h.trim() === '估算价值'), titles.join('|'))
  assert.ok(!titles.some((h) => h.includes('（元）')), titles.join('|'))
  await rows.first().locator('[data-test=row-edit]').click()
  await dialog.waitFor()
  const amount = dialog.locator('[data-field="value_fen"] input')
  await amount.fill('50万')
  await dialog.locator('[data-test=save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await rows.first().filter({ hasText: '50.00万元' }).waitFor()
})

await finish()
