// 招聘需求 shows each job's counts as the server totals them: a job with more applications than the
// largest page (1,000) still shows every one, and the browser fetches no application to count.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { CurrentUser } from '@/api/auth/types'
import type { LedgerMeta } from '@/api/meta/types'
import { i18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { useMetaStore } from '@/stores/meta'
import OpenJobs from './OpenJobs.vue'

const ledger = (name: string): LedgerMeta => ({
  name, module: 'labor', label_zh: name, label_en: name, path: `/api/v1/labor/${name}`, date_field: '', natural_key: '',
  pair_scoped: true, fields: [],
})

// What the server holds of job 7's applications, per state: more than a page in several.
const kByState: Record<string, number> = {
  applied: 1500, interview_scheduled: 300, passed: 2, offered: 1, accepted: 1, placed: 1200, withdrawn: 40, failed: 9,
}
const kAll = Object.values(kByState).reduce((a, b) => a + b, 0)

const asked: URL[] = []
function answer(url: URL): unknown {
  if (url.pathname === '/api/v1/labor/jobs')
    return { items: [{ id: 7, title: '压缩机装配工', employer_id: 3, headcount: 10 }], total: 1, page: 1, page_size: 20 }
  if (url.pathname === '/api/v1/labor/employers') return { items: [{ id: 3, name: '广州白云演示压缩机有限公司' }], total: 1 }
  if (url.pathname === '/api/v1/labor/applications') {
    const status = url.searchParams.get('status')
    const total = status ? (kByState[status] ?? 0) : kAll
    return { items: total ? [{ id: 1, job_id: 7, status: status ?? 'applied' }] : [], total, page: 1, page_size: 1 }
  }
  throw new Error(`unexpected request ${url}`)
}

beforeEach(() => {
  setActivePinia(createPinia())
  useAuthStore().user = { name: 'staff1', roles: ['staff'], region: '', owner_ledger: '', owner_id: 0, permissions: [], csrf_token: 'x' } as CurrentUser
  useMetaStore().ledgers = ['jobs', 'employers', 'applications'].map(ledger)
  asked.length = 0
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = new URL(input, 'http://console.test')
    asked.push(url)
    return new Response(JSON.stringify(answer(url)), { status: 200 })
  }))
})
afterEach(() => vi.unstubAllGlobals())

it('shows the server\'s count of each stage and of all applications, however many there are', async () => {
  const w = mount(OpenJobs, { global: { plugins: [i18n, ElementPlus] } })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.find('[data-test=open-job] [data-test=count-applied] b').exists()).toBe(true)
    expect(w.find('[data-test=count-placed] b').text()).toBe('1200')
  }, { timeout: 3000 })
  const count = (stage: string) => w.find(`[data-test=open-job] [data-test=count-${stage}] b`).text()
  expect(count('applied')).toBe('1500')
  expect(count('interview')).toBe('302')
  expect(count('hired')).toBe('2')
  expect(w.find('[data-test=show-applicants]').text()).toBe(`应聘人员（${kAll}）`)

  // Counted by the server: each question asks one record of one job, per open state and once in all.
  const counting = asked.filter((u) => u.pathname === '/api/v1/labor/applications')
  expect(counting.every((u) => u.searchParams.get('page_size') === '1' && u.searchParams.get('job_id') === '7')).toBe(true)
  expect(counting.map((u) => u.searchParams.get('status') ?? '').sort())
    .toEqual(['', 'accepted', 'applied', 'interview_scheduled', 'offered', 'passed', 'placed'])
})
