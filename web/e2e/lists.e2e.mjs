// The console as a clerk uses it all day (issue #8): a new record leads the list, the right
// toolbar (search form, refresh, columns), batch delete with its count, text areas, a changed
// dialog that asks before closing, typed Chinese dates, dated export names; a record's evidence;
// the users page (search, paging, password reset, disabling); audit actions by label and filter;
// 方向 as one shared dictionary; a refused delete in words; cards and fitting dialogs at 390 px.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/lists.e2e.mjs
import assert from 'node:assert/strict'
import { ApiClient } from '../../tests/lib/client.mjs'
import { waitForText } from './lib.mjs'
import { adminSession } from './session.mjs'

const { page, api, t, finish } = await adminSession('lists')

const dialog = page.locator('.el-dialog:visible')
const field = (key) => dialog.locator(`[data-field="${key}"]`)
const rows = page.locator('[data-test=ledger-table] .el-table__row')
const total = page.locator('[data-test=total]')
const box = page.locator('.el-message-box:visible')

const textIs = (locator, expected) => waitForText(page, locator, expected)
const count = async () => Number(/\d+/.exec((await total.textContent()) ?? '')?.[0])
const localToday = () => {
  const d = new Date()
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

const origin = () => new URL(page.url()).origin
async function openVisits() {
  const item = page.locator('.el-menu-item', { hasText: '交流互访' })
  if (!(await item.isVisible())) await page.locator('.el-sub-menu__title', { hasText: '两方力量' }).click()
  await item.click()
  await rows.first().waitFor()
}
async function pick(key, optionText) {
  await field(key).locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click()
}
/** Types text into a date input and leaves it (Enter, then a click on the dialog's title). */
async function typeDate(key, text) {
  const input = field(key).locator('input')
  await input.fill(text)
  await input.press('Enter')
  await dialog.locator('.el-dialog__title').click()
}

await t.step('a visit added with typed Chinese dates leads the list (newest first)', async () => {
  await openVisits()
  await textIs(total, '共 20 条')
  await page.locator('[data-test=add]').click()
  await dialog.waitFor()
  await field('title').locator('input').fill('列表测试：新增的互访')
  await pick('direction', '东部→西部')
  await field('person_times').locator('input').fill('4')
  await typeDate('start_date', '2020年5月1日')
  assert.equal(await field('start_date').locator('input').inputValue(), '2020-05-01')
  // An end before the start stays as typed and is refused beside the field when saving.
  await typeDate('end_date', '2020.4.30')
  assert.equal(await field('end_date').locator('input').inputValue(), '2020-04-30')
  await dialog.locator('[data-test=save]').click()
  await field('end_date').locator('.el-form-item__error', { hasText: '结束日期不能早于开始日期（2020-05-01）' }).waitFor()
  await typeDate('end_date', '2020.5.3')
  assert.equal(await field('end_date').locator('input').inputValue(), '2020-05-03')
  // Long free text is a text area, a title one line.
  assert.equal(await field('note').locator('textarea').count(), 1)
  assert.equal(await field('title').locator('textarea').count(), 0)
  await field('note').locator('textarea').fill('第一行\n第二行')
  await dialog.locator('[data-test=save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await textIs(total, '共 21 条')
  await rows.first().locator('td', { hasText: '列表测试：新增的互访' }).waitFor()
})

await t.step('a changed dialog asks before closing; an unchanged one closes at once', async () => {
  await rows.first().locator('[data-test=row-edit]').click()
  await dialog.waitFor()
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
  assert.equal(await box.count(), 0)

  await rows.first().locator('[data-test=row-edit]').click()
  await dialog.waitFor()
  await field('person_times').locator('input').fill('5')
  await dialog.locator('[data-test=cancel]').click()
  await box.waitFor()
  assert.match(await box.textContent(), /未保存的修改/)
  await box.locator('.el-button', { hasText: '继续编辑' }).click()
  await box.waitFor({ state: 'hidden' })
  assert.equal(await field('person_times').locator('input').inputValue(), '5')
  await dialog.locator('.el-dialog__headerbtn').click()
  await box.waitFor()
  await box.locator('.el-button', { hasText: '放弃修改' }).click()
  await dialog.waitFor({ state: 'hidden' })
  const stored = await api.get('/api/v1/exchange/visits?q=' + encodeURIComponent('列表测试'))
  assert.equal(stored.json.items[0].person_times, 4, 'the dropped change was not saved')
})

await t.step('the right toolbar hides the search form, hides a column (kept after a reload), refreshes', async () => {
  await page.locator('[data-test=toggle-search]').click()
  await page.locator('[data-test=search-panel]').waitFor({ state: 'hidden' })
  await page.locator('[data-test=toggle-search]').click()
  await page.locator('[data-test=search-panel]').waitFor()

  const header = page.locator('[data-test=ledger-table] .el-table__header th', { hasText: '带队领导' })
  await header.first().waitFor()
  await page.locator('[data-test=columns]').click()
  await page.locator('[data-test=column-list] [data-column=leader_name]').click()
  await header.first().waitFor({ state: 'detached' })
  await page.keyboard.press('Escape')
  await page.reload()
  await rows.first().waitFor()
  assert.equal(await header.count(), 0, 'the hidden column came back after a reload')
  await page.locator('[data-test=columns]').click()
  await page.locator('[data-test=column-list] [data-column=leader_name]').click()
  await header.first().waitFor()
  await page.keyboard.press('Escape')

  const before = await count()
  const created = await api.request('POST', '/api/v1/exchange/visits', {
    json: { pair: '440111-522727', title: '列表测试：别处新增', direction: 'to_helped', person_times: 2, start_date: '2020-06-01' },
  })
  assert.equal(created.status, 201, created.text)
  await page.locator('[data-test=refresh]').click()
  await textIs(total, `共 ${before + 1} 条`)
  await rows.first().locator('td', { hasText: '列表测试：别处新增' }).waitFor()
})

await t.step('the search form takes a typed Chinese date range', async () => {
  const inputs = page.locator('[data-test=search-panel] .el-range-input')
  await inputs.nth(0).fill('2020年5月1日')
  await inputs.nth(0).press('Enter')
  await inputs.nth(1).fill('2020.5.10')
  await inputs.nth(1).press('Enter')
  await page.locator('[data-test=search]').click()
  await textIs(total, '共 1 条')
  await rows.first().locator('td', { hasText: '列表测试：新增的互访' }).waitFor()
  await page.locator('.el-button', { hasText: '重置' }).click()
})

await t.step('batch delete says how many it deletes', async () => {
  await page.locator('input[data-test=search-q]').fill('列表测试')
  await page.locator('[data-test=search]').click()
  await textIs(total, '共 2 条')
  await page.locator('[data-test=ledger-table] .el-table__header .el-checkbox').click()
  await page.locator('.toolbar .el-button', { hasText: '删除' }).click()
  await box.waitFor()
  assert.match(await box.textContent(), /选中的 2 条记录/)
  await box.locator('.el-button', { hasText: '删除' }).click()
  await page.locator('.el-message--success', { hasText: '已删除 2 条记录' }).waitFor()
  await textIs(total, '共 0 条')
})

await t.step('an export is named after the ledger and the day', async () => {
  await page.locator('.el-button', { hasText: '重置' }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export]').click()])
  assert.equal(download.suggestedFilename(), `交流互访-${localToday()}.xlsx`)
})

await t.step('evidence: upload a picture to a visit, preview it, remove it', async () => {
  await rows.first().locator('[data-test=row-edit]').click()
  await dialog.waitFor()
  const evidence = dialog.locator('[data-test=evidence]')
  await evidence.locator('[data-test=evidence-empty]').waitFor()
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
  await evidence.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png })
  const file = evidence.locator('[data-test=evidence-file]', { hasText: '现场照片.png' })
  await file.waitFor()
  await file.locator('[data-test=evidence-preview]').click()
  const picture = page.locator('[data-test=evidence-picture]')
  await picture.locator('img[src^="blob:"]').waitFor()
  await picture.locator('.el-dialog__headerbtn').click()
  await picture.waitFor({ state: 'hidden' })
  await file.locator('[data-test=evidence-remove]').click()
  await box.waitFor()
  await box.locator('.el-button', { hasText: '删除' }).click()
  await evidence.locator('[data-test=evidence-empty]').waitFor()
  await dialog.locator('[data-test=cancel]').click()
  await dialog.waitFor({ state: 'hidden' })
  const audit = await api.get('/api/v1/admin/audit?action=detach')
  assert.match(audit.json.items[0].detail, /现场照片\.png/)
})

await t.step('users: search and page the list, reset a password, disable a user', async () => {
  for (let i = 1; i <= 21; i++) {
    const r = await api.request('POST', '/api/v1/admin/users', {
      json: { name: `e2e_clerk${String(i).padStart(2, '0')}`, password: 'Clerk-Start-2026-k', roles: ['viewer'] },
    })
    assert.equal(r.status, 201, r.text)
  }
  await page.goto(`${origin()}/admin/users`)
  const users = page.locator('[data-test=users-table] .el-table__row')
  await users.first().waitFor()
  assert.equal(await users.count(), 20, 'one page of 20')
  await page.locator('[data-test=users-pager] .el-pagination__total', { hasText: /2[2-9]/ }).waitFor()
  await page.locator('input[data-test=user-search]').fill('clerk07')
  await page.waitForTimeout(200)
  assert.equal(await users.count(), 1)
  const clerk = users.filter({ hasText: 'e2e_clerk07' })

  await clerk.locator('[data-test=reset-user-password]').click()
  const reset = page.locator('[data-test=reset-password-dialog]')
  await reset.waitFor()
  await reset.locator('input[data-test=reset-password]').fill('Clerk-Reset-2026-q')
  await reset.locator('input[data-test=reset-repeat]').fill('Clerk-Reset-2026-x')
  await reset.locator('[data-test=reset-save]').click()
  await reset.locator('.el-form-item__error', { hasText: '不一致' }).waitFor()
  await reset.locator('input[data-test=reset-repeat]').fill('Clerk-Reset-2026-q')
  await reset.locator('[data-test=reset-save]').click()
  await reset.waitFor({ state: 'hidden' })
  await page.locator('.el-message', { hasText: '密码已重置' }).waitFor()
  const asClerk = new ApiClient(api.base)
  assert.equal((await asClerk.login('e2e_clerk07', 'Clerk-Reset-2026-q')).status, 200, 'the reset password logs in')

  await clerk.locator('[data-test=toggle-user]').click()
  await box.waitFor()
  await box.locator('.el-button--primary').click()
  await clerk.filter({ hasText: '已停用' }).waitFor()
  assert.notEqual((await new ApiClient(api.base).login('e2e_clerk07', 'Clerk-Reset-2026-q')).status, 200, 'a disabled user logs in')
  await page.locator('[data-test=user-status] .el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '已停用' }).click()
  await page.waitForTimeout(200)
  assert.equal(await users.count(), 1)
})

await t.step('audit: every action shown by its label, filtered by action', async () => {
  await page.goto(`${origin()}/admin/audit`)
  const cells = page.locator('[data-test=audit-table] [data-action]')
  await cells.first().waitFor()
  for (const cell of await cells.all()) {
    const [code, text] = [await cell.getAttribute('data-action'), (await cell.textContent()).trim()]
    assert.match(text, /\p{Script=Han}/u, `action ${code} shown as "${text}"`)
  }
  await page.locator('[data-test=audit-action] .el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: /^重置密码$/ }).click()
  await page.locator('.search-form .el-button', { hasText: '搜索' }).click()
  await page.waitForTimeout(400)
  const shown = await cells.allTextContents()
  assert.ok(shown.length >= 1)
  assert.deepEqual([...new Set(shown.map((s) => s.trim()))], ['重置密码'])
})

await t.step('dictionaries: 方向 is one shared set; a change applies to every ledger and keeps its before', async () => {
  await page.goto(`${origin()}/admin/dictionaries`)
  const list = page.locator('[data-test=dictionary-list] .el-table__row')
  await list.first().waitFor()
  const direction = list.filter({ hasText: '方向' })
  assert.equal(await direction.count(), 1, 'one 方向, not four copies')
  await direction.locator('[data-test=shared-set]').waitFor()
  const users = (await direction.textContent()) ?? ''
  for (const ledger of ['交流互访', '挂职派驻', '培训', '帮扶资金']) assert.ok(users.includes(ledger), `${ledger} in ${users}`)
  await direction.click()
  const entry = page.locator('[data-test=entries-table] .el-table__row', { hasText: 'to_helped' })
  await entry.locator('.el-button', { hasText: '修改' }).click()
  await dialog.locator('[data-test=shared-hint]').waitFor()
  await dialog.locator('[data-test=entry-label-zh] input').fill('东部→西部（派出）')
  await dialog.locator('[data-test=entry-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const meta = (await api.get('/api/v1/meta/ledgers')).json.items
  for (const name of ['visits', 'secondments', 'trainings', 'funds']) {
    const field = meta.find((l) => l.name === name).fields.find((f) => f.key === 'direction')
    assert.equal(field.options.find((o) => o.code === 'to_helped').label_zh, '东部→西部（派出）', name)
  }
  const audit = await api.get('/api/v1/admin/audit?action=dictionary_update')
  assert.match(audit.json.items[0].before, /东部→西部（派往受帮扶方）/, 'the entry keeps the label it replaced')
})

await t.step('deleting a unit pairings still name says which ledger and how many, not the database\'s words', async () => {
  const pairing = (await api.get('/api/v1/pairing/pairings?pair=440111-522727&page_size=1')).json.items[0]
  const unit = pairing.helper_unit_id_label
  const referring = (await api.get(`/api/v1/pairing/pairings?helper_unit_id=${pairing.helper_unit_id}`)).json.total
  await page.goto(`${origin()}/pairing/units`)
  await page.locator('input[data-test=search-q]').fill(unit)
  await page.locator('[data-test=search]').click()
  const row = rows.filter({ hasText: unit }).first()
  await row.waitFor()
  await row.locator('[data-test=row-delete]').click()
  await box.waitFor()
  await box.locator('.el-button', { hasText: '删除' }).click()
  const message = page.locator('.el-message--error')
  await message.waitFor()
  const text = await message.textContent()
  assert.ok(text.startsWith('不能删除：仍有') && text.includes(`${referring} 条结对帮扶（帮扶单位）`), text)
  assert.ok(!/FOREIGN|constraint/i.test(text), text)
  await rows.filter({ hasText: unit }).first().waitFor()
})

await t.step('at 390 px the list is cards with their actions in a menu; ranges and dialogs fit', async () => {
  await page.setViewportSize({ width: 390, height: 844 })
  // The side menu folds away on a phone: go by address.
  await page.goto(`${origin()}/exchange/visits`)
  const cards = page.locator('[data-test=record-card]')
  await cards.first().waitFor()
  assert.equal(await page.locator('[data-test=ledger-table]').count(), 0, 'no table at phone width')
  assert.equal(await cards.count(), 20)
  assert.match((await cards.first().locator('[data-test=card-title]').textContent()).trim(), /\S/)
  assert.match((await cards.first().locator('[data-test=card-date]').textContent()).trim(), /^\d{4}-\d{2}-\d{2}$/)
  const fits = async () => page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok((await fits()) <= 390, `page ${await fits()} px wide`)

  await cards.first().locator('[data-test=card-actions]').click()
  await page.locator('[data-test=card-edit]:visible').click()
  await dialog.waitFor()
  const box390 = await page.locator('.el-dialog:visible').boundingBox()
  assert.ok(box390.x >= 0 && box390.x + box390.width <= 390, `dialog ${JSON.stringify(box390)}`)
  await dialog.locator('[data-test=cancel]').click()
  await dialog.waitFor({ state: 'hidden' })

  await page.locator('[data-test=toggle-search]').click()
  const ends = page.locator('[data-test=search-dates] .el-date-editor')
  assert.equal(await ends.count(), 2, 'two single pickers, not a two-month range panel')
  for (const end of await ends.all()) {
    const b = await end.boundingBox()
    assert.ok(b && b.x >= 0 && b.x + b.width <= 390, `date input ${JSON.stringify(b)}`)
  }
  await ends.first().locator('input').click()
  const panel = await page.locator('.el-picker-panel:visible').boundingBox()
  assert.ok(panel.x >= 0 && panel.x + panel.width <= 390, `date panel ${JSON.stringify(panel)}`)
  await page.keyboard.press('Escape')

  // A workflow's steps are in the card's menu; their dialog fits too.
  await page.goto(`${origin()}/needs/needs`)
  const posted = cards.filter({ has: page.locator('[data-key=status]', { hasText: '已发布' }) }).first()
  await posted.locator('[data-test=card-actions]').click()
  await page.locator('[data-test=card-transition-claim]:visible').click()
  await page.locator('[data-test=transition-dialog]').waitFor()
  const claim = await page.locator('.el-dialog:visible').boundingBox()
  assert.ok(claim.x >= 0 && claim.x + claim.width <= 390, `transition dialog ${JSON.stringify(claim)}`)
  await page.keyboard.press('Escape')

  await page.goto(`${origin()}/admin/dictionaries`)
  await page.locator('[data-test=dictionary-list] .el-table__row').first().waitFor()
  assert.ok((await fits()) <= 390, `dictionaries ${await fits()} px wide`)
  await page.setViewportSize({ width: 1366, height: 768 })
})

await finish()
