// End-to-end tests of the console in Chromium against a real `shanhai serve` with the demo data.
// Usage: SHANHAI_BINARY=build/shanhai npm --prefix web run e2e
// Screenshots of the main pages go to docs/screenshots/ (SCREENSHOTS=dir to change).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { base32Decode, totpCode } from '../../tests/lib/totp.mjs'
import { launchBrowser, startStack, testRunner, waitForText, webDir } from './lib.mjs'

const shots = process.env.SCREENSHOTS ?? join(webDir, '../docs/screenshots')
mkdirSync(shots, { recursive: true })

const stack = await startStack()
const context = await launchBrowser()
const page = context.pages()[0] ?? (await context.newPage())
page.setDefaultTimeout(15000)
const t = testRunner(async (n) => {
  await page.screenshot({ path: join(stack.dir, `failure-${n}.png`) })
  console.log(`  screenshot: ${join(stack.dir, `failure-${n}.png`)}`)
  // Close whatever dialog or drawer the failed step left open, so later steps start clean.
  for (let i = 0; i < 2; i++) await page.keyboard.press('Escape')
})
console.log(`# console at ${stack.baseUrl} (${stack.embedded ? 'embedded in the binary' : 'vite preview'}), API ${stack.apiUrl}`)

// Every request the page makes must stay on this machine (fonts and icons are bundled).
const outside = []
page.on('request', (r) => {
  const url = new URL(r.url())
  if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) outside.push(r.url())
})

// Whatever the Content-Security-Policy blocks fires a securitypolicyviolation event in the page;
// an init script (run in every document before the console's code) reports each on the console.
const cspViolations = []
await page.addInitScript(() => {
  document.addEventListener('securitypolicyviolation', (e) =>
    console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`))
})
page.on('console', (m) => {
  if (m.text().startsWith('CSP violation:')) cspViolations.push(m.text())
})

const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) })

const textIs = (locator, expected, timeout) => waitForText(page, locator, expected, timeout)

const visitBatches = page.locator('[data-indicator="leadership.visit_batches"] [data-test=actual]')
const dialog = page.locator('.el-dialog:visible')
const field = (key) => dialog.locator(`[data-field="${key}"]`)
async function pick(key, optionText) {
  await field(key).locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click()
}
async function openLedger(groupZh, ledgerZh) {
  const item = page.locator('.el-menu-item', { hasText: ledgerZh })
  if (!(await item.isVisible())) await page.locator('.el-sub-menu__title', { hasText: groupZh }).click()
  await item.click()
  await page.locator('[data-test=ledger-table] .el-table__row').first().waitFor()
}

await t.step('login page: a wrong password is refused with the server message', async () => {
  await page.goto(stack.baseUrl)
  await page.waitForURL(/\/login/)
  await page.locator('input[name=name]').fill('admin')
  await page.locator('input[name=password]').fill('wrong-password')
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=login-error]').waitFor()
  // Enter in the password field submits the form once, as the button does.
  let logins = 0
  const countLogins = (r) => { if (r.url().endsWith('/api/v1/auth/login')) logins++ }
  page.on('request', countLogins)
  await page.locator('input[name=password]').press('Enter')
  await page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'))
  await page.waitForTimeout(300)
  page.off('request', countLogins)
  assert.equal(logins, 1, 'Enter sent the login more than once')
  await page.locator('input[name=password]').fill('')
  await shot('login')
})

await t.step("admin's first login must change init's password, then lands on the dashboard: 交流互访批次 is 19", async () => {
  await page.locator('input[name=password]').fill(stack.initialPassword)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL(/\/password/)
  await page.locator('[data-test=password-forced]').waitFor()
  // Nowhere else to go until the password is changed.
  await page.goto(`${stack.baseUrl}/dashboard`)
  await page.waitForURL(/\/password/)
  const inputs = page.locator('.el-form input[type=password]')
  await inputs.nth(0).fill(stack.initialPassword)
  await inputs.nth(1).fill('admin-Weak-1')
  await inputs.nth(2).fill('admin-Weak-1')
  await page.locator('button[type=submit]').click()
  await page.locator('.el-message--error', { hasText: '用户名' }).waitFor()
  await inputs.nth(1).fill(stack.password)
  await inputs.nth(2).fill(stack.password)
  await page.locator('button[type=submit]').click()
  await page.waitForURL(/\/dashboard/)
  await textIs(visitBatches, '19')
  await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden' }).catch(() => {})
  await page.setViewportSize({ width: 1366, height: 1700 }) // the page scrolls inside the layout: grow to show it all
  await page.waitForTimeout(1200) // charts animate in
  await shot('dashboard')
  await page.setViewportSize({ width: 1366, height: 768 })
})

await t.step('drill down from a figure to the records behind it', async () => {
  await visitBatches.click()
  const drawer = page.locator('.el-drawer:visible')
  await drawer.locator('.el-table__row').first().waitFor()
  assert.equal(await drawer.locator('.el-table__row').count(), 19)
  await shot('dashboard-drill')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
})

await t.step('browse the visits ledger: 20 demo visits, sorted by date', async () => {
  await openLedger('两方力量', '交流互访')
  await textIs(page.locator('[data-test=total]'), '共 20 条') // 19 county-pair visits + 1 of the city pair
  await page.locator('.el-table__header th', { hasText: '开始日期' }).locator('.sort-caret.descending').click()
  await page.waitForTimeout(400)
  const headers = (await page.locator('[data-test=ledger-table] .el-table__header th').allTextContents()).map((s) => s.trim())
  const firstDate = await page.locator('[data-test=ledger-table] .el-table__row').first().locator('td').nth(headers.indexOf('开始日期')).textContent()
  assert.match(firstDate ?? '', /^\d{4}-\d{2}-\d{2}$/)
  await shot('ledger-list')
})

await t.step('add dialog: client rules and the server per-field message are shown', async () => {
  await page.locator('[data-test=add]').click()
  await dialog.waitFor()
  await dialog.locator('[data-test=save]').click()
  await dialog.locator('.el-form-item__error', { hasText: '不能为空' }).first().waitFor()
  await field('title').locator('input').fill('E2E 测试：白云区教育局赴平塘县考察')
  await pick('direction', '东部→西部')
  await field('person_times').locator('input').fill('6')
  await field('start_date').locator('input').fill('2020-07-10')
  await field('start_date').locator('input').press('Enter')
  await field('end_date').locator('input').fill('2020-07-12')
  await field('end_date').locator('input').press('Enter')
  // A start moved past the end: the end is refused beside its field, naming the start.
  await field('start_date').locator('input').fill('2020-07-20')
  await field('start_date').locator('input').press('Enter')
  await dialog.locator('.el-dialog__title').click() // close the date panel
  await dialog.locator('[data-test=save]').click()
  await field('end_date').locator('.el-form-item__error', { hasText: '结束日期不能早于开始日期（2020-07-20）' }).waitFor()
  await shot('edit-dialog')
})

await t.step('save a valid visit: the list grows to 21', async () => {
  await field('start_date').locator('input').fill('2020-07-10')
  await field('start_date').locator('input').press('Enter')
  await dialog.locator('.el-dialog__title').click()
  await dialog.locator('[data-test=save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await textIs(page.locator('[data-test=total]'), '共 21 条')
})

await t.step('edit the visit, then its history shows who changed what, before and after', async () => {
  await page.locator('input[data-test=search-q]').fill('E2E 测试')
  await page.locator('[data-test=search]').click()
  await textIs(page.locator('[data-test=total]'), '共 1 条')
  await page.locator('[data-test=row-edit]').first().click()
  await dialog.waitFor()
  await field('person_times').locator('input').fill('7')
  await dialog.locator('[data-test=save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-test=row-history]').first().click()
  const drawer = page.locator('.el-drawer:visible')
  const update = drawer.locator('.el-timeline-item:has(.el-tag:has-text("修改"))')
  await update.waitFor()
  const cells = await update.locator('.el-table__row', { hasText: '人次' }).locator('td').allTextContents()
  assert.deepEqual(cells.map((c) => c.trim()), ['人次', '6', '7'])
  await drawer.locator('td', { hasText: 'E2E 测试：白云区教育局赴平塘县考察' }).waitFor()
  await page.waitForTimeout(600) // let the drawer finish sliding in
  await shot('history')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
})

await t.step('a need is claimed and delivered with its transition buttons; the history shows both', async () => {
  await openLedger('两种模式', '订单式需求')
  await page.locator('input[data-test=search-q]').fill('茶叶加工生产线技术指导')
  await page.locator('[data-test=search]').click()
  await textIs(page.locator('[data-test=total]'), '共 1 条')
  const row = page.locator('[data-test=ledger-table] .el-table__row').first()
  await row.locator('td', { hasText: '已发布' }).first().waitFor()
  // The edit form shows the status but leaves it to the transitions.
  await row.locator('[data-test=row-edit]').click()
  await dialog.waitFor()
  assert.ok(await field('status').locator('.el-select__wrapper').first().evaluate((e) => e.classList.contains('is-disabled')))
  await field('status').locator('[data-test=state-hint]').waitFor()
  await dialog.locator('.el-dialog__headerbtn').click()
  await dialog.waitFor({ state: 'hidden' })
  // A posted need offers 认领 and 取消需求, nothing that needs a claim first.
  await row.locator('[data-test=transition-claim]').waitFor()
  await row.locator('[data-test=transition-cancel]').waitFor()
  assert.equal(await row.locator('[data-test=transition-deliver]').count(), 0)

  await row.locator('[data-test=transition-claim]').click()
  await dialog.waitFor()
  assert.match(await dialog.locator('.el-dialog__title').textContent(), /认领 · 订单式需求/)
  await dialog.locator('[data-test=transition-submit]').click() // empty: refused, the missing field named
  await dialog.locator('.el-form-item__error').first().waitFor()
  await field('claimed_by_unit_id').locator('.el-select__wrapper').click()
  await field('claimed_by_unit_id').locator('input').fill('白云区结对企业01')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '白云区结对企业01' }).first().click()
  // A claim dated before the need was posted is refused by the server, under the date.
  await field('claimed_date').locator('input').fill('2019-03-01')
  await field('claimed_date').locator('input').press('Enter')
  await dialog.locator('.el-dialog__title').click()
  await dialog.locator('[data-test=transition-submit]').click()
  await field('claimed_date').locator('.el-form-item__error', { hasText: '不能早于发布日期' }).waitFor()
  await field('claimed_date').locator('input').fill('2019-05-06')
  await field('claimed_date').locator('input').press('Enter')
  await dialog.locator('.el-dialog__title').click()
  await shot('transition-claim')
  await dialog.locator('[data-test=transition-submit]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('.el-message', { hasText: '已认领' }).waitFor()
  await row.locator('td', { hasText: '已认领' }).first().waitFor()

  await row.locator('[data-test=transition-deliver]').click()
  await dialog.waitFor()
  await field('delivered_date').locator('input').fill('2019-09-12')
  await field('delivered_date').locator('input').press('Enter')
  await dialog.locator('.el-dialog__title').click()
  await dialog.locator('[data-test=transition-submit]').click()
  await dialog.waitFor({ state: 'hidden' })
  await row.locator('td', { hasText: '已交付' }).first().waitFor()
  assert.equal(await row.locator('[data-test^=transition-]').count(), 0, 'a delivered need offers no transition')

  await row.locator('[data-test=row-history]').click()
  const drawer = page.locator('.el-drawer:visible')
  const claimed = drawer.locator('.el-timeline-item:has([data-action=claim])')
  const delivered = drawer.locator('.el-timeline-item:has([data-action=deliver])')
  await claimed.waitFor()
  await textIs(claimed.locator('.el-tag'), '认领')
  await textIs(delivered.locator('.el-tag'), '交付')
  // Who took each step: admin's display name, masked (the whole name never reaches the page).
  await claimed.locator('.who', { hasText: '张** 认领' }).waitFor()
  await delivered.locator('.who', { hasText: '张** 交付' }).waitFor()
  await textIs(claimed.locator('[data-test=history-by]'), '张**')
  assert.ok(!(await drawer.textContent()).includes('张山海'), 'the history shows the whole display name')
  assert.match(await claimed.locator('.el-timeline-item__timestamp').textContent(), /\d{4}-\d{2}-\d{2}/)
  const changes = await delivered.locator('.el-table__row', { hasText: '状态' }).locator('td').allTextContents()
  assert.deepEqual(changes.map((c) => c.trim()), ['状态', '已认领', '已交付'])
  // Newest first: the delivery above the claim.
  const order = await drawer.locator('.el-timeline-item .el-tag').allTextContents()
  assert.ok(order.indexOf('交付') < order.indexOf('认领'), order.join(','))
  await page.waitForTimeout(600)
  await shot('transition-history')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
})

await t.step('the dashboard figure 交流互访批次 is now 20', async () => {
  await page.locator('.el-menu-item', { hasText: '仪表盘' }).click()
  await page.waitForURL(/\/dashboard/)
  await textIs(visitBatches, '20')
})

await t.step('import a CSV with one bad row: rejected, the row and column named', async () => {
  await openLedger('两方力量', '交流互访')
  const csvPath = join(stack.dir, 'visits.csv')
  writeFileSync(csvPath, [
    '帮扶关系,互访事由,方向,带队领导,领导职务,人次,开始日期,结束日期,备注',
    '440111-522727,导入：白云区卫健局赴平塘县对接,东部→西部（派往受帮扶方）,王五,局长,8,2020-07-15,,',
    '440111-522727,导入：平塘县农业农村局赴白云区学习,西部→东部（派往帮扶方）,赵六,局长,十二,2020-07-16,,',
  ].join('\n'))
  await page.locator('[data-test=import]').click()
  await dialog.waitFor()
  await dialog.locator('[data-test=import-file]').setInputFiles(csvPath)
  await dialog.locator('[data-test=import-summary]').waitFor()
  const errors = dialog.locator('[data-test=import-errors] .el-table__row')
  assert.equal(await errors.count(), 1)
  const cells = await errors.first().locator('td').allTextContents()
  assert.equal(cells[0].trim(), '3') // spreadsheet row 3 (row 1 is the header)
  assert.equal(cells[1].trim(), '人次')
  assert.ok(await dialog.locator('[data-test=import-confirm]').isDisabled())
  await dialog.locator('[data-test=error-sheet]').waitFor()
  await shot('import-preview')
  await page.keyboard.press('Escape')
  await textIs(page.locator('[data-test=total]'), '共 21 条') // nothing stored
})

await t.step('export the filtered view and re-open the xlsx', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export]').click()])
  const file = join(stack.dir, 'export.xlsx')
  await download.saveAs(file)
  assert.match(download.suggestedFilename(), /交流互访.*\.xlsx$/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const sheet = wb.worksheets[0]
  const header = sheet.getRow(1).values.filter(Boolean).map(String)
  assert.ok(header.some((h) => h.includes('互访事由')), `header: ${header}`)
  const titles = []
  sheet.eachRow((row, n) => { if (n > 1) titles.push(String(row.getCell(header.findIndex((h) => h.includes('互访事由')) + 1).value)) })
  assert.equal(titles.length, 21)
  assert.ok(titles.includes('E2E 测试：白云区教育局赴平塘县考察'))
})

await t.step('switch to English and back', async () => {
  await page.locator('[data-test=lang-switch]').click()
  await page.locator('.el-menu', { hasText: 'Dashboard' }).waitFor()
  await page.locator('.el-table__header th', { hasText: 'Start date' }).first().waitFor()
  await page.locator('.el-button', { hasText: 'Add' }).first().waitFor()
  await shot('ledger-list-en')
  await page.locator('[data-test=lang-switch]').click()
  await page.locator('.el-menu', { hasText: '仪表盘' }).waitFor()
})

await t.step('report page renders the narrative', async () => {
  await page.locator('.el-menu-item', { hasText: '报告' }).click()
  await page.locator('[data-test=report] h1, [data-test=report] h2').first().waitFor()
  const text = await page.locator('[data-test=report]').textContent()
  assert.ok(text.includes('交流互访'), 'the report mentions 交流互访')
  await page.screenshot({ path: join(shots, 'report.png'), fullPage: false })
})

await t.step('audit log lists the change made in this run, with before and after', async () => {
  await page.locator('.el-sub-menu__title', { hasText: '系统管理' }).click()
  await page.locator('.el-menu-item', { hasText: '审计日志' }).click()
  const row = page.locator('[data-test=audit-table] .el-table__row', { hasText: '交流互访' }).filter({ hasText: '修改' }).first()
  await row.waitFor()
  await row.locator('.el-table__expand-icon').click()
  const cells = await page.locator('[data-test=audit-table] .change-table .el-table__row', { hasText: '人次' })
    .first().locator('td').allTextContents()
  assert.deepEqual(cells.map((c) => c.trim()), ['人次', '6', '7'])
  await page.waitForTimeout(300)
  await shot('audit')
})

await t.step('audit log: the hash chain verifies; an entry edited in the database shows as the break', async () => {
  const ok = page.locator('[data-test=audit-chain-ok]')
  await ok.waitFor()
  const verified = Number(/已校验 (\d+) 条/.exec(await ok.textContent())?.[1])
  assert.ok(verified > 100, `verified ${verified}`)
  // Edit entry 5 behind the server's back, as someone with access to the database file could.
  const sql = (statement) => execFileSync('sqlite3', [stack.db, statement], { encoding: 'utf8' }).trim()
  const id = sql('SELECT id FROM audit_log WHERE seq = 5')
  sql("UPDATE audit_log SET actor = actor || 'x' WHERE seq = 5")
  await page.locator('[data-test=audit-verify-again]').click()
  const broken = page.locator('[data-test=audit-chain-broken]')
  await broken.waitFor()
  const text = await broken.textContent()
  assert.ok(text.includes(`第 5 条处断开（编号 ${id}`) && text.includes('哈希不符') && text.includes('此前 4 条'), text)
  await shot('audit-broken')
  sql('UPDATE audit_log SET actor = substr(actor, 1, length(actor) - 1) WHERE seq = 5')
  await page.locator('[data-test=audit-verify-again]').click()
  await ok.waitFor()
})

await t.step('dictionaries: add a training category, and the trainings form offers it', async () => {
  const menuItem = page.locator('.el-menu-item', { hasText: '数据字典' })
  if (!(await menuItem.isVisible())) await page.locator('.el-sub-menu__title', { hasText: '系统管理' }).click()
  await menuItem.click()
  await page.locator('[data-test=dictionary-list] .el-table__row', { hasText: '培训类别' }).first().click()
  await textIs(page.locator('[data-test=dictionary-title] .muted'), 'trainings.category')
  await page.locator('[data-test=add-entry]').click()
  await dialog.waitFor()
  await dialog.locator('[data-test=entry-code] input').fill('rural_revival')
  await dialog.locator('[data-test=entry-label-zh] input').fill('乡村振兴培训')
  await dialog.locator('[data-test=entry-label-en] input').fill('rural revitalisation')
  await dialog.locator('[data-test=entry-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-test=entries-table] .el-table__row', { hasText: 'rural_revival' }).waitFor()
  await page.waitForTimeout(300)
  await shot('dictionaries')

  const trainings = page.getByRole('menuitem', { name: '培训', exact: true })
  if (!(await trainings.isVisible())) await page.locator('.el-sub-menu__title', { hasText: '两方力量' }).click()
  await trainings.click()
  await page.locator('[data-test=add]').click()
  await dialog.waitFor()
  await field('category').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '乡村振兴培训' }).waitFor()
  await page.keyboard.press('Escape')
  await dialog.locator('.el-dialog__headerbtn').click()
  await dialog.waitFor({ state: 'hidden' })
})

await t.step('roles: make a role granting two permissions of the visits ledger, then delete it', async () => {
  const menuItem = page.locator('.el-menu-item', { hasText: '角色管理' })
  if (!(await menuItem.isVisible())) await page.locator('.el-sub-menu__title', { hasText: '系统管理' }).click()
  await menuItem.click()
  for (const seeded of ['超级管理员', '系统管理员', '安全管理员', '审计管理员'])
    await page.locator('[data-test=roles-table] .el-table__row', { hasText: seeded }).first().waitFor()
  await page.locator('[data-test=add-role]').click()
  await dialog.waitFor()
  await dialog.locator('[data-test=role-name] input').fill('e2e_visits')
  await dialog.locator('[data-test=role-label] input').fill('E2E互访查阅')
  const visits = dialog.locator('[data-test="group-exchange:visits"]')
  await visits.locator('.group-title', { hasText: '交流互访' }).waitFor()
  await visits.locator('[data-test="perm-exchange:visits:list"]').click()
  await visits.locator('[data-test="perm-exchange:visits:read"]').click()
  await dialog.locator('[data-test=role-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const row = page.locator('[data-test=roles-table] .el-table__row', { hasText: 'e2e_visits' })
  await row.waitFor()
  const saved = await page.evaluate(async () =>
    (await (await fetch('/api/v1/admin/roles')).json()).items.find((r) => r.name === 'e2e_visits'))
  assert.deepEqual(saved.permissions, ['exchange:visits:list', 'exchange:visits:read'])
  await shot('roles')
  await row.locator('[data-test=delete-role]').click()
  await page.locator('.el-message-box__btns .el-button--danger', { hasText: '删除' }).click()
  await row.waitFor({ state: 'detached' })

  // The users page shows each user's roles by their labels and offers every role.
  await page.getByRole('menuitem', { name: '用户', exact: true }).click()
  await page.locator('[data-test=users-table] .el-table__row', { hasText: 'admin' }).filter({ hasText: '超级管理员' }).waitFor()
  await page.locator('[data-test=add-user]').click()
  await dialog.waitFor()
  await dialog.locator('[data-test=user-roles] .el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: /^审计管理员$/ }).waitFor()
  await page.keyboard.press('Escape')
  await dialog.locator('.el-dialog__headerbtn').click()
  await dialog.waitFor({ state: 'hidden' })

  // Editing a user in the dialog saves (the switch sends a JSON boolean): disable one.
  const created = await page.evaluate(async () => {
    const me = await (await fetch('/api/v1/auth/me')).json()
    const res = await fetch('/api/v1/admin/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ name: 'e2e_leaver', password: 'Baiyun-leaves-2026', roles: ['viewer'], must_change_password: false }),
    })
    return res.status
  })
  assert.equal(created, 201)
  await page.reload()
  const leaver = page.locator('[data-test=users-table] .el-table__row', { hasText: 'e2e_leaver' })
  await leaver.locator('[data-test=edit-user]').click()
  await dialog.waitFor()
  await dialog.locator('[data-test=user-disabled]').click()
  await dialog.locator('[data-test=user-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await leaver.filter({ hasText: '已停用' }).waitFor()
  const stored = await page.evaluate(async () =>
    (await (await fetch('/api/v1/admin/users')).json()).items.find((u) => u.name === 'e2e_leaver'))
  assert.equal(stored.disabled, true)
})

await t.step('people: ID numbers are masked; 显示完整 reveals one (and the server audits it)', async () => {
  await page.locator('.el-menu-item', { hasText: '人员库' }).click()
  // Wait for the people rows themselves (the previous page's rows may still be on screen);
  // a masked ID keeps only its province (2 digits): with the region and birth date beside
  // it, any more would rebuild the number.
  const masked = /\d{2}\*{16}/
  await page.locator('[data-test=ledger-table] .el-table__row', { hasText: masked }).first().waitFor()
  const first = page.locator('[data-test=ledger-table] .el-table__row').first()
  assert.match(await first.textContent(), masked)
  await first.locator('[data-test=reveal]').first().click()
  await page.locator('.el-message', { hasText: '审计' }).waitFor()
  assert.match(await first.textContent(), /\d{17}[\dX]/)
  const audit = await page.evaluate(async () => (await (await fetch('/api/v1/admin/audit?action=reveal')).json()).total)
  assert.ok(audit >= 1)
  await shot('people-reveal')
})

await t.step('a viewer sees no add/edit/delete buttons', async () => {
  const r = await page.evaluate(async () => {
    const me = await (await fetch('/api/v1/auth/me')).json()
    const res = await fetch('/api/v1/admin/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ name: 'reader', password: 'Viewer-pass-2026', roles: ['viewer'], region: '522727', must_change_password: false }),
    })
    return res.status
  })
  assert.equal(r, 201)
  await page.locator('[data-test=user-menu]').click()
  await page.locator('[data-test=logout]').click()
  await page.waitForURL(/\/login/)
  await page.locator('input[name=name]').fill('reader')
  await page.locator('input[name=password]').fill('Viewer-pass-2026')
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL(/\/dashboard/)
  await openLedger('两方力量', '交流互访')
  assert.equal(await page.locator('[data-test=add]').count(), 0)
  assert.equal(await page.locator('[data-test=row-delete]').count(), 0)
  assert.equal(await page.locator('.el-sub-menu__title', { hasText: '系统管理' }).count(), 0)
  assert.equal(await page.locator('[data-test=export]').count(), 1)
})

await t.step('an expired session returns to the login page with a message', async () => {
  await context.clearCookies()
  await page.locator('[data-test=search]').click()
  await page.waitForURL(/\/login\?expired=1/)
  await page.locator('.el-alert', { hasText: '登录已过期' }).waitFor()
})

await t.step('phone width: the menu collapses and a ledger is readable', async () => {
  await page.locator('input[name=name]').fill('reader')
  await page.locator('input[name=password]').fill('Viewer-pass-2026')
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => new URL(u).pathname === '/exchange/visits')
  await page.setViewportSize({ width: 390, height: 800 })
  await page.reload()
  // At phone width the records are cards (lists.e2e.mjs tests them in full).
  await page.locator('[data-test=record-card]').first().waitFor()
  assert.equal(await page.locator('.aside').evaluate((el) => el.getBoundingClientRect().width), 0)
  await shot('mobile-ledger')
  await page.setViewportSize({ width: 1366, height: 768 })
})

await t.step('user menu → 两步验证: a QR code, and a code from the app switches TOTP on', async () => {
  await page.locator('[data-test=user-menu]').click()
  await page.locator('[data-test=totp-menu]').click()
  await page.waitForURL(/\/totp/)
  await textIs(page.locator('[data-test=totp-state]'), '两步验证未启用。')
  await page.locator('[data-test=totp-start]').click()
  const qr = page.locator('[data-test=totp-qr]')
  await qr.waitFor()
  assert.ok((await qr.evaluate((img) => img.complete && img.naturalWidth)) > 0, 'the QR code image did not render')
  await shot('totp')
  const secret = base32Decode((await page.locator('[data-test=totp-secret]').textContent()).trim())
  await page.locator('input[name=totp-code]').fill(totpCode(secret))
  await page.locator('[data-test=totp-confirm]').click()
  await textIs(page.locator('[data-test=totp-state]'), '两步验证已启用：登录时需输入验证器应用显示的验证码。')
})

await t.step('no request left the machine', async () => {
  assert.deepEqual(outside, [])
})

await t.step('the console ran under its Content-Security-Policy without a violation', async () => {
  assert.deepEqual(cspViolations, [])
  if (!stack.embedded) return // vite preview sends no policy
  const r = await page.request.get(stack.baseUrl + '/')
  assert.match(r.headers()['content-security-policy'] ?? '', /script-src 'self';/)
  assert.equal(r.headers()['x-frame-options'], 'DENY')
  // The watch works: an inline script injected now is blocked and reported.
  await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.inlineRan = true'
    document.head.appendChild(s)
  })
  await page.waitForTimeout(200)
  assert.equal(await page.evaluate(() => window.inlineRan === true), false, 'an inline script ran')
  assert.equal(cspViolations.length, 1, cspViolations.join('\n'))
  assert.match(cspViolations[0], /^CSP violation: script-src/)
})

await context.close()
stack.stop()
process.exit(t.finish() ? 0 : 1)
