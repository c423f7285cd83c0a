import { describe, expect, it } from 'vitest'
import type { IndicatorDef } from '@/api/indicators/types'
import { buildUrl, fileNameFrom } from '@/api/http'
import { diffRecords, parseJsonRecord } from './diff'
import { formatIndicator, headlinesOf, sectionsOf, targetMissingText } from './indicators'
import { parentCode } from './regions'

const def = (key: string, group: string, group_label_zh: string, extra: Partial<IndicatorDef> = {}): IndicatorDef => ({
  key, group, group_label_zh, label_zh: key, label_en: key, full_label_zh: key, full_label_en: key, unit: '批', definition_zh: '', ledger: 'visits',
  has_poverty: false, is_rate: false, headline: 0, ...extra,
})

describe('indicator sections', () => {
  it('groups the catalogue as the article does, keeping its order', () => {
    const s = sectionsOf([
      def('a', 'leadership', '两方力量·组织领导'),
      def('b', 'talent', '两方力量·人才交流'),
      def('c', 'funds', '资金支持'),
      def('d', 'leadership', '两方力量·组织领导'),
    ])
    expect(s.map((x) => x.labelZh)).toEqual(['两方力量', '资金支持'])
    expect(s[0].groups.map((g) => [g.labelZh, g.defs.map((d) => d.key)])).toEqual([['组织领导', ['a', 'd']], ['人才交流', ['b']]])
    expect(s[1].groups[0].labelZh).toBe('资金支持')
  })
  it('puts the headline figures in their declared order', () => {
    const list = [def('a', 'g', 'g', { headline: 2 }), def('b', 'g', 'g'), def('c', 'g', 'g', { headline: 1 })]
    expect(headlinesOf(list).map((d) => d.key)).toEqual(['c', 'a'])
  })
  it('formats money indicators in 万元 and leaves missing values visible', () => {
    expect(formatIndicator(def('m', 'funds', '资金支持', { unit: 'fen' }), 222550000)).toBe('222.55万元')
    expect(formatIndicator(def('n', 'x', 'x'), null)).toBe('—')
    expect(formatIndicator(def('n', 'x', 'x'), 4600)).toBe('4,600')
  })
})

describe('history diff', () => {
  it('lists only changed fields, ignoring bookkeeping', () => {
    const before = { id: 1, title: 'a', person_times: 3, note: null, version: 1, updated_at: 'x' }
    const after = { id: 1, title: 'b', person_times: 3, note: '', version: 2, updated_at: 'y' }
    expect(diffRecords(before, after)).toEqual([{ key: 'title', before: 'a', after: 'b' }])
    expect(diffRecords(null, { title: 'a', version: 1 })).toEqual([{ key: 'title', before: null, after: 'a' }])
    expect(parseJsonRecord('')).toBeNull()
    expect(parseJsonRecord('{"a":1}')).toEqual({ a: 1 })
  })
})

describe('http helpers', () => {
  it('builds query strings without empty values', () => {
    expect(buildUrl('/x', { q: '白云', page: 2, to: '', from: undefined })).toBe('/x?q=%E7%99%BD%E4%BA%91&page=2')
  })
  it('reads the RFC 5987 file name', () => {
    expect(fileNameFrom("attachment; filename=\"download\"; filename*=UTF-8''%E4%BA%A4%E6%B5%81.xlsx", 'f')).toBe('交流.xlsx')
    expect(fileNameFrom(null, 'f.xlsx')).toBe('f.xlsx')
  })
})

describe('region parents', () => {
  it('finds the list a code belongs to', () => {
    expect(parentCode('440000')).toBe('0')
    expect(parentCode('522700')).toBe('520000')
    expect(parentCode('522727')).toBe('522700')
    expect(parentCode('522727100')).toBe('522727')
  })
})

describe('targetMissingText', () => {
  it('names the years without a target in either language, and nothing for none', () => {
    expect(targetMissingText([2026], true)).toBe('2026年未设目标')
    expect(targetMissingText([2024, 2026], true)).toBe('2024年、2026年未设目标')
    expect(targetMissingText([2016, 2017, 2018, 2021, 2023, 2024], true)).toBe('2016–2018年、2021年、2023–2024年未设目标')
    expect(targetMissingText([2026], false)).toBe('No target set for 2026')
    expect(targetMissingText([2016, 2017, 2018, 2021], false)).toBe('No target set for 2016–2018, 2021')
    expect(targetMissingText([], true)).toBe('')
    expect(targetMissingText(undefined, false)).toBe('')
  })
})
