// The region cascader of a user scoped to a region (a town's clerk): it starts at the clerk's own
// town, with or without the record's pair, and searches there; a field that may lie anywhere
// keeps the whole tree. And the roots' rule itself, by region level, never by string prefix.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CurrentUser } from '@/api/auth/types'
import { i18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { insideSide, pickerRoots } from '@/utils/pairRegions'
import RegionCascader from './RegionCascader.vue'

const KAPU = '522727200' // 卡蒲毛南族乡, a town of 平塘县
const town = (code: string, name: string) => ({ code, name, level: 'town' })
const village = (code: string, name: string) => ({ code, name, level: 'village' })
// What the server answers, by path and query; anything else is an empty list.
const answers: Record<string, unknown[]> = {
  '/api/v1/meta/regions/0/children?depth=3': [{ code: '520000', name: '贵州省', level: 'province' }],
  '/api/v1/meta/regions/522727/children': [town(KAPU, '卡蒲毛南族乡'), town('522727201', '另一个乡')],
  [`/api/v1/meta/regions/${KAPU}/children?depth=2`]: [village('522727200205', '甲坝村')],
}
const asked: string[] = []
// The search's answer (set by a test; none by default).
let searchHits: unknown[] = []

function stubServer() {
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost')
    asked.push(url.pathname + url.search)
    if (url.pathname === '/api/v1/meta/regions/search')
      return new Response(JSON.stringify({ items: searchHits, total: searchHits.length, truncated: false }), { status: 200 })
    return new Response(JSON.stringify({ items: answers[url.pathname + url.search] ?? [], source: '' }), { status: 200 })
  }))
}

function signIn(region: string) {
  useAuthStore().user = { name: 'kapuclerk', roles: ['staff'], region, owner_ledger: '', owner_id: 0, permissions: [], csrf_token: 'x' } as CurrentUser
}

/** The first column's names once the dropdown is opened. */
async function firstColumn(props: Record<string, unknown>): Promise<string[]> {
  const w = mount(RegionCascader, { props: { modelValue: '', ...props }, global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  await w.find('.el-cascader').trigger('click')
  let names: string[] = []
  await vi.waitFor(async () => {
    await flushPromises()
    const menu = document.body.querySelector('.region-cascader .el-cascader-menu')
    names = [...(menu?.querySelectorAll('.el-cascader-node__label') ?? [])].map((e) => e.textContent?.trim() ?? '')
    expect(names.length).toBeGreaterThan(0)
  }, { timeout: 3000 })
  w.unmount()
  return names
}

beforeEach(() => {
  setActivePinia(createPinia())
  stubServer()
})
afterEach(() => {
  document.body.innerHTML = ''
  asked.length = 0
  searchHits = []
})

describe('RegionCascader for a town’s clerk', () => {
  it('starts at the clerk’s town, not at the pair’s sides or the province', async () => {
    signIn(KAPU)
    expect(await firstColumn({ pair: '440111-522727' })).toEqual(['卡蒲毛南族乡'])
    expect(await firstColumn({})).toEqual(['卡蒲毛南族乡'])
    expect(asked).not.toContain('/api/v1/meta/regions/0/children?depth=3')
    expect(asked).not.toContain('/api/v1/meta/regions/522727/children?depth=2')
  })

  it('searches within the town', async () => {
    signIn(KAPU)
    const w = mount(RegionCascader, { props: { modelValue: '' }, global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    await w.find('input').setValue('甲坝')
    await vi.waitFor(() => expect(asked.some((a) => a.startsWith('/api/v1/meta/regions/search'))).toBe(true), { timeout: 3000 })
    expect(asked.find((a) => a.startsWith('/api/v1/meta/regions/search'))).toContain(`root=${KAPU}`)
    w.unmount()
  })

  it('offers no town to a field that takes counties at most (a pair’s side)', async () => {
    signIn(KAPU)
    searchHits = [{ code: '522727', name: '平塘县', level: 'county', label: '黔南州平塘县', path: [] },
      { code: KAPU, name: '卡蒲毛南族乡', level: 'town', label: '卡蒲毛南族乡', path: [] }]
    const w = mount(RegionCascader, { props: { modelValue: '', anywhere: true, countiesOnly: true },
      global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    await w.find('input').setValue('平塘')
    await vi.waitFor(() => expect(document.body.querySelectorAll('[data-test="region-hit"]').length).toBe(1), { timeout: 3000 })
    expect(document.body.querySelector('[data-test="region-hit"]')?.getAttribute('title')).toBe('522727')
    w.unmount()
  })

  it('keeps the whole tree for a field that may lie anywhere (a pair’s side)', async () => {
    signIn(KAPU)
    expect(await firstColumn({ anywhere: true })).toEqual(['贵州省'])
  })
})

describe('picker roots', () => {
  it('judges inside by level: a town ending in 00 does not hold its neighbour', () => {
    expect(insideSide(KAPU, '522727201')).toBe(false)
    expect(insideSide(KAPU, '522727201001')).toBe(false)
    expect(insideSide(KAPU, '522727200205')).toBe(true)
    expect(insideSide(KAPU, KAPU)).toBe(true)
    expect(insideSide('522727', KAPU)).toBe(true)
    expect(insideSide('520000', '522727200205')).toBe(true)
    expect(insideSide('440000', KAPU)).toBe(false)
  })

  it('takes the narrower of the pair’s sides and the user’s scope', () => {
    expect(pickerRoots(['440111', '522727'], '')).toEqual(['440111', '522727'])
    expect(pickerRoots(['440111', '522727'], KAPU)).toEqual([KAPU])
    expect(pickerRoots(['440111', '522727'], '520000')).toEqual(['522727'])
    expect(pickerRoots([], KAPU)).toEqual([KAPU])
    // A scope the pair does not meet: the scope (the server refuses a record outside it anyway).
    expect(pickerRoots(['440103', '522728'], KAPU)).toEqual([KAPU])
    expect(pickerRoots([], '')).toEqual([])
  })
})
