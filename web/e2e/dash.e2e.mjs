// Issue #8, the dashboard and the printed report in Chromium: headline figures first (the
// catalogue's order), skeletons while loading, one request for the period's figures, collapsible
// sections, period shortcuts, a drill drawer listing exactly the records of the figure clicked
// (count and sum as the card says) and exporting them, and the report printed to an A4 PDF with
// page numbers, the serif CJK font and no code column, in Chinese and in English.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/dash.e2e.mjs
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { waitForText, webDir } from './lib.mjs'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish } = await adminSession('dash')
const shots = process.env.SCREENSHOTS ?? join(webDir, '../docs/screenshots')
mkdirSync(shots, { recursive: true })
const PAIR = '440111-522727'

const catalogue = (await api.get('/api/v1/indicators/catalogue')).json.items
const headlineKeys = catalogue.filter((d) => d.headline > 0).sort((a, b) => a.headline - b.headline).map((d) => d.key)
const isValuesRequest = (url) => new URL(url).pathname === '/api/v1/indicators'
const card = (key) => page.locator(`[data-indicator="${key}"]`)
const number = (text) => Number(text.replace(/[,\s]/g, ''))

/** The figures of the pair for a period as the API gives them: key → item. */
async function figures(period = {}) {
  const r = await api.get(`/api/v1/indicators?${new URLSearchParams({ pair: PAIR, ...period })}`)
  assert.equal(r.status, 200, r.text)
  return new Map(r.json.items.map((v) => [v.key, v]))
}

await t.step('headline figures come first, in the catalogue order, with skeletons while one request loads them', async () => {
  assert.ok(headlineKeys.length >= 8, `only ${headlineKeys.length} headline figures`)
  await page.waitForLoadState('networkidle') // the first load after logging in is over
  const asked = []
  const figureRequests = (r) => {
    const path = new URL(r.url()).pathname
    if (path.startsWith('/api/v1/indicators') && !path.endsWith('/catalogue')) asked.push(path)
  }
  page.on('request', figureRequests)
  // Hold the period's figures back a moment, to see the page while they load.
  let release
  const held = new Promise((resolve) => (release = resolve))
  await page.route((url) => isValuesRequest(url.href), async (route) => {
    await held
    await route.continue()
  })
  const skeletons = page.locator('[data-test=headline] [data-test=skeleton]')
  try {
    await page.reload()
    await skeletons.first().waitFor()
    // Every placeholder keeps a card's height while the figures are held back (polled a moment:
    // the route's style sheet may arrive a frame after its first render).
    let boxes = []
    for (let i = 0; i < 20; i++) {
      boxes = await page.locator('[data-test=headline] .cards > *').evaluateAll(
        (els) => els.map((e) => [e.getBoundingClientRect().height, e.outerHTML.slice(0, 120)]))
      if (boxes.length >= 8 && boxes.every(([height]) => height >= 40)) break
      await page.waitForTimeout(100)
    }
    assert.ok(boxes.length >= 8, `${boxes.length} headline places while loading`)
    for (const [height, html] of boxes) assert.ok(height >= 40, `a card ${height}px high while loading: ${html}`)
    assert.ok(await skeletons.count() > 0, 'the figures arrived while held back')
  } finally {
    release()
    await page.unrouteAll({ behavior: 'wait' })
  }
  await skeletons.first().waitFor({ state: 'detached' })
  await page.locator('[data-test=headline] [data-test=actual]').first().waitFor()
  assert.deepEqual(await page.locator('[data-test=headline] [data-indicator]').evaluateAll((els) => els.map((e) => e.dataset.indicator)),
    headlineKeys)
  // The headline is the first panel after the filter; a headline figure is not repeated in the sections.
  assert.equal(await page.locator('.dashboard > .section').first().getAttribute('data-test'), 'headline')
  assert.equal(await card('leadership.visit_batches').count(), 1)
  const expected = await figures()
  assert.equal(number(await card('leadership.visit_batches').locator('[data-test=actual]').textContent()),
    expected.get('leadership.visit_batches').value)
  await page.waitForTimeout(500)
  page.off('request', figureRequests)
  // One request for every figure of the period, one for the five-year trend.
  assert.deepEqual(asked.sort(), ['/api/v1/indicators', '/api/v1/indicators/leadership.visit_batches/trend'], asked.join(' '))
  // No note to developers on the page.
  const text = await page.locator('.dashboard').textContent()
  for (const note of ['npm', 'echarts-china', 'MB', 'GB/T']) assert.ok(!text.includes(note), `the page says "${note}"`)
})

await t.step('sections collapse and open again', async () => {
  const section = page.locator('[data-section="两种模式"]')
  const cards = section.locator('[data-indicator]')
  await cards.first().waitFor()
  await section.locator('.el-collapse-item__header').click()
  await cards.first().waitFor({ state: 'hidden' })
  await section.locator('.el-collapse-item__header').click()
  await cards.first().waitFor()
})

await t.step('本年 with no annual target for the year: the dashboard says 本年未设目标, and so does a card with targets in other years', async () => {
  const year = new Date().getFullYear()
  const period = { from: `${year}-01-01`, to: `${year}-12-31` }
  const answer = await api.get(`/api/v1/indicators?${new URLSearchParams({ pair: PAIR, ...period })}`)
  // The demo's targets are those of its 2019 and 2020 agreements: this year has none.
  assert.deepEqual(answer.json.target_missing_years, [year])
  const visits = answer.json.items.find((v) => v.key === 'leadership.visit_batches')
  assert.equal(visits.target, null)
  assert.equal(visits.target_partial, true)
  const request = page.waitForRequest((r) => isValuesRequest(r.url()))
  await page.locator('[data-shortcut=thisYear]').click()
  const q = new URL((await request).url()).searchParams
  assert.deepEqual([q.get('from'), q.get('to')], [period.from, period.to])
  const hint = page.locator('[data-test=headline] [data-test=target-missing]')
  await waitForText(page, hint, `${year}年未设目标`)
  await waitForText(page, card('leadership.visit_batches').locator('[data-test=target-partial-why]'), `${year}年未设目标`)
  assert.equal(await card('leadership.visit_batches').locator('[data-test=completion]').count(), 0, 'no completion without a target')
  await page.locator('[data-test=lang-switch]').click()
  try {
    await waitForText(page, hint, `No target set for ${year}`)
  } finally {
    await page.locator('[data-test=lang-switch]').click()
  }
  await waitForText(page, hint, `${year}年未设目标`)
  // A year with targets (2020, the demo's agreement) has no hint.
  const api2020 = await api.get(`/api/v1/indicators?${new URLSearchParams({ pair: PAIR, from: '2020-01-01', to: '2020-12-31' })}`)
  assert.deepEqual(api2020.json.target_missing_years, [])
})

await t.step('period shortcuts 上年 and 协作以来 ask the figures of that period', async () => {
  const year = new Date().getFullYear() - 1
  const next = () => page.waitForRequest((r) => isValuesRequest(r.url()))
  let request = next()
  await page.locator('[data-shortcut=lastYear]').click()
  let q = new URL((await request).url()).searchParams
  assert.deepEqual([q.get('from'), q.get('to')], [`${year}-01-01`, `${year}-12-31`])
  const pairs = (await api.get('/api/v1/pairing/pairs?page_size=100')).json.items
  const since = pairs.find((p) => p.code === PAIR).established_date
  assert.ok(since)
  request = next()
  await page.locator('[data-shortcut=sincePaired]').click()
  q = new URL((await request).url()).searchParams
  assert.equal(q.get('from'), since)
  assert.equal(await page.locator('[data-shortcut=sincePaired]').evaluate((e) => e.classList.contains('el-button--primary')), true)
  await page.locator('[data-test=headline] [data-test=actual]').first().waitFor()
})

// Drills into key ("<key>.poverty": the sub-figure's link) and returns the drawer's total and
// the sum of the column labelled sumLabel over its rows (one page: the figures chosen have ≤ 20).
async function drill(key, sumLabel) {
  const poverty = key.endsWith('.poverty')
  const base = poverty ? key.slice(0, -'.poverty'.length) : key
  await card(base).locator(poverty ? '[data-test=poverty]' : '[data-test=actual]').click()
  const drawer = page.locator('.el-drawer:visible')
  await drawer.locator('[data-test=drill-total]').waitFor()
  await page.locator('.el-drawer:visible .el-loading-mask').waitFor({ state: 'hidden' }).catch(() => {})
  const total = number(/(\d[\d,]*)/.exec(await drawer.locator('[data-test=drill-total]').textContent())[1])
  let sum = null
  if (sumLabel) {
    const headers = await drawer.locator('.el-table__header th').allTextContents()
    const column = headers.findIndex((h) => h.trim() === sumLabel)
    assert.ok(column >= 0, `no column ${sumLabel} in ${headers.join('|')}`)
    const cells = await drawer.locator(`.el-table__body tr td:nth-child(${column + 1})`).allTextContents()
    sum = cells.reduce((n, c) => n + (number(c) || 0), 0)
  }
  return { drawer, total, sum }
}

async function closeDrawer(drawer) {
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
}

await t.step('the drawer lists exactly the records of the figure clicked: counts, a sub-figure and money', async () => {
  const period = { from: await page.locator('.el-date-editor input').first().inputValue(),
    to: await page.locator('.el-date-editor input').nth(1).inputValue() }
  const values = await figures(period)
  const behind = async (key) =>
    (await api.get(`/api/v1/indicators/${key}/records?${new URLSearchParams({ pair: PAIR, ...period, page_size: '1000' })}`)).json

  // A count: as many records as the card says.
  let d = await drill('leadership.joint_meetings')
  assert.equal(d.total, values.get('leadership.joint_meetings').value)
  assert.equal(number(await card('leadership.joint_meetings').locator('[data-test=actual]').textContent()), d.total)
  await closeDrawer(d.drawer)

  // A sub-figure: only the trainings with poverty participants, adding up to the card's 其中脱贫人口.
  const key = 'talent.training.person_times.poverty'
  const poor = values.get('talent.training.person_times').poverty
  d = await drill(key, '其中脱贫人口（人次）')
  const records = await behind(key)
  assert.equal(d.total, records.total)
  assert.ok(d.total <= 20, 'more than one page of trainings with poverty participants')
  assert.equal(d.sum, poor)
  assert.equal(number(await card('talent.training.person_times').locator('[data-test=poverty]').textContent()), poor)
  assert.ok(records.items.every((r) => r.poverty_person_times > 0), 'a training without poverty participants is listed')
  assert.ok(d.total < (await behind('talent.training.person_times')).total, 'the sub-figure lists every training')

  // …and exports them.
  const [download] = await Promise.all([page.waitForEvent('download'), d.drawer.locator('[data-test=drill-export]').click()])
  assert.match(download.suggestedFilename(), /-\d{4}-\d{2}-\d{2}\.xlsx$/, 'the file name carries the date')
  const file = join(stack.dir, download.suggestedFilename())
  await download.saveAs(file)
  assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK')
  await closeDrawer(d.drawer)

  // Money: the records' amounts add up to the card's figure (the drawer says it in its total line).
  const money = 'funds.fiscal_fen'
  d = await drill(money)
  const funds = await behind(money)
  assert.equal(d.total, funds.total)
  assert.equal(funds.items.reduce((n, r) => n + r.amount_fen, 0), values.get(money).value)
  const cardText = (await card(money).locator('[data-test=actual]').textContent()).trim()
  assert.ok((await d.drawer.locator('[data-test=drill-total]').textContent()).includes(cardText), 'the drawer does not say the card figure')
  await closeDrawer(d.drawer)
})

// Prints the report page to an A4 PDF; returns { path, text of pages 1–2, pages }.
async function printReport(name) {
  const path = join(stack.dir, `${name}.pdf`)
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true })
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1])
  const text = execFileSync('pdftotext', ['-f', '1', '-l', '2', '-layout', path, '-'], { encoding: 'utf8' })
  // Pages 1 and 2 as PNG (kept with the screenshots) and as grey maps to look at the footer.
  execFileSync('pdftoppm', ['-f', '1', '-l', '2', '-r', '60', '-png', path, join(shots, name)])
  execFileSync('pdftoppm', ['-f', '1', '-l', '2', '-r', '60', '-gray', path, join(stack.dir, name)])
  return { path, text, pages }
}

/** Dark pixels in the bottom margin (the last 22 mm of 297) of a PGM page rendered by pdftoppm -gray. */
function footerInk(pgmPath) {
  const bytes = readFileSync(pgmPath)
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 40).toString('latin1'))
  const [width, height] = [Number(header[1]), Number(header[2])]
  const pixels = bytes.subarray(header[0].length)
  let dark = 0
  for (let y = Math.floor(height * (1 - 22 / 297)); y < height; y++)
    for (let x = 0; x < width; x++) if (pixels[y * width + x] < 128) dark++
  return dark
}

await t.step('the report prints as an official A4 document: masthead, numbered sections, page numbers, serif CJK font', async () => {
  await page.locator('.el-menu-item', { hasText: '报告' }).click()
  await page.waitForURL(/\/report/)
  const sheet = page.locator('[data-test=report]')
  await sheet.locator('h2').first().waitFor()
  await page.locator('[data-test=report] .el-loading-mask').waitFor({ state: 'hidden' }).catch(() => {})
  assert.match(await page.locator('[data-test=report-masthead]').textContent(), /办公室$/)
  assert.match(await page.locator('[data-test=report-date]').textContent(), /^\d{4}年\d{1,2}月\d{1,2}日$/)
  const headings = await sheet.locator('h2').allTextContents()
  assert.deepEqual(headings.slice(0, 3).map((h) => h.slice(0, 2)), ['一、', '二、', '三、'])
  assert.ok(headings.some((h) => /^[四五六]、年度目标完成情况/.test(h)), headings.join('|'))
  assert.ok(await page.evaluate(() => document.fonts.check('16px "Noto Serif CJK SC"', '报告')), 'Noto Serif CJK SC is not installed')
  assert.match(await sheet.evaluate((e) => getComputedStyle(e).fontFamily), /^"Noto Serif CJK SC"/)
  // The font Chromium actually draws the narrative with (Chromium writes it into the PDF as
  // Type 3 glyphs, which carry no name to check there).
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument')
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-test=report] h2' })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  assert.deepEqual(fonts.map((f) => f.familyName), ['Noto Serif CJK SC'])
  await cdp.detach()

  const pdf = await printReport('report-print')
  assert.ok(pdf.pages >= 2, `the report is ${pdf.pages} page(s)`)
  assert.match(pdf.text, /第\s*1\s*页\s*共\s*\d+\s*页/)
  assert.match(pdf.text, /第\s*2\s*页\s*共\s*\d+\s*页/)
  const all = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' })
  assert.ok(!all.includes('leadership.visit_batches'), 'the printed detail table shows the code column')
  assert.ok(all.includes('交流互访'), 'the printed report lacks its text')
  for (const n of [1, 2]) assert.ok(footerInk(join(stack.dir, `report-print-${n}.pgm`)) > 20, `page ${n} has nothing in its footer`)
})

await t.step('in English the report has translated headings and units, and English page numbers', async () => {
  await page.locator('[data-test=lang-switch]').click()
  const sheet = page.locator('[data-test=report]')
  await sheet.locator('h2', { hasText: '1. Bringing both sides together' }).waitFor()
  const text = await sheet.textContent()
  assert.match(text, /East–West Cooperation "223" Work Report/)
  assert.match(text, /\d+ batches/)
  assert.match(text, /\d[\d,]* person-times/)
  assert.match(text, /Annual targets/)
  // Place names in English in the prose, sub-figures in sentence case, units with a real space.
  assert.match(text, /Work Report: Baiyun District, Guangzhou – Pingtang County, Qiannan/)
  assert.doesNotMatch(await sheet.locator('h1').textContent(), /[\u4e00-\u9fff]/, 'a Chinese name in the English title')
  assert.match(text, /Of which towns\/streets/)
  assert.doesNotMatch(text, /\bof which towns/)
  assert.doesNotMatch(text, /\d(batch|person|people)/, 'a unit without a space')
  assert.doesNotMatch(text, /\b1 batches\b|\b1 people\b/)
  for (const unit of ['批', '人次', '名']) {
    const cells = await sheet.locator('td.num').allTextContents()
    assert.ok(!cells.some((c) => c.includes(unit)), `a value cell says ${unit}`)
  }
  const pdf = await printReport('report-print-en')
  assert.match(pdf.text, /Page 1 of \d+/)
  assert.match(pdf.text, /Page 2 of \d+/)
  await page.locator('[data-test=lang-switch]').click()
  await sheet.locator('h2', { hasText: '一、' }).first().waitFor()
})

await finish()
