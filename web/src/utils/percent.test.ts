import { describe, expect, it } from 'vitest'
import type { IndicatorDef } from '@/api/indicators/types'
import { formatIndicator } from './indicators'
import { formatPercent } from './percent'
import { figureWithUnit } from './units'

const rate: IndicatorDef = {
  key: 'funds.fiscal_utilisation_rate', group: 'funds', group_label_zh: '资金支持', label_zh: '财政援助资金拨付率',
  label_en: 'Fiscal aid utilisation', full_label_zh: '财政援助资金拨付率', full_label_en: 'Fiscal aid utilisation', unit: '%', definition_zh: '', ledger: '', has_poverty: false, is_rate: true, headline: 0,
}

describe('formatPercent', () => {
  it('writes two decimals and the sign without a space, as the report does', () => {
    expect(formatPercent(262.5)).toBe('262.50%')
    expect(formatPercent(100)).toBe('100.00%')
    expect(formatPercent(2168)).toBe('2168.00%')
    expect(formatPercent(0.125)).toBe('0.13%')
    expect(formatPercent(-3.1)).toBe('-3.10%')
    expect(formatPercent(-0.001)).toBe('0.00%')
  })
  it('shows a dash for no value', () => {
    expect(formatPercent(null)).toBe('—')
    expect(formatPercent(undefined)).toBe('—')
  })
  it('is how a rate indicator is shown, its unit not repeated', () => {
    expect(formatIndicator(rate, 262.5)).toBe('262.50%')
    expect(figureWithUnit(rate, 262.5)).toBe('262.50%')
    expect(figureWithUnit(rate, null)).toBe('—')
    expect(figureWithUnit({ ...rate, unit: '批', is_rate: false }, null)).toBe('—')
    expect(figureWithUnit({ ...rate, unit: '批', is_rate: false }, 19)).toBe('19批')
  })
})
