import { describe, expect, it } from 'vitest'
import { shortcutOf, shortcutPeriod } from './period'

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
})
