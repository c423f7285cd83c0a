import { afterEach, describe, expect, it } from 'vitest'
import type { IndicatorDef } from '@/api/indicators/types'
import { setLocale } from '@/i18n'
import { figureWithUnit } from './units'

const count = (unit: string): IndicatorDef => ({
  key: 'k', group: 'leadership', group_label_zh: '两方力量·组织领导', label_zh: '指标', label_en: 'Figure',
  full_label_zh: '指标', full_label_en: 'Figure', unit, definition_zh: '', ledger: 'visits', has_poverty: false,
  is_rate: false, headline: 0,
})

describe('figureWithUnit', () => {
  afterEach(() => setLocale('zh-CN'))
  it('writes the unit right after the figure in Chinese, as the report does', () => {
    setLocale('zh-CN')
    expect(figureWithUnit(count('人次'), 1036)).toBe('1,036人次')
    expect(figureWithUnit(count('批'), 21)).toBe('21批')
    expect(figureWithUnit(count('个'), 29)).toBe('29个')
  })
  it('translates the unit in English, after a real space, singular for one', () => {
    setLocale('en')
    expect(figureWithUnit(count('批'), 21)).toBe('21 batches')
    expect(figureWithUnit(count('批'), 1)).toBe('1 batch')
    expect(figureWithUnit(count('人次'), 1036)).toBe('1,036 person-times')
    expect(figureWithUnit(count('名'), 13)).toBe('13 people')
    expect(figureWithUnit(count('名'), 1)).toBe('1 person')
    // A unit English leaves unsaid (个, 所, 家): the number alone, no trailing space.
    expect(figureWithUnit(count('个'), 29)).toBe('29')
  })
})
