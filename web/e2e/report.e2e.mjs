// The report as a town's clerk and the helped county's clerk read it: no clause of 0 or of a
// figure their scope cannot count (no "召开党政联席会议0次", no section without figures, the
// sections numbered one after another), no indicator-key column (the key on hover), counts as the
// dashboard writes them (1,036人次), pairings counted for the town of their village, 协作以来
// filling both dates from the pair's 建立日期, and the helped side's office issuing it.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/report.e2e.mjs
import assert from 'node:assert/strict'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish, loginAs } = await adminSession('report')
const PAIR = '440111-522727'
const TOWN = '黔南州平塘县卡蒲毛南族乡'
// The town in English prose (the console's table of the demo's place names).
const TOWN_EN = 'Kapu Maonan Ethnic Township, Pingtang County, Qiannan'
const origin = () => new URL(page.url()).origin
const kNumbers = ['一', '二', '三', '四', '五', '六']

async function loginAway(name, password) {
  await loginAs(name, password)
  await page.waitForURL((u) => !new URL(u).pathname.startsWith('/login'))
}

// The report page with its sheet drawn for the period in the date boxes.
async function openReport() {
  await page.goto(`${origin()}/report`)
  const sheet = page.locator('[data-test=report]')
  await sheet.locator('h2').first().waitFor()
  await page.locator('[data-test=report] .el-loading-mask').waitFor({ state: 'hidden' }).catch(() => {})
  return sheet
}

const dateBoxes = () => page.locator('.el-date-editor input').evaluateAll((inputs) => inputs.map((i) => i.value))

// The sections' numbers run 一、二、… without a gap.
async function assertConsecutive(sheet) {
  const headings = (await sheet.locator('h2').allTextContents()).filter((h) => /^[一二三四五六]、/.test(h))
  headings.forEach((h, i) => assert.ok(h.startsWith(`${kNumbers[i]}、`), headings.join(' | ')))
  return headings
}

for (const [name, region] of [['report_kapu', '522727200'], ['report_pingtang', '522727']]) {
  const r = await api.request('POST', '/api/v1/admin/users', { json: {
    name, password: 'Report-clerk-2026x', roles: ['staff'], region, must_change_password: false } })
  assert.equal(r.status, 201, r.text)
}

await t.step('the town clerk’s report: no 0 clause, no empty section, no key column, its pairings counted', async () => {
  await loginAway('report_kapu', 'Report-clerk-2026x')
  // January 2012: before every demo record (the town's villagers in work since 2014 count in every
  // month after, as its people). Before, the town's report still had 聚焦两种模式 with no figure;
  // now it says there is nothing and numbers its one section 一.
  const sheet = await openReport()
  const ends = page.locator('.el-date-editor input')
  for (const [i, day] of ['2012-01-01', '2012-01-31'].entries()) {
    await ends.nth(i).fill(day)
    await ends.nth(i).press('Enter')
  }
  await page.keyboard.press('Escape')
  await sheet.locator('p', { hasText: '本期间无可统计的记录' }).waitFor()
  assert.match(await sheet.textContent(), new RegExp(`统计范围：${TOWN}（.*结对帮扶和帮扶资金按所涉单位的所在地归入，未填单位或所在地的不计入）`))
  assert.doesNotMatch(await sheet.textContent(), /聚焦两种模式|聚集两方力量/)
  assert.deepEqual(await assertConsecutive(sheet), ['一、年度目标完成情况'])

  // The whole cooperation: the town's pairings (甲坝村's) and its investments count; it held
  // no joint meeting, which the narrative leaves out rather than say 0.
  await page.locator('[data-shortcut=sincePaired]').click()
  await sheet.locator('p', { hasText: '在结对帮扶工作中' }).waitFor()
  const narrative = (await sheet.locator('.markdown p, .markdown li').allTextContents()).join('\n')
  assert.match(narrative, /深度贫困村结成帮扶对子/)
  assert.match(narrative, /在招商引资工作中，成功引进/)
  assert.doesNotMatch(narrative, /召开党政联席会议/)
  assert.doesNotMatch(narrative, /(^|[^\d,.])0(次|批|人次|名|个|项|家|期|人)/, 'a narrative clause of 0')
  const headings = await assertConsecutive(sheet)
  assert.ok(headings.some((h) => h.endsWith('年度目标完成情况')), headings.join(' | '))
  assert.ok(headings.some((h) => h.endsWith('聚力三个重点')), headings.join(' | '))

  // The detail table: 分组, 指标, 数值, 其中脱贫人口 — no 代码; the key on hover of the name.
  const detail = sheet.locator('table').last()
  assert.deepEqual((await detail.locator('th').allTextContents()).map((s) => s.trim()), ['分组', '指标', '数值', '其中脱贫人口'])
  assert.doesNotMatch(await detail.textContent(), /leadership\.visit_batches/)
  const meetings = detail.locator('td', { hasText: /^党政联席会议$/ })
  assert.equal(await meetings.getAttribute('title'), 'leadership.joint_meetings')
  const units = detail.locator('tr', { has: page.locator('td', { hasText: /^与村结对的帮扶单位$/ }) })
  assert.match(await units.textContent(), /\d+个/)
  assert.doesNotMatch(await units.textContent(), /本范围不统计/)
  // Counts as the console writes them: grouped, the unit right after.
  const cells = await detail.locator('td:nth-child(3)').allTextContents()
  assert.ok(!cells.some((c) => /\d \S/.test(c)), `a count with a space before its unit: ${cells.filter((c) => /\d \S/.test(c))}`)
  await page.screenshot({ path: `${stack.dir}/report-town.png` })

  // In English: the same figures, none of 0 or uncounted, the title translated whole.
  await page.locator('[data-test=lang-switch]').click()
  try {
    await sheet.locator('h1', { hasText: 'Work Report' }).waitFor()
    const en = await sheet.textContent()
    assert.doesNotMatch(await sheet.locator('h1').textContent(), /对口帮扶/)
    assert.match(en, new RegExp(`Scope: ${TOWN_EN}`))
    assert.match(await sheet.locator('[data-test=left-out]').textContent(), /left out/)
    assert.match(await sheet.locator('[data-test=scope-by-units]').textContent(), /Pairings and funds count where their units are/)
    const figures = sheet.locator('table', { has: page.locator('th', { hasText: /^Value$/ }) })
    const values = await figures.locator('td.num:nth-child(2)').allTextContents()
    assert.ok(values.length > 0, 'no figure in the English report')
    assert.ok(!values.some((v) => /^(0( |$)|—$)/.test(v.trim())), `a figure of 0 or "—": ${values.join(' | ')}`)
    const numbers = (await sheet.locator('h2').allTextContents()).map((h) => Number(h.split('.')[0]))
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1))
  } finally {
    if ((await page.evaluate(() => document.documentElement.lang)) === 'en') await page.locator('[data-test=lang-switch]').click()
  }
})

await t.step('协作以来 fills both dates from the pair’s 建立日期 to today, for the pair and for its city pair', async () => {
  await page.goto(`${origin()}/report`)
  await page.locator('[data-shortcut=sincePaired]').click()
  const today = new Date()
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
  assert.deepEqual(await dateBoxes(), ['2016-01-01', iso])
  // The city pair has no 建立日期 of its own: its county pair's starts its cooperation.
  await page.locator('[data-test=pair-select]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '广州市—黔南州' }).click()
  await page.locator('[data-shortcut=sincePaired]').click()
  assert.deepEqual(await dateBoxes(), ['2016-01-01', iso])
  assert.equal(await page.locator('[data-shortcut=sincePaired]').evaluate((e) => e.classList.contains('el-button--primary')), true)
})

await t.step('the helped county’s clerk: the report is issued by 平塘县’s office', async () => {
  await loginAway('report_pingtang', 'Report-clerk-2026x')
  await page.evaluate(() => localStorage.removeItem('shanhai.report.issuer'))
  const sheet = await openReport()
  await page.locator('[data-test=report-masthead]', { hasText: '平塘县' }).waitFor()
  assert.equal((await page.locator('[data-test=report-masthead]').textContent()).trim(), '平塘县东西部协作工作领导小组办公室')
  assert.equal(await page.locator('[data-test=report-issuer-input]').getAttribute('placeholder'), '平塘县东西部协作工作领导小组办公室')
  // Still the clerk's to change.
  await page.locator('[data-test=report-issuer-input]').fill('平塘县乡村振兴局')
  await page.locator('[data-test=report-signature]', { hasText: '平塘县乡村振兴局' }).waitFor()
  await page.locator('[data-test=report-issuer-input]').fill('')
  assert.match(await sheet.textContent(), /召开党政联席会议7次/)
})

await finish()
