// The region cascader of a record whose pair is known: rooted at the pair's two sides, browsed
// there, and searched on the server within them (towns and villages by name or initials).
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/i18n'
import { pathFromSide, insideSide, pairSides } from '@/utils/pairRegions'
import RegionCascader from './RegionCascader.vue'

const county = (code: string, name: string) => ({ code, name, level: 'county' })
// What the server answers, by path and depth; anything else is an empty list.
const answers: Record<string, unknown[]> = {
  '/api/v1/meta/regions/440100/children': [county('440111', '白云区')],
  '/api/v1/meta/regions/522700/children': [county('522727', '平塘县')],
  '/api/v1/meta/regions/0/children?depth=3': [{ code: '520000', name: '贵州省', level: 'province' }],
  '/api/v1/meta/regions/440111/children?depth=2': [{ code: '440111001', name: '三元里街道', level: 'town',
    children: [{ code: '440111001001', name: '松柏社区居委会', level: 'village' }] }],
  '/api/v1/meta/regions/522727/children?depth=2': [{ code: '522727200', name: '卡蒲毛南族乡', level: 'town',
    children: [{ code: '522727200205', name: '甲坝村村民委员会', common: '甲坝村', level: 'village' }] }],
}
const jiaba = { code: '522727200205', name: '甲坝村村民委员会', level: 'village', label: '黔南州平塘县卡蒲毛南族乡甲坝村',
  path: [{ code: '520000', name: '贵州省' }, { code: '522700', name: '黔南布依族苗族自治州' }, { code: '522727', name: '平塘县' },
    { code: '522727200', name: '卡蒲毛南族乡' }, { code: '522727200205', name: '甲坝村村民委员会' }] }
// The search's answer: 甲坝村 for what finds it (the server's matching is tested there).
const hits: Record<string, unknown[]> = { 甲坝: [jiaba], jbc: [jiaba] }
const asked: string[] = []

function stubServer() {
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost')
    const key = url.pathname + url.search
    asked.push(key)
    if (url.pathname === '/api/v1/meta/regions/search') {
      const items = hits[url.searchParams.get('q') ?? ''] ?? []
      return new Response(JSON.stringify({ items, total: items.length, truncated: false }), { status: 200 })
    }
    return new Response(JSON.stringify({ items: answers[key] ?? [], source: '' }), { status: 200 })
  }))
}

async function search(typed: string) {
  const w = mount(RegionCascader, { props: { modelValue: '', pair: '440111-522727' }, global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  await w.find('input').setValue(typed)
  return w
}

const shownHits = () => [...document.body.querySelectorAll('[data-test=region-hit]')].map((e) => e.textContent?.trim())

// The cascader reads the signed-in user's scope (none here: the pair alone limits it).
beforeEach(() => setActivePinia(createPinia()))

afterEach(() => {
  document.body.innerHTML = ''
  asked.length = 0
})

describe('RegionCascader with a pair', () => {
  it('asks the server within the two sides and lists a village by its place from the side', async () => {
    stubServer()
    for (const typed of ['甲坝', 'jbc']) {
      const w = await search(typed)
      await vi.waitFor(() => expect(shownHits()).toEqual(['平塘县 / 卡蒲毛南族乡 / 甲坝村村民委员会']), { timeout: 3000 })
      expect(asked.filter((a) => a.startsWith('/api/v1/meta/regions/search')).at(-1))
        .toBe(`/api/v1/meta/regions/search?q=${encodeURIComponent(typed)}&limit=20&root=440111%2C522727`)
      w.unmount()
    }
    expect(asked).not.toContain('/api/v1/meta/regions/0/children?depth=3') // not the whole country
  })

  it('emits the code of the region picked from the search', async () => {
    stubServer()
    const w = await search('甲坝')
    await vi.waitFor(() => expect(shownHits()).toHaveLength(1), { timeout: 3000 })
    ;(document.body.querySelector('[data-test=region-hit]') as HTMLElement).click()
    await vi.waitFor(() => expect(w.emitted('update:modelValue')?.at(-1)).toEqual(['522727200205']))
    w.unmount()
  })

  it('says so when nothing matches', async () => {
    stubServer()
    const w = await search('不存在')
    await vi.waitFor(() => expect(document.body.textContent).toContain('没有名称、代码或拼音首字母相符的地区'), { timeout: 3000 })
    w.unmount()
  })

  it('shows a stored village as its path from the side, by the names tables use (甲坝村)', async () => {
    stubServer()
    const w = mount(RegionCascader, { props: { modelValue: '522727200205', pair: '440111-522727' }, global: { plugins: [i18n] }, attachTo: document.body })
    await vi.waitFor(async () => {
      await flushPromises()
      expect((w.find('input').element as HTMLInputElement).value).toBe('平塘县 / 卡蒲毛南族乡 / 甲坝村')
    }, { timeout: 3000 })
    w.unmount()
  })
})

describe('pair sides', () => {
  it('reads a pair code and places codes inside its sides', () => {
    expect(pairSides('440111-522727')).toEqual(['440111', '522727'])
    expect(pairSides('4401-5227')).toEqual([])
    expect(insideSide('522700', '522727200205')).toBe(true)
    expect(insideSide('522727', '522728100')).toBe(false)
    expect(pathFromSide('522700', '522727200205')).toEqual(['522700', '522727', '522727200', '522727200205'])
  })
})
