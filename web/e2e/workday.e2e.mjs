// A console a clerk can use all day (issue #8): the header names the signed-in person (王芳, the
// login on hover); at a laptop's 1366 px every ledger's key columns come first and whole (互访交流's
// 互访事由, 开始日期, 方向), the ID column hidden; at 390 px the cards follow the order chosen above
// them (by date, newest first, by default; the order of entry after an add); a batch delete says
// how many and that it cannot be undone, and Enter deletes nothing.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/workday.e2e.mjs
import assert from 'node:assert/strict'
import { waitForText } from './lib.mjs'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish } = await adminSession('workday')
const origin = () => new URL(page.url()).origin
const dialog = page.locator('.el-dialog:visible')
const field = (key) => dialog.locator(`[data-field="${key}"]`)
const box = page.locator('.el-message-box:visible')
const rows = page.locator('[data-test=ledger-table] .el-table__row')
const total = page.locator('[data-test=total]')

/** The table's header cells by their text, each: shown whole on one line, and inside the visible
 *  part of the table (left of the fixed 操作 column). */
async function headers() {
  return page.locator('[data-test=ledger-table]').evaluate((table) => {
    const shown = table.getBoundingClientRect()
    const fixed = table.querySelector('.el-table__header-wrapper th.el-table-fixed-column--right')
    const right = fixed ? fixed.getBoundingClientRect().left : shown.right
    return [...table.querySelectorAll('.el-table__header-wrapper th')].map((th) => {
      const cell = th.querySelector('.cell')
      const b = th.getBoundingClientRect()
      const line = parseFloat(getComputedStyle(cell).lineHeight)
      return {
        text: cell.textContent.trim(),
        whole: cell.scrollWidth <= cell.clientWidth && cell.clientHeight < 2 * line,
        visible: b.left >= shown.left && (th.classList.contains('el-table-fixed-column--right') || b.right <= right + 1),
      }
    })
  })
}

await t.step('the header names admin by the display name, the login on hover', async () => {
  const user = page.locator('[data-test=user-menu]')
  await waitForText(page, user.locator('[data-test=user-name]'), '张山海')
  assert.equal(await user.getAttribute('title'), 'admin')
})

await t.step('at 1366 px 互访交流 shows 互访事由, 开始日期 and 方向 first and whole; no ID column', async () => {
  await page.goto(`${origin()}/exchange/visits`)
  await rows.first().waitFor()
  const all = await headers()
  const texts = all.map((h) => h.text)
  assert.deepEqual(texts.slice(1, 4), ['互访事由', '开始日期', '方向'], texts.join('|'))
  assert.ok(!texts.includes('ID'), texts.join('|'))
  for (const name of ['互访事由', '开始日期', '方向']) {
    const h = all.find((x) => x.text === name)
    assert.ok(h.whole && h.visible, `${name}: ${JSON.stringify(h)}`)
  }
  // The ID column is one switch away.
  await page.locator('[data-test=columns]').click()
  await page.locator('[data-test=column-list] [data-column=id]').click()
  await page.locator('[data-test=ledger-table] .el-table__header th', { hasText: /^ID$/ }).waitFor()
  await page.locator('[data-test=column-list] [data-column=id]').click()
  await page.keyboard.press('Escape')
  await page.screenshot({ path: `${stack.dir}/workday-visits-1366.png` })
})

await t.step('at 1366 px every ledger’s first three columns are whole and on screen', async () => {
  const ledgers = (await api.request('GET', '/api/v1/meta/ledgers')).json.items
  for (const l of ledgers) {
    await page.goto(`${origin()}/${l.module}/${l.name}`)
    await page.locator('[data-test=ledger-table] .el-table__row, [data-test=ledger-table] .el-table__empty-text').first().waitFor()
    const lead = (await headers()).slice(1, 4) // after the selection box
    for (const h of lead) assert.ok(h.whole && h.visible, `${l.name}: ${JSON.stringify(h)}`)
  }
})

await t.step('a batch delete names the count and that it cannot be undone; Enter deletes nothing', async () => {
  for (const title of ['批量删除测试一', '批量删除测试二']) {
    const r = await api.request('POST', '/api/v1/exchange/visits', {
      json: { pair: '440111-522727', title, direction: 'to_helped', person_times: 2, start_date: '2020-06-01' } })
    assert.equal(r.status, 201, r.text)
  }
  await page.goto(`${origin()}/exchange/visits`)
  await page.locator('input[data-test=search-q]').fill('批量删除测试')
  await page.locator('[data-test=search]').click()
  await waitForText(page, total, '共 2 条')
  await page.locator('[data-test=ledger-table] .el-table__header .el-checkbox').click()
  await page.locator('.toolbar .el-button', { hasText: '删除' }).click()
  await box.waitFor()
  assert.match(await box.textContent(), /选中的 2 条记录/)
  assert.match(await box.textContent(), /不能撤销/)
  // The safe choice is the primary one; the destructive one is red and not focused.
  assert.equal((await box.locator('.el-button--primary').textContent()).trim(), '取消')
  assert.equal((await box.locator('.el-button--danger').textContent()).trim(), '删除')
  assert.equal(await box.locator('.el-button--danger').evaluate((b) => b === document.activeElement), false)
  await page.keyboard.press('Enter')
  await page.waitForTimeout(500)
  const left = await api.request('GET', '/api/v1/exchange/visits?q=' + encodeURIComponent('批量删除测试'))
  assert.equal(left.json.total, 2, 'Enter deleted the records')
  if (await box.isVisible()) await box.locator('.el-button--danger').click()
  else {
    await page.locator('.toolbar .el-button', { hasText: '删除' }).click()
    await box.locator('.el-button--danger').click()
  }
  await page.locator('.el-message--success', { hasText: '已删除 2 条记录' }).waitFor()
  await waitForText(page, total, '共 0 条')
})

await t.step('at 390 px the cards follow the order chosen above them; after an add, the order of entry', async () => {
  await page.setViewportSize({ width: 390, height: 844 })
  try {
    await page.goto(`${origin()}/exchange/visits`)
    const cards = page.locator('[data-test=record-card]')
    await cards.first().waitFor()
    const dates = async () => (await cards.locator('[data-test=card-date]').allTextContents()).map((s) => s.trim())
    const sorted = (ds, dir) => ds.every((d, i) => i === 0 || (dir > 0 ? ds[i - 1] <= d : ds[i - 1] >= d))
    const sortSelect = page.locator('[data-test=card-sort]')
    const choose = async (text) => {
      await sortSelect.locator('.el-select__wrapper').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: text }).click()
    }
    await waitForText(page, sortSelect.locator('.el-select__placeholder:not(.is-transparent)'), '开始日期：从新到旧')
    const newest = await dates()
    assert.ok(newest.length >= 10 && sorted(newest, -1), newest.join(' '))
    await choose('开始日期：从旧到新')
    await page.waitForFunction(() => {
      const ds = [...document.querySelectorAll('[data-test=card-date]')].map((e) => e.textContent.trim())
      return ds.length > 1 && ds[0] < ds[ds.length - 1]
    })
    const oldest = await dates()
    assert.ok(sorted(oldest, 1), oldest.join(' '))
    assert.notEqual(oldest[0], newest[0])

    // A record added with an old date leads the cards, as it leads the table after an add.
    await page.locator('[data-test=add]').click()
    await dialog.waitFor()
    await field('title').locator('input').fill('手机新增：排序测试')
    await field('direction').locator('.el-select__wrapper').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '东部→西部' }).first().click()
    await field('person_times').locator('input').fill('3')
    await field('start_date').locator('input').fill('2019-01-02')
    await field('start_date').locator('input').press('Enter')
    await dialog.locator('.el-dialog__title').click()
    await dialog.locator('[data-test=save]').click()
    await dialog.waitFor({ state: 'hidden' })
    await waitForText(page, sortSelect.locator('.el-select__placeholder:not(.is-transparent)'), '最近录入在前')
    await waitForText(page, cards.first().locator('[data-test=card-title]'), '手机新增：排序测试')
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 })
  }
})

await finish()
