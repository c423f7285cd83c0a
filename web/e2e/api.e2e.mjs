// The console sends the version it showed with every change: a row someone else changed after the
// list was loaded is neither deleted nor overwritten — the clerk is told and the record stays.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/api.e2e.mjs
import assert from 'node:assert/strict'
import { adminSession } from './session.mjs'

const { page, api, t, finish } = await adminSession('api')
const PAIR = '440111-522727'
const origin = () => new URL(page.url()).origin
const rows = page.locator('[data-test=ledger-table] .el-table__row')
const box = page.locator('.el-message-box:visible')

async function newVisit(title) {
  const r = await api.request('POST', '/api/v1/exchange/visits', {
    json: { pair: PAIR, title, direction: 'to_helped', person_times: 2, start_date: '2021-03-01' },
  })
  assert.equal(r.status, 201, r.text)
  return r.json
}

async function listed(title) {
  await page.goto(`${origin()}/exchange/visits`)
  await page.locator('input[data-test=search-q]').fill(title)
  await page.locator('[data-test=search]').click()
  const row = rows.filter({ hasText: title }).first()
  await row.waitFor()
  return row
}

await t.step('deleting a row changed by someone else since the list loaded is refused and the row stays', async () => {
  const title = '版本测试：他人刚修改的互访'
  const visit = await newVisit(title)
  const row = await listed(title)
  // Someone else changes it while the clerk looks at the list.
  const changed = await api.request('PUT', `/api/v1/exchange/visits/${visit.id}`, { json: { person_times: 5, version: visit.version } })
  assert.equal(changed.status, 200, changed.text)
  await row.locator('[data-test=row-delete]').click()
  await box.waitFor()
  await box.locator('.el-button', { hasText: '删除' }).click()
  const message = page.locator('.el-message--error')
  await message.waitFor()
  assert.match(await message.textContent(), /已被他人修改/)
  assert.equal((await api.get(`/api/v1/exchange/visits/${visit.id}`)).status, 200)
  // Reloaded, the row carries the new version and goes.
  const fresh = await listed(title)
  await fresh.locator('[data-test=row-delete]').click()
  await box.waitFor()
  await box.locator('.el-button', { hasText: '删除' }).click()
  await page.locator('.el-message--success', { hasText: '已删除' }).waitFor()
  assert.equal((await api.get(`/api/v1/exchange/visits/${visit.id}`)).status, 404)
})

await t.step('saving an edit over a change made meanwhile is refused, and the other change is kept', async () => {
  const title = '版本测试：同时修改的互访'
  const visit = await newVisit(title)
  const row = await listed(title)
  await row.locator('[data-test=row-edit]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.waitFor()
  const changed = await api.request('PUT', `/api/v1/exchange/visits/${visit.id}`, { json: { person_times: 7, version: visit.version } })
  assert.equal(changed.status, 200, changed.text)
  await dialog.locator('[data-field="person_times"] input').fill('9')
  await dialog.locator('[data-test=save]').click()
  await dialog.locator('[data-test=form-error]', { hasText: '已被他人修改' }).waitFor()
  assert.equal((await api.get(`/api/v1/exchange/visits/${visit.id}`)).json.person_times, 7)
  await dialog.locator('[data-test=cancel]').click()
  // Closing a changed form asks first.
  if (await box.isVisible()) await box.locator('.el-button--primary').click()
  await dialog.waitFor({ state: 'hidden' })
})

await finish()
