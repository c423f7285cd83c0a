// The job seeker's phone page (/m/) in Chromium at 390×844, end to end against a real server: login
// with the one-time code read from the outbox (as a village cadre reads it out), a stale profile
// asked to confirm it is still looking, the recommended jobs with their reasons, a job's facts,
// apply, the application under 我的申请; the employer's HR schedules a video interview through the
// API, the seeker asks for another time, HR schedules again, the seeker accepts and the room link
// appears; an offer, accepted; a report of the posting from a second tab; logout. No page scrolls
// sideways.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/phone.e2e.mjs
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ApiClient } from '../../tests/lib/client.mjs'
import { waitForText, webDir } from './lib.mjs'
import { adminSession } from './session.mjs'

// The browser is the phone: admin's console session in it is replaced by the seeker's at login.
const { stack, context, page, api, t, finish } = await adminSession('phone', { viewport: { width: 390, height: 844 } })
const PAIR = '440111-522727'
const HR = { name: 'phone_e2e_hr', password: 'Phone-e2e-hr-2026' }
const MOBILE = '13712349402'
const shots = process.env.SCREENSHOTS ?? join(webDir, '../docs/screenshots')
mkdirSync(shots, { recursive: true })

/** A date `days` from today (UTC), YYYY-MM-DD: far enough from the server's today for each use. */
function dayFromToday(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}
async function created(path, json) {
  const r = await api.request('POST', path, { json })
  assert.equal(r.status, 201, `${path}: ${r.text}`)
  return r.json
}
async function stepped(client, path, json) {
  const r = await client.request('POST', path, { json })
  assert.equal(r.status, 200, `${path}: ${r.text}`)
  return r.json
}

// ---- a verified employer with a published job; a job seeker last confirmed 200 days ago
const employer = await created('/api/v1/labor/employers', { pair: PAIR, credit_code: '91440111MA59PH0E1R',
  name: '白云手机页测试压缩机厂', region_code: '440111', contact_phone: '020-86660002', status: 'draft' })
await stepped(api, `/api/v1/labor/employers/${employer.id}/transitions/verify`, { version: 1 })
const job = await created('/api/v1/labor/jobs', { pair: PAIR, employer_id: employer.id, title: '手机页测试·压缩机装配工',
  occupation_code: '6-20-02', headcount: 3, wage_min_fen: 520000, wage_max_fen: 600000, board: true, lodging: true,
  gender_rule: 'any', status: 'draft', working_hours: '8:00–17:30', rest_days: '每月休4天', wage_composition: '底薪＋计件',
  social_insurance: 'five_and_fund', work_region: '440111', min_age: 18, max_age: 55 })
await stepped(api, `/api/v1/labor/jobs/${job.id}/transitions/publish`, { version: 1 })
const person = await created('/api/v1/people/people', { pair: PAIR, name: '罗小梅', id_number: '522727199402050047',
  mobile: MOBILE, region_code: '522727', poverty_status: 'lifted' })
await created('/api/v1/labor/seekers', { pair: PAIR, person_id: person.id, status: 'seeking', skills: '6-20-02',
  expected_wage_fen: 500000, willing_out_of_province: true, confirmed_date: dayFromToday(-200) })
await created('/api/v1/admin/users', { ...HR, roles: ['employer_hr'], owner_ledger: 'employers', owner_id: employer.id,
  must_change_password: false })
const hrApi = new ApiClient(stack.apiUrl)
await hrApi.mustLogin(HR.name, HR.password)

const m = (path) => `${stack.baseUrl}/m${path}`
// Uncaught script errors and whatever the Content-Security-Policy blocks, checked at the end.
const pageProblems = []
page.on('pageerror', (e) => pageProblems.push(String(e)))
await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) =>
  console.error(`CSP: ${e.effectiveDirective} ${e.blockedURI}`)))
page.on('console', (msg) => msg.text().startsWith('CSP: ') && pageProblems.push(msg.text()))

// Nothing on the page (of this tab, else the first) is wider than the phone.
async function fitsTheWidth(tab = page) {
  const width = await tab.evaluate(() => document.scrollingElement.scrollWidth)
  assert.ok(width <= 390, `scrollWidth ${width} on ${tab.url()}`)
}
// The seeker's one application, as the seeker's own route answers it (the browser's session).
async function myApplication() {
  const r = await context.request.get(`${stack.baseUrl}/api/v1/labor/me/applications`)
  assert.equal(r.status(), 200, await r.text())
  const items = (await r.json()).items
  assert.equal(items.length, 1, JSON.stringify(items))
  return items[0]
}
// The application as staff see it (its version for HR's next step).
async function staffApplication(id) {
  const r = await hrApi.get(`/api/v1/labor/applications/${id}`)
  assert.equal(r.status, 200, r.text)
  return r.json
}
async function schedule(id, interviewTime) {
  const { version } = await staffApplication(id)
  await stepped(hrApi, `/api/v1/labor/applications/${id}/transitions/schedule`, { version,
    interview_date: dayFromToday(2), interview_time: interviewTime, interview_mode: 'video', interview_phone: '020-86660002' })
}

await t.step('logs in with the code from the outbox; a wrong code is refused in words', async () => {
  await page.goto(m('/'))
  await page.waitForURL(/\/m\/login$/)
  assert.match(await page.textContent('main'), /短信发件箱/)
  await fitsTheWidth()
  await page.screenshot({ path: join(shots, 'phone-login.png') })
  await page.locator('input[name=mobile]').fill(MOBILE)
  await page.locator('[data-test=request-code]').click()
  await page.locator('[data-test=code-form]').waitFor()
  // Asked again at once: the rate limit, in words.
  await page.getByRole('button', { name: '重新获取验证码' }).click()
  await page.locator('[data-test=login-error]').waitFor()
  assert.match(await page.textContent('[data-test=login-error]'), /[\u4e00-\u9fff]/)

  const box = await api.get(`/api/v1/messages/outbox?mobile=${MOBILE}`)
  const whole = await api.get(`/api/v1/messages/outbox/${box.json.items[0].id}/reveal`)
  const code = /\d{6}/.exec(whole.json.text)[0]
  await page.locator('input[name=code]').fill(code === '000000' ? '111111' : '000000')
  await page.locator('[data-test=verify-code]').click()
  await waitForText(page, page.locator('[data-test=login-error]'), '验证码错误或已失效')
  await page.locator('input[name=code]').fill(code)
  await page.locator('[data-test=verify-code]').click()
  await page.waitForURL(/\/m\/jobs$/)
})

await t.step('a profile not confirmed for 90 days is asked first; confirmed, the jobs come with reasons', async () => {
  await page.locator('[data-test=confirm-banner]').waitFor()
  assert.match(await page.textContent('[data-test=confirm-banner]'), /请确认您仍在找工作/)
  await page.locator('[data-test=jobs-after-confirm]').waitFor()
  assert.equal(await page.locator('[data-test=job-card]').count(), 0)
  await page.locator('[data-test=confirm-seeking]').click()
  await page.locator('[data-test=confirm-banner]').waitFor({ state: 'detached' })
  const card = page.locator('[data-test=job-card]', { hasText: '手机页测试·压缩机装配工' })
  await card.waitFor()
  const reasons = await card.locator('[data-test=reason]').allTextContents()
  assert.ok(reasons.includes('包吃住'), reasons.join('|'))
  assert.ok(reasons.some((r) => /^月薪比期望高\d+%$/.test(r)), reasons.join('|'))
  assert.match(await card.textContent(), /月薪 5,200元–6,000元/)
  await fitsTheWidth()
  await page.screenshot({ path: join(shots, 'phone-jobs.png') })
})

await t.step('opens the job: hours, rest days, wage composition, social insurance; applies', async () => {
  await page.locator('[data-test=job-card]', { hasText: '手机页测试·压缩机装配工' }).click()
  await page.waitForURL(new RegExp(`/m/jobs/${job.id}$`))
  await waitForText(page, page.locator('[data-test="fact-上班时间"]'), '8:00–17:30')
  await waitForText(page, page.locator('[data-test="fact-休息"]'), '每月休4天')
  await waitForText(page, page.locator('[data-test="fact-工资构成"]'), '底薪＋计件')
  assert.match(await page.textContent('[data-test="fact-社会保险"]'), /五险一金/)
  await waitForText(page, page.locator('[data-test="fact-吃住"]'), '包吃，包住')
  assert.match(await page.textContent('[data-test="fact-工作地点"]'), /白云区/) // the place by name, not 440111
  await fitsTheWidth()
  await page.screenshot({ path: join(shots, 'phone-job.png') })
  await page.locator('[data-test=apply]').click()
  await page.waitForURL(/\/m\/applications$/)
  const card = page.locator('[data-test=application]')
  await card.waitFor()
  assert.match(await card.textContent(), /手机页测试·压缩机装配工/)
  await waitForText(page, card.locator('[data-test=application-status]'), '已申请')
  // Back on the job, it says so instead of offering 申请 again.
  await page.goto(m(`/jobs/${job.id}`))
  await page.locator('[data-test=applied]').waitFor()
})

await t.step('HR schedules a video interview; the seeker asks for another time with a reason', async () => {
  const application = await myApplication()
  await schedule(application.id, '14:00-14:30')
  await page.goto(m('/applications'))
  const card = page.locator('[data-test=application]')
  await card.locator('[data-test=interview]').waitFor()
  assert.match(await card.locator('[data-test=interview]').textContent(), new RegExp(`${dayFromToday(2)} 14:00-14:30`))
  assert.equal(await card.locator('[data-test=enter-room]').count(), 0) // not before the time is accepted
  await card.locator('[data-test=decline-time]').click()
  await card.locator('textarea').fill('那天要送孩子上学，希望改到下午四点以后')
  await card.locator('[data-test=reason-send]').click()
  await waitForText(page, card.locator('[data-test=application-status]'), '已申请')
  assert.equal(await card.locator('[data-test=interview]').count(), 0)
  assert.match(await card.locator('[data-test=time-declined]').textContent(), /送孩子上学/)
})

await t.step('HR schedules again; the seeker accepts the time and the room link appears', async () => {
  const application = await myApplication()
  await schedule(application.id, '16:30-17:00')
  await page.reload()
  const card = page.locator('[data-test=application]')
  await card.locator('[data-test=accept-time]').click()
  const room = card.locator('[data-test=enter-room]')
  await room.waitFor()
  assert.equal(await room.getAttribute('href'), `/interview/${application.id}`)
  assert.equal(await card.locator('[data-test=accept-time]').count(), 0)
  assert.match(await card.textContent(), /020-86660002/) // the fallback phone
  await fitsTheWidth()
  await page.screenshot({ path: join(shots, 'phone-applications.png') })
})

await t.step('an offer: the wage and start date in words, accepted', async () => {
  const application = await myApplication()
  const { version } = await staffApplication(application.id)
  await stepped(hrApi, `/api/v1/labor/applications/${application.id}/transitions/pass`, { version })
  await stepped(hrApi, `/api/v1/labor/applications/${application.id}/transitions/offer`, { version: version + 1,
    offer_wage_fen: 550000, offer_start_date: dayFromToday(30) })
  await page.reload()
  const card = page.locator('[data-test=application]')
  await waitForText(page, card.locator('[data-test=application-status]'), '已发录用通知')
  assert.match(await card.locator('[data-test=offer]').textContent(), new RegExp(`5,500元.*${dayFromToday(30)}`))
  await card.locator('[data-test=accept-offer]').click()
  await waitForText(page, card.locator('[data-test=application-status]'), '已接受录用')
  assert.equal(await card.locator('[data-test=accept-offer]').count(), 0)
  assert.equal((await staffApplication(application.id)).status, 'accepted')
})

// A second tab shares the session's cookie and nothing else: the page takes the CSRF token from the
// profile, so its writes are taken as the first tab's are.
await t.step('in a second tab, reports the posting with a reason; staff see the report', async () => {
  const tab = await context.newPage()
  await tab.goto(m(`/jobs/${job.id}`))
  await tab.locator('[data-test=report-open]').click()
  await tab.getByLabel('要交钱或押金').check()
  await tab.locator('textarea[name=detail]').fill('面试前要求先交300元体检费')
  await fitsTheWidth(tab)
  await tab.locator('[data-test=report-send]').click()
  await tab.locator('[data-test=report-done]').waitFor()
  await tab.close()
  const reports = await api.get(`/api/v1/labor/job_reports?job_id=${job.id}`)
  assert.equal(reports.status, 200, reports.text)
  const mine = reports.json.items.filter((r) => r.detail === '面试前要求先交300元体检费')
  assert.equal(mine.length, 1, reports.text)
  assert.equal(mine[0].reason, 'fee')
})

await t.step('logs out: the session is gone', async () => {
  await page.locator('[data-test=logout]').click()
  await page.waitForURL(/\/m\/login$/)
  const r = await context.request.get(`${stack.baseUrl}/api/v1/labor/me`)
  assert.equal(r.status(), 401)
  await page.goto(m('/applications'))
  await page.waitForURL(/\/m\/login$/)
})

await t.step('no script error and nothing blocked by the CSP on any page', async () => {
  assert.deepEqual(pageProblems, [])
})

await finish()
