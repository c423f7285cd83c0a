import { describe, expect, it } from 'vitest'
import { pairedSince, shortcutOf, shortcutPeriod } from './period'

describe('period shortcuts', () => {
  const today = new Date(2026, 11, 1) // 1 December 2026, local time
  it('gives this year, last year and the time since the pair was established', () => {
    expect(shortcutPeriod('thisYear', today)).toEqual(['2026-01-01', '2026-12-31'])
    expect(shortcutPeriod('lastYear', today)).toEqual(['2025-01-01', '2025-12-31'])
    expect(shortcutPeriod('sincePaired', today, '2016-10-10')).toEqual(['2016-10-10', '2026-12-01'])
    expect(shortcutPeriod('sincePaired', today, '')).toBeNull()
  })
  it('recognises the shortcut a period is', () => {
    expect(shortcutOf(['2025-01-01', '2025-12-31'], today)).toBe('lastYear')
    expect(shortcutOf(['2016-10-10', '2026-12-01'], today, '2016-10-10')).toBe('sincePaired')
    expect(shortcutOf(['2025-01-01', '2025-06-30'], today)).toBe('')
  })
  it('starts 协作以来 at the earliest 建立日期 of the pair and the pairs inside it', () => {
    const pairs = [
      { code: '440100-522700', helper_region: '440100', helped_region: '522700', established_date: null },
      { code: '440111-522727', helper_region: '440111', helped_region: '522727', established_date: '2016-01-01' },
      { code: '440103-522728', helper_region: '440103', helped_region: '522728', established_date: '2017-03-05' },
      { code: '440300-522600', helper_region: '440300', helped_region: '522600', established_date: '2013-01-01' },
    ]
    expect(pairedSince(pairs, '440111-522727')).toBe('2016-01-01')
    expect(pairedSince(pairs, '440100-522700')).toBe('2016-01-01')
    expect(pairedSince(pairs, '440103-522728')).toBe('2017-03-05')
    expect(pairedSince(pairs, '440000-520000')).toBe('2013-01-01')
    expect(pairedSince(pairs, '440106-522729')).toBeNull()
  })
})
