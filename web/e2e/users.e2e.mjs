// The users page by name (issue #8): a user's region scope picked by typing a village's name (the
// server's search reaches towns and villages of the whole catalogue without opening a county),
// the organisation (所属单位) picked and shown by its name, and at 390 px the users as cards with
// their actions in a menu.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish } = await adminSession('users')
const JIABA = '522727200205' // 平塘县卡蒲毛南族乡甲坝村; 惠水县 has a 甲坝村 too (522731103227)
const dialog = page.locator('.el-dialog:visible')
const rows = page.locator('[data-test=users-table] .el-table__row')
const rowOf = (name) => rows.filter({ hasText: name })

const unitPage = await api.request('GET', `/api/v1/pairing/units?pair=440111-522727&q=${encodeURIComponent('甲坝村')}`)
assert.equal(unitPage.status, 200, unitPage.text)
const unit = unitPage.json.items.find((u) => u.name === '甲坝村')
assert.ok(unit, unitPage.text)

await t.step('typing 甲坝 in the region scope finds both villages so named, with their places; one is saved', async () => {
  await page.goto(`${stack.baseUrl}/admin/users`)
  await rows.first().waitFor()
  await page.locator('[data-test=add-user]').click()
  await dialog.locator('.el-form-item', { hasText: '用户名' }).locator('input').fill('jiabaunit')
  await dialog.locator('input[data-test=user-display-name]').fill('王芳')
  await dialog.locator('input[type=password]').fill('Jiaba-unit-desk-2021')
  const cascader = dialog.locator('[data-test=region-cascader]')
  const input = cascader.locator('input')
  await input.click()
  await input.pressSequentially('甲坝')
  const hits = page.locator('.region-cascader [data-test=region-hit]:visible')
  await hits.first().waitFor()
  const texts = (await hits.allTextContents()).map((s) => s.trim())
  assert.ok(texts.includes('贵州省 / 黔南布依族苗族自治州 / 平塘县 / 卡蒲毛南族乡 / 甲坝村'), texts.join(' | '))
  assert.ok(texts.some((s) => s.includes('惠水县')), texts.join(' | '))
  await hits.filter({ hasText: '卡蒲毛南族乡' }).first().click()
  await cascader.and(page.locator(`[data-code="${JIABA}"]`)).waitFor()
  await page.waitForFunction((el) => el.value.endsWith('甲坝村'), await input.elementHandle())

  // Named with its town it is the one region; by initials alone it is one of many across the
  // catalogue, and the list says how many more there are.
  await input.click()
  await input.fill('')
  await input.pressSequentially('卡蒲乡甲坝村')
  await page.waitForFunction(() => {
    const shown = [...document.querySelectorAll('.region-cascader [data-test=region-hit]')].filter((e) => e.offsetParent)
    return shown.length === 1 && shown[0].textContent.trim().endsWith('卡蒲毛南族乡 / 甲坝村')
  })
  await input.fill('')
  await input.pressSequentially('jbc')
  await page.locator('.region-cascader:visible [data-test=region-hits]', { hasText: /共 \d+ 个相符，仅列出前 20 个/ }).waitFor()
  assert.equal(await hits.count(), 20)
  await page.keyboard.press('Escape')
  await cascader.and(page.locator(`[data-code="${JIABA}"]`)).waitFor()
})

await t.step('所属单位 is found by its name and shown by it, in the table and when editing', async () => {
  const owner = dialog.locator('[data-test=user-owner-record]')
  await owner.locator('.el-select__wrapper').click()
  await owner.locator('input').pressSequentially('甲坝村')
  await page.locator('.el-select-dropdown__item:visible', { hasText: /^\s*甲坝村\s*$/ }).first().click()
  await dialog.locator('[data-test=user-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const users = await api.request('GET', '/api/v1/admin/users')
  const saved = users.json.items.find((u) => u.name === 'jiabaunit')
  assert.deepEqual({ region: saved.region, owner_ledger: saved.owner_ledger, owner_id: saved.owner_id, owner_label: saved.owner_label },
    { region: JIABA, owner_ledger: 'units', owner_id: unit.id, owner_label: '甲坝村' })
  const row = rowOf('jiabaunit')
  await row.locator(`[title="${JIABA}"]`, { hasText: '甲坝村' }).waitFor()
  const cells = (await row.locator('td').allTextContents()).map((s) => s.trim())
  assert.ok(cells.includes('甲坝村'), cells.join(' | '))
  assert.ok(!cells.includes(String(unit.id)), `the unit's id shows: ${cells.join(' | ')}`)

  await row.locator('[data-test=edit-user]').click()
  await dialog.locator('[data-test=user-owner] .el-select__selected-item', { hasText: '甲坝村' }).first().waitFor()
  const region = await dialog.locator('[data-test=region-cascader] input').elementHandle()
  await page.waitForFunction((el) => el.value.endsWith('卡蒲毛南族乡 / 甲坝村'), region)
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
})

await t.step('an HR account: 企业招聘专员 picks 用工企业, the company is found by name and kept by a later save', async () => {
  await page.goto(`${stack.baseUrl}/admin/users`)
  await rows.first().waitFor()
  await page.locator('[data-test=add-user]').click()
  await dialog.locator('.el-form-item', { hasText: '用户名' }).locator('input').fill('hr_compressor')
  await dialog.locator('input[type=password]').fill('Compressor-hr-2021x')
  await dialog.locator('[data-test=user-roles] .el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '企业招聘专员' }).click()
  await dialog.locator('.el-dialog__title').click()  // closes the role list, not the dialog
  await dialog.locator('[data-test=user-owner-ledger] .el-select__selected-item', { hasText: '用工企业' }).waitFor()
  const record = dialog.locator('[data-test=user-owner-record]')
  await record.locator('.el-select__wrapper').click()
  await record.locator('input').pressSequentially('压缩机')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '压缩机' }).first().click()
  await dialog.locator('[data-test=user-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const saved = async () => (await api.request('GET', '/api/v1/admin/users')).json.items.find((u) => u.name === 'hr_compressor')
  const first = await saved()
  assert.equal(first.owner_ledger, 'employers', JSON.stringify(first))
  assert.ok(first.owner_id > 0, JSON.stringify(first))
  // Saved again unchanged, it stays the company's account (the form once sent it to the units ledger).
  await rowOf('hr_compressor').locator('[data-test=edit-user]').click()
  await dialog.locator('[data-test=user-owner-record] .el-select__selected-item', { hasText: '压缩机' }).first().waitFor()
  await dialog.locator('[data-test=user-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const again = await saved()
  assert.deepEqual([again.owner_ledger, again.owner_id], ['employers', first.owner_id])
})

await t.step('at 1366 px a user row\'s actions are on screen without scrolling sideways', async () => {
  await page.goto(`${stack.baseUrl}/admin/users`)
  for (const action of ['edit-user', 'reset-user-password', 'toggle-user']) {
    const button = page.locator(`[data-test=${action}]:visible`).first()
    await button.waitFor()
    const box = await button.boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= 1366, `${action} at ${JSON.stringify(box)}`)
  }
})

await t.step('at 390 px the users are cards: display name and login, key fields, actions in a menu', async () => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${stack.baseUrl}/admin/users`) // the side menu folds away on a phone: go by address
  const cards = page.locator('[data-test=user-card]')
  await cards.first().waitFor()
  assert.equal(await page.locator('[data-test=users-table]').count(), 0)
  const card = cards.filter({ hasText: 'jiabaunit' })
  assert.equal((await card.locator('[data-test=card-title]').textContent()).trim(), '王芳（jiabaunit）')
  assert.equal((await card.locator('[data-key=owner]').textContent()).trim(), '甲坝村')
  await card.locator(`[data-key=region] [title="${JIABA}"]`, { hasText: '甲坝村' }).waitFor()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `page ${width} px wide`)
  await page.screenshot({ path: join(stack.dir, 'users-390.png') })
  await card.locator('[data-test=card-actions]').click()
  await page.locator('[data-test=card-edit]:visible').click()
  await dialog.locator('[data-test=user-owner] .el-select__selected-item', { hasText: '甲坝村' }).first().waitFor()
  const box = await dialog.boundingBox()
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `dialog ${JSON.stringify(box)}`)
  await page.keyboard.press('Escape')
})

await finish()
