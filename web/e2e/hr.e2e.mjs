// The recruitment pages in Chromium. An employer's HR (the demo's 广州白云演示压缩机有限公司) lands on
// its 招聘工作台, sees its own company's jobs and no other's, opens 推荐人选 (names and ID numbers
// masked, no phone number anywhere on the page), schedules an interview for an application with
// the slot picker, records it passed, and makes an offer — a wage below the job's range shows the
// server's message, one inside it is taken; the same page at 390×844 scrolls nowhere sideways, and
// a second application is scheduled there. Staff apply for a seeker from the seeker's 推荐岗位
// panel ("经本人同意，代为申请"), record the acceptance and the placement from the overview
// 招聘需求与进度, which names employers and counts stages, and lists a town's people with theirs.
// Each kind of account typing the other's page is sent back, told whom the page is for.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/hr.e2e.mjs
import assert from 'node:assert/strict'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { waitForText } from './lib.mjs'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish, loginAs } = await adminSession('hr')
const PAIR = '440111-522727'
const HR = { name: 'hr_e2e_baiyun', password: 'Hr-e2e-desk-2026' }
const STAFF = { name: 'hr_e2e_staff', password: 'Hr-e2e-staff-2026' }
const kPhone = { width: 390, height: 844 }
const dialog = page.locator('.el-dialog:visible')
const field = (key) => dialog.locator(`[data-field="${key}"]`)

const pad = (n) => String(n).padStart(2, '0')
const day = (offset) => {
  const d = new Date(Date.now() + offset * 86400000)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
// GB 11643: the 18th character checks the first 17.
const kWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const idNumber = (first17) => first17 + '10X98765432'[[...first17].reduce((n, c, i) => n + Number(c) * kWeights[i], 0) % 11]

async function created(path, json) {
  const r = await api.request('POST', path, { json })
  assert.equal(r.status, 201, `${path}: ${r.text}`)
  return r.json
}
const list = async (path) => (await api.get(path)).json.items

// ---- the demo's first employer and its jobs; three job seekers from 卡蒲毛南族乡, confirmed today
const employer = (await list('/api/v1/labor/employers?page_size=10')).find((e) => e.name === '广州白云演示压缩机有限公司')
const allJobs = await list('/api/v1/labor/jobs?page_size=100')
const ownJobs = allJobs.filter((j) => j.employer_id === employer.id)
const otherJobs = allJobs.filter((j) => j.employer_id !== employer.id)
const job = ownJobs.find((j) => j.title === '白云压缩机·压缩机装配工')
assert.ok(job && otherJobs.length > 0, 'the demo has the compressor maker\'s assembly job and other employers\' jobs')

const people = [
  { name: '韦小兰', first17: '52272719950307002', mobile: '13712349411', sex: 'female', birth_date: '1995-03-07' },
  { name: '石明光', first17: '52272719920611003', mobile: '13712349412', sex: 'male', birth_date: '1992-06-11' },
  { name: '蒙春花', first17: '52272719980120004', mobile: '13712349413', sex: 'female', birth_date: '1998-01-20' },
].map((p) => ({ ...p, id_number: idNumber(p.first17) }))
const seekers = []
for (const p of people) {
  const person = await created('/api/v1/people/people', { pair: PAIR, name: p.name, id_number: p.id_number, mobile: p.mobile,
    region_code: '522727200', sex: p.sex, birth_date: p.birth_date, poverty_status: 'lifted' })
  seekers.push(await created('/api/v1/labor/seekers', { pair: PAIR, person_id: person.id, status: 'seeking',
    confirmed_date: day(0), education: 'senior_middle', willing_out_of_province: 1, preferred_place_1: '440100',
    expected_wage_fen: 480000, wage_floor_fen: 400000 }))
}
// Two of them recommended by staff already (only a seeker's own session applies as "self"); the
// third is left for staff to apply for from the pages.
const applications = []
for (const s of seekers.slice(0, 2))
  applications.push(await created('/api/v1/labor/applications', { pair: PAIR, seeker_id: s.id, job_id: job.id, source: 'staff_recommended',
    applied_date: day(0), status: 'applied' }))
await created('/api/v1/admin/users', { ...HR, roles: ['employer_hr'], owner_ledger: 'employers', owner_id: employer.id,
  must_change_password: false })
await created('/api/v1/admin/users', { ...STAFF, roles: ['staff'], region: '522727', must_change_password: false })

const applicant = (id) => page.locator(`[data-test=applicant][data-id="${id}"]`)
const stageOf = (id) => applicant(id).locator('[data-test=applicant-stage]')
// Nothing wider than the viewport; else what sticks out, to say which.
async function noSidewaysScroll() {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth ? [] :
    [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5).map((e) => `${e.tagName}.${e.className}`))
  if (wide.length) console.log('  wider than the phone:', wide.join(' | '))
  return wide.length === 0
}

async function openJob() {
  await page.locator(`[data-test=hr-job][data-id="${job.id}"]`).click()
  await page.locator('[data-test=hr-job-panel]').waitFor()
}
async function openApplicants() {
  await page.locator('[data-test=hr-job-panel] .el-tabs__item', { hasText: '应聘人员' }).click()
}
async function submitStep() {
  await dialog.locator('[data-test=transition-submit]').click()
}
async function schedule(applicationId, slot) {
  await applicant(applicationId).locator('[data-test=step-schedule]').click()
  await dialog.waitFor()
  if (page.viewportSize().width < 500) assert.ok(await noSidewaysScroll(), 'the step dialog fits the phone')
  const date = field('interview_date').locator('input')
  await date.fill(day(2))
  await date.press('Enter')
  await dialog.locator('.el-dialog__title').click()
  await field('interview_time').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: slot }).first().click()
  await field('interview_mode').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '远程视频' }).first().click()
  await submitStep()
  await waitForText(page, stageOf(applicationId), '已约面试')
}

await t.step('the HR account lands on its 招聘工作台 and sees only its own company\'s jobs', async () => {
  await loginAs(HR.name, HR.password)
  await page.waitForURL(/\/labor\/hr$/)
  await waitForText(page, page.locator('[data-test=hr-company-name]'), '广州白云演示压缩机有限公司')
  assert.equal((await page.locator('[data-test=hr-company-state]').textContent()).trim(), '已核验')
  await page.locator('[data-test=hr-job]').first().waitFor()
  const titles = (await page.locator('[data-test=hr-job-title]').allTextContents()).map((s) => s.trim()).sort()
  assert.deepEqual(titles, ownJobs.map((j) => j.title).sort())
  for (const other of otherJobs) assert.ok(!titles.includes(other.title), other.title)
  const card = page.locator(`[data-test=hr-job][data-id="${job.id}"]`)
  await waitForText(page, card.locator('[data-test=count-applied] b'), '2')
})

await t.step('推荐人选: the candidates with score and reasons, masked, and no phone number on the page', async () => {
  await openJob()
  const candidates = page.locator('[data-test=candidate]')
  await candidates.first().waitFor()
  const names = (await page.locator('[data-test=candidate-name]').allTextContents()).map((s) => s.trim())
  assert.ok(names.includes('韦*兰'), names.join(','))
  for (const n of names) assert.match(n, /\*/, `masked name: ${n}`)
  for (const id of await page.locator('[data-test=candidate-id]').allTextContents()) assert.match(id.trim(), /^\d{2}\*+$/)
  assert.ok((await candidates.first().locator('[data-test=match-reasons] .el-tag').count()) > 0)
  const text = await page.locator('body').innerText()
  for (const p of people) {
    assert.ok(!text.includes(p.mobile) && !text.includes(p.mobile.slice(-4)), `no phone of ${p.name}`)
    assert.ok(!text.includes(p.id_number), `no ID number of ${p.name}`)
    assert.ok(!text.includes(p.name), `no whole name of ${p.name}`)
  }
})

await t.step('应聘人员: schedule an interview with the slot picker, record it passed', async () => {
  await openApplicants()
  const first = applications[0].id
  await applicant(first).waitFor()
  await waitForText(page, stageOf(first), '已申请')
  // Every applicant named, masked, with the ID number masked: the demo's placed ones too.
  await waitForText(page, applicant(first).locator('[data-test=applicant-name]'), '韦*兰')
  const names = (await page.locator('[data-test=applicant-name]').allTextContents()).map((s) => s.trim())
  assert.ok(names.length >= 3 && names.every((n) => /^\S\*+\S*$/.test(n)), names.join(','))
  for (const id of await page.locator('[data-test=applicant-id]').allTextContents()) assert.match(id.trim(), /^\d{2}\*+ · /)
  const text = await page.locator('body').innerText()
  for (const p of people) assert.ok(!text.includes(p.mobile.slice(-4)) && !text.includes(p.name), `nothing whole of ${p.name}`)
  await schedule(first, '09:00-09:30')
  await waitForText(page, applicant(first).locator('[data-test=applicant-interview]'), `面试：${day(2)} 09:00-09:30，远程视频`)
  await applicant(first).locator('[data-test=enter-interview]').waitFor()
  await applicant(first).locator('[data-test=step-pass]').click()
  await submitStep()
  await waitForText(page, stageOf(first), '面试通过')
})

await t.step('发录用通知: the job\'s range shown, a wage below it refused with the server\'s message, one inside taken', async () => {
  const first = applications[0].id
  await applicant(first).locator('[data-test=step-offer]').click()
  await waitForText(page, dialog.locator('[data-test=offer-wage-range]'), '岗位发布的月薪：5,100元起')
  await field('offer_wage_fen').locator('input').fill('4000')
  const start = field('offer_start_date').locator('input')
  await start.fill(day(10))
  await start.press('Enter')
  await dialog.locator('.el-dialog__title').click()
  await submitStep()
  await waitForText(page, field('offer_wage_fen').locator('.el-form-item__error'),
    '录用月薪须在岗位发布的月薪范围内（5,100元起）')
  await field('offer_wage_fen').locator('input').fill('5200')
  await submitStep()
  await waitForText(page, stageOf(first), '已发录用通知')
  await waitForText(page, applicant(first).locator('[data-test=applicant-offer]'), `录用月薪 5,200元，约定 ${day(10)} 到岗`)
  await waitForText(page, page.locator(`[data-test=hr-job][data-id="${job.id}"] [data-test=count-hired] b`), '1')
})

await t.step('someone else\'s change meanwhile: the step says so and the list reloads', async () => {
  const second = applications[1].id
  await applicant(second).locator('[data-test=step-schedule]').click()
  // Staff schedule it first, through the API, while the dialog is open.
  const r = await api.request('POST', `/api/v1/labor/applications/${second}/transitions/schedule`,
    { json: { version: 1, interview_date: day(3), interview_time: '10:00-10:30', interview_mode: 'phone', interview_phone: '020-86660001' } })
  assert.equal(r.status, 200, r.text)
  const date = field('interview_date').locator('input')
  await date.fill(day(2))
  await date.press('Enter')
  await dialog.locator('.el-dialog__title').click()
  await field('interview_time').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '11:00-11:30' }).first().click()
  await field('interview_mode').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '远程视频' }).first().click()
  await submitStep()
  await waitForText(page, page.locator('.el-message--warning'), '该申请刚被他人修改，已重新载入，请核对后再操作')
  await waitForText(page, stageOf(second), '已约面试')
  await waitForText(page, applicant(second).locator('[data-test=applicant-interview]'), `面试：${day(3)} 10:00-10:30，电话`)
})

await t.step('at 390×844: nothing scrolls sideways; an interview is moved to a new slot there', async () => {
  await page.setViewportSize(kPhone)
  await page.goto(page.url())
  await page.locator('[data-test=hr-job]').first().waitFor()
  assert.ok(await noSidewaysScroll(), 'the workspace fits the phone')
  await openJob()
  await page.locator('[data-test=candidate]').first().waitFor()
  assert.ok(await noSidewaysScroll(), 'the candidates fit the phone')
  await openApplicants()
  const second = applications[1].id
  await applicant(second).waitFor()
  assert.ok(await noSidewaysScroll(), 'the applicants fit the phone')
  await schedule(second, '14:00-14:30')
  await dialog.waitFor({ state: 'hidden' })
  await waitForText(page, applicant(second).locator('[data-test=applicant-interview]'), `面试：${day(2)} 14:00-14:30，远程视频`)
  assert.ok(await noSidewaysScroll())
  await page.setViewportSize({ width: 1366, height: 768 })
})

// A page for the other kind of account, its address typed in: back to the account's own landing
// page, with a message saying whom the page is for.
const kStaffOnly = '此页面供工作人员使用，企业或单位的账号不能打开，已回到首页'
async function turnedAway(path, landing, message) {
  await page.goto(new URL(path, page.url()).href)
  await page.waitForURL((u) => u.pathname === landing)
  await waitForText(page, page.locator('.el-message .el-message__content').last(), message)
}

await t.step('the HR account typing a staff page\'s address is sent back to its 招聘工作台, told why', async () => {
  await turnedAway('/labor/progress', '/labor/hr', kStaffOnly)
  await turnedAway(`/labor/seekers/${seekers[2].id}/jobs`, '/labor/hr', kStaffOnly)
})

await t.step('staff apply for a seeker from the 推荐岗位 panel, with the person\'s consent', async () => {
  await loginAs(STAFF.name, STAFF.password)
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  const third = seekers[2]
  await page.goto(new URL(`/labor/seekers/${third.id}/jobs`, page.url()).href)
  await waitForText(page, page.locator('[data-test=seeker-name]'), '蒙春花')
  const match = page.locator(`[data-test=job-match][data-job="${job.id}"]`)
  await match.waitFor()
  assert.ok((await match.locator('[data-test=match-reasons] .el-tag').count()) > 0)
  await match.locator('[data-test=apply-for-seeker]').click()
  await page.locator('.el-message-box:visible .el-button--primary').click()
  await waitForText(page, match.locator('[data-test=job-applied]'), '已申请：已申请')
  const made = await list(`/api/v1/labor/applications?seeker_id=${third.id}`)
  assert.equal(made.length, 1)
  assert.equal(made[0].job_id, job.id)
  assert.equal(made[0].source, 'staff_recommended')
})

await t.step('staff record the acceptance and the placement (登记到岗) from the job\'s applicants in the overview', async () => {
  await page.goto(new URL('/labor/progress', page.url()).href)
  const row = page.locator(`[data-test=open-job][data-id="${job.id}"]`)
  const placed = Number((await row.locator('[data-test=count-placed] b').textContent()).trim())
  await row.locator('[data-test=show-applicants]').click()
  const drawer = page.locator('[data-test=job-drawer]')
  const offered = drawer.locator(`[data-test=applicant][data-id="${applications[0].id}"]`)
  await waitForText(page, offered.locator('[data-test=applicant-name]'), '韦小兰')
  await offered.locator('[data-test=step-accept]').click()
  await dialog.locator('[data-test=transition-confirm]').waitFor()
  await submitStep()
  await waitForText(page, offered.locator('[data-test=applicant-stage]'), '已接受录用')
  await offered.locator('[data-test=step-place]').click()
  const start = field('start_date').locator('input')
  await start.fill(day(10))
  await start.press('Enter')
  await dialog.locator('.el-dialog__title').click()
  await field('monthly_wage_fen').locator('input').fill('5200')
  const region = field('place_region').locator('[data-test=region-cascader] input')
  await region.click()
  await region.pressSequentially('白云区')
  await page.locator('.region-cascader [data-test=region-hit]:visible', { hasText: '白云区' }).first().click()
  await submitStep()
  await waitForText(page, offered.locator('[data-test=applicant-stage]'), '已到岗')
  await page.keyboard.press('Escape')
  await waitForText(page, row.locator('[data-test=count-placed] b'), String(placed + 1))
  const [application] = await list(`/api/v1/labor/applications?seeker_id=${seekers[0].id}`)
  assert.equal(application.monthly_wage_fen, 520000)
  assert.equal(application.place_region, '440111')
})

await t.step('招聘需求与进度: open jobs by employer name with their stages, people of a town with theirs', async () => {
  await page.goto(new URL('/labor/progress', page.url()).href)
  const row = page.locator(`[data-test=open-job][data-id="${job.id}"]`)
  await waitForText(page, row.locator('[data-test=open-job-employer]'), '广州白云演示压缩机有限公司')
  await waitForText(page, row.locator('[data-test=count-applied] b'), '1')
  await waitForText(page, row.locator('[data-test=count-interview] b'), '1')
  await waitForText(page, row.locator('[data-test=count-hired] b'), '0')
  await page.locator('.el-tabs__item', { hasText: '人员进度' }).click()
  const search = page.locator('[data-test=people-region] [data-test=region-cascader] input')
  await search.click()
  await search.pressSequentially('卡蒲')
  await page.locator('.region-cascader [data-test=region-hit]:visible', { hasText: '卡蒲毛南族乡' }).first().click()
  const person = page.locator('[data-test=person-stage]', { hasText: '韦小兰' })
  await waitForText(page, person.locator('[data-test=person-latest]'), '当前进度：白云压缩机·压缩机装配工 · 已到岗')
  const shown = await page.locator('[data-test=person-stage]').count()
  assert.ok(shown >= 3 && shown <= 20, `${shown} people of the town on the first page`)
})

await t.step('导出推荐表: the chosen town\'s outreach workbook, a summary then a sheet per village, IDs masked', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-outreach]').click()])
  assert.match(download.suggestedFilename(), /卡蒲毛南族乡外出务工岗位推荐表\.xlsx$/)
  const file = join(stack.dir, 'outreach.xlsx')
  await download.saveAs(file)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const names = wb.worksheets.map((ws) => ws.name)
  assert.equal(names[0], '汇总')
  const cells = wb.worksheets.slice(1).flatMap((ws) => ws.getSheetValues().flat().map(String))
  // Applying keeps a person looking; 韦小兰, placed, is in work and off the lists.
  assert.ok(cells.includes('石明光') && cells.includes('蒙春花'), names.join(' '))
  assert.ok(!cells.includes('韦小兰'), 'a placed person is not on the outreach lists')
  for (const p of people) assert.ok(!cells.some((c) => c.includes(p.id_number)), 'no whole ID number')
})

await t.step('staff typing the 招聘工作台\'s address are sent back to their landing page, told why', async () => {
  await turnedAway('/labor/hr', '/dashboard', '此页面供用工企业的招聘（HR）账号使用，本账号不能打开，已回到首页')
})

await finish()
