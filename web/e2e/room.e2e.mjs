// The remote interview room (远程面试) in Chromium with its fake camera and microphone: the
// employer's HR opens a scheduled video interview from the applications list (desktop), the job
// seeker opens the same room under a one-time-code session at phone size (390×844); each page
// receives the other's video (the remote <video> has a frame of non-zero size and its time
// advances), the audio-only switch reaches the other side, and a third party is refused — the
// signalling upgrade with 404 before any WebSocket exists, and the room page with the reason.
// The interview is scheduled at a slot starting now (China time, the server's clock): the room is
// open only around its slot. Recording the interview's result closes the room within serve's
// re-check interval, and the page says why.
// Usage: SHANHAI_BINARY=build/shanhai node web/e2e/room.e2e.mjs
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import http from 'node:http'
import { join } from 'node:path'
import { slotStartingNow } from '../../tests/lib/china_time.mjs'
import { ApiClient } from '../../tests/lib/client.mjs'
import { fakeMediaFlags, launchBrowser, webDir } from './lib.mjs'
import { adminSession } from './session.mjs'

const { stack, page, api, t, finish, loginAs } = await adminSession('room', { args: fakeMediaFlags })
const PAIR = '440111-522727'
const HR = { name: 'room_e2e_hr', password: 'Room-e2e-hr-2026' }
const OTHER_HR = { name: 'room_e2e_hr_b', password: 'Room-e2e-hrb-2026' }
const SEEKER_MOBILE = '13712349301'
const shots = process.env.SCREENSHOTS ?? join(webDir, '../docs/screenshots')
mkdirSync(shots, { recursive: true })

async function created(path, json) {
  const r = await api.request('POST', path, { json })
  assert.equal(r.status, 201, `${path}: ${r.text}`)
  return r.json
}
async function stepped(path, json) {
  const r = await api.request('POST', path, { json })
  assert.equal(r.status, 200, `${path}: ${r.text}`)
  return r.json
}

// ---- one scheduled video interview: a verified employer, a published job, a seeker recommended by staff
// (source=self is left to the seeker's own route, POST /labor/me/applications)
const employer = await created('/api/v1/labor/employers', { pair: PAIR, credit_code: '91440111MA59RM0E16',
  name: '白云面试测试压缩机厂', region_code: '440111', contact_phone: '020-86660001', status: 'draft' })
await stepped(`/api/v1/labor/employers/${employer.id}/transitions/verify`, { version: 1 })
const otherEmployer = await created('/api/v1/labor/employers', { pair: PAIR, credit_code: '91440111MA59RM0E29',
  name: '白云面试测试电子厂', status: 'draft' })
const job = await created('/api/v1/labor/jobs', { pair: PAIR, employer_id: employer.id, title: '面试测试·压缩机装配工',
  headcount: 2, wage_min_fen: 510000, gender_rule: 'any', status: 'draft', working_hours: '8:00–17:30',
  rest_days: '每月休4天', wage_composition: '底薪＋计件', social_insurance: 'five_and_fund' })
await stepped(`/api/v1/labor/jobs/${job.id}/transitions/publish`, { version: 1 })
const person = await created('/api/v1/people/people', { pair: PAIR, name: '罗小燕', id_number: '522727199502030094',
  mobile: SEEKER_MOBILE, region_code: '522727', poverty_status: 'lifted' })
const seeker = await created('/api/v1/labor/seekers', { pair: PAIR, person_id: person.id, status: 'seeking',
  confirmed_date: '2026-11-20' })
const application = await created('/api/v1/labor/applications', { pair: PAIR, seeker_id: seeker.id, job_id: job.id,
  source: 'staff_recommended', applied_date: '2026-11-25', status: 'applied' })
for (const [user, owner] of [[HR, employer.id], [OTHER_HR, otherEmployer.id]])
  await created('/api/v1/admin/users', { ...user, roles: ['employer_hr'], owner_ledger: 'employers', owner_id: owner,
    must_change_password: false })
const hrApi = new ApiClient(stack.apiUrl)
await hrApi.mustLogin(HR.name, HR.password)
const slot = slotStartingNow()
const scheduled = await hrApi.request('POST', `/api/v1/labor/applications/${application.id}/transitions/schedule`,
  { json: { version: 1, interview_date: slot.date, interview_time: slot.slot, interview_mode: 'video' } })
assert.equal(scheduled.status, 200, scheduled.text)

// A job seeker's session in a browser context: the code requested there, read from the outbox
// by admin (as a village cadre would read it out), verified there (the cookie stays in context).
async function seekerLogin(context, mobile) {
  const requested = await context.request.post(`${stack.baseUrl}/api/v1/auth/otp/request`, { data: { mobile } })
  assert.equal(requested.status(), 200, await requested.text())
  const box = await api.get(`/api/v1/messages/outbox?mobile=${mobile}`)
  const whole = await api.get(`/api/v1/messages/outbox/${box.json.items[0].id}/reveal`)
  const code = /\d{6}/.exec(whole.json.text)[0]
  const verified = await context.request.post(`${stack.baseUrl}/api/v1/auth/otp/verify`, { data: { mobile, code } })
  assert.equal(verified.status(), 200, await verified.text())
}

// The remote video plays: a frame of non-zero size, and its time moving on.
async function receivesVideo(p) {
  const video = p.locator('[data-test=remote-video]')
  await p.waitForFunction((el) => el.videoWidth > 0 && el.currentTime > 0, await video.elementHandle(), { timeout: 30000 })
  const before = await video.evaluate((el) => el.currentTime)
  await p.waitForFunction((args) => args.el.currentTime > args.before + 0.5, { el: await video.elementHandle(), before },
    { timeout: 15000 })
  return video.evaluate((el) => ({ width: el.videoWidth, height: el.videoHeight }))
}

const seekerContext = await launchBrowser({ args: fakeMediaFlags, viewport: { width: 390, height: 844 } })
const seekerPage = seekerContext.pages()[0] ?? (await seekerContext.newPage())
seekerPage.setDefaultTimeout(15000)
const roomUrl = `${stack.baseUrl}/interview/${application.id}`

await t.step('the employer\'s HR enters the room from the applications list', async () => {
  await loginAs(HR.name, HR.password)
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.goto(`${stack.baseUrl}/labor/applications`)
  await page.locator('[data-test=enter-interview]').first().click()
  await page.waitForURL(new RegExp(`/interview/${application.id}$`))
  await page.locator('[data-test=room-job]').waitFor()
  assert.equal((await page.locator('[data-test=room-job]').textContent()).trim(), '面试测试·压缩机装配工')
  assert.equal((await page.locator('[data-test=room-other]').textContent()).trim(), '罗*燕')
  await page.locator('[data-test=room-status][data-status=waiting]').waitFor()
  // The camera starts small: 320×240.
  const local = page.locator('[data-test=local-video]')
  await page.waitForFunction((el) => el.videoWidth > 0, await local.elementHandle())
  assert.deepEqual(await local.evaluate((el) => [el.videoWidth, el.videoHeight]), [320, 240])
})

await t.step('the job seeker joins at phone size and both sides receive the other\'s video', async () => {
  await seekerLogin(seekerContext, SEEKER_MOBILE)
  await seekerPage.goto(roomUrl)
  await seekerPage.locator('[data-test=room-employer]').waitFor()
  assert.equal((await seekerPage.locator('[data-test=room-employer]').textContent()).trim(), '白云面试测试压缩机厂')
  await seekerPage.locator('[data-test=room-status][data-status=connected]').waitFor({ timeout: 30000 })
  await page.locator('[data-test=room-status][data-status=connected]').waitFor({ timeout: 30000 })
  assert.equal((await page.locator('[data-test=room-status]').textContent()).trim(), '已接通')
  const atSeeker = await receivesVideo(seekerPage)
  const atEmployer = await receivesVideo(page)
  assert.ok(atSeeker.width > 0 && atSeeker.height > 0, JSON.stringify(atSeeker))
  assert.ok(atEmployer.width > 0 && atEmployer.height > 0, JSON.stringify(atEmployer))
  // The phone page fits its width: nothing scrolls sideways.
  assert.ok(await seekerPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
  await seekerPage.screenshot({ path: join(shots, 'interview-phone.png') })
  await page.screenshot({ path: join(shots, 'interview-desktop.png') })
})

await t.step('audio only (弱网) with one tap: the other side is told', async () => {
  await seekerPage.locator('[data-test=toggle-audio-only]').click()
  await page.locator('.remote-note', { hasText: '对方已切换为只用语音' }).waitFor()
  await seekerPage.locator('[data-test=toggle-audio-only]').click()
  await page.locator('.remote-note').waitFor({ state: 'detached' })
})

await t.step('both joins are in the audit log, by party', async () => {
  const audit = await api.get(`/api/v1/admin/audit?action=interview_join&record_id=${application.id}`)
  const details = audit.json.items.map((e) => `${e.actor} ${e.detail}`)
  assert.ok(details.includes(`${HR.name} party=employer`), details.join('|'))
  assert.ok(details.includes(`job_seeker:${person.id} party=seeker`), details.join('|'))
})

// A raw upgrade of the signalling route with otherCookie: the status the server answers.
function upgradeStatus(cookie) {
  return new Promise((resolve, reject) => {
    const url = new URL(`${stack.apiUrl}/api/v1/labor/applications/${application.id}/signal`)
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, headers: {
      Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', Cookie: cookie } })
    req.on('upgrade', (res, socket) => {
      socket.destroy()
      resolve(res.statusCode)
    })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode)
    })
    req.on('error', reject)
    req.end()
  })
}

await t.step('a third account is refused before the upgrade, and its room page says so', async () => {
  const other = new ApiClient(stack.apiUrl)
  await other.mustLogin(OTHER_HR.name, OTHER_HR.password)
  assert.equal(await upgradeStatus(other.cookie), 404)
  assert.equal(await upgradeStatus(api.cookie), 403) // an administrator is no party either
  // The refusal leaves the room as it was: both parties still connected.
  assert.equal(await seekerPage.locator('[data-test=room-status]').getAttribute('data-status'), 'connected')

  const thirdContext = await launchBrowser({ args: fakeMediaFlags, viewport: { width: 390, height: 844 } })
  try {
    const third = thirdContext.pages()[0] ?? (await thirdContext.newPage())
    await third.goto(`${stack.baseUrl}/login`)
    await third.locator('input[name=name]').fill(OTHER_HR.name)
    await third.locator('input[name=password]').fill(OTHER_HR.password)
    await third.locator('[data-test=login-submit]').click()
    await third.waitForURL((u) => !u.pathname.startsWith('/login'))
    await third.goto(roomUrl)
    const error = third.locator('[data-test=room-error]')
    await error.waitFor()
    assert.match(await error.textContent(), /没有这场面试/)
    assert.equal(await third.locator('[data-test=remote-video]').count(), 0)
  } finally {
    await thirdContext.close()
  }
})

await t.step('leaving tells the other side', async () => {
  await seekerPage.locator('[data-test=leave]').click()
  await page.locator('[data-test=room-status][data-status=left]').waitFor()
})

await t.step('recording the result closes the room, and the page says why', async () => {
  const passed = await hrApi.request('POST', `/api/v1/labor/applications/${application.id}/transitions/pass`,
    { json: { version: scheduled.json.version } })
  assert.equal(passed.status, 200, passed.text)
  // serve re-checks open seats every 10 seconds by default
  const closed = page.locator('[data-test=room-closed]')
  await closed.waitFor({ timeout: 20000 })
  assert.equal(await closed.getAttribute('data-reason'), 'room_closed')
  assert.match(await closed.textContent(), /面试间已关闭.*面试通过/)
  assert.equal(await page.locator('[data-test=room-status]').getAttribute('data-status'), 'closed')
})

await seekerContext.close()
await finish()
