import { describe, expect, it } from 'vitest'
import { exportFileName, isBeforeDay, isReversedRange, parseTypedDate, rangeStartKey, withRangeEnd } from './dates'

describe('typed dates', () => {
  it('reads the forms clerks type, full-width digits included', () => {
    expect(parseTypedDate('2020年5月1日')).toBe('2020-05-01')
    expect(parseTypedDate('2020年05月01')).toBe('2020-05-01')
    expect(parseTypedDate('2020.5.1')).toBe('2020-05-01')
    expect(parseTypedDate('2020/12/31')).toBe('2020-12-31')
    expect(parseTypedDate('2020-5-1')).toBe('2020-05-01')
    expect(parseTypedDate(' ２０２０年５月１日 ')).toBe('2020-05-01')
    expect(parseTypedDate('20200501')).toBe('2020-05-01')
  })
  it('refuses text that is no day', () => {
    expect(parseTypedDate('2021年2月30日')).toBeNull()
    expect(parseTypedDate('2020.13.1')).toBeNull()
    expect(parseTypedDate('五月一日')).toBeNull()
    expect(parseTypedDate('')).toBeNull()
  })
})

describe('export names and date ranges', () => {
  it('names an export after its ledger and the day', () => {
    expect(exportFileName('交流互访', 'xlsx', new Date(2026, 11, 1, 9, 30))).toBe('交流互访-2026-12-01.xlsx')
  })
  it('pairs an end date with its start', () => {
    expect(rangeStartKey('end_date', ['start_date', 'end_date'])).toBe('start_date')
    expect(rangeStartKey('end_date', ['end_date'])).toBeNull()
    expect(rangeStartKey('start_date', ['start_date', 'end_date'])).toBeNull()
  })
})

describe('ranges as the range field keeps them', () => {
  it('calls a range reversed only when both ends are given and the end comes first', () => {
    expect(isReversedRange(['2026-03-05', '2026-03-01'])).toBe(true)
    expect(isReversedRange(['2026-03-05', '2026-03-05'])).toBe(false)
    expect(isReversedRange(['2026-03-05', ''])).toBe(false)
    expect(isReversedRange(['', '2026-03-01'])).toBe(false)
    expect(isReversedRange(null)).toBe(false)
  })
  it('sets one end and drops a range with no end left', () => {
    expect(withRangeEnd(null, 0, '2026-03-05')).toEqual(['2026-03-05', ''])
    expect(withRangeEnd(['2026-03-05', ''], 1, '2026-03-01')).toEqual(['2026-03-05', '2026-03-01'])
    expect(withRangeEnd(['2026-03-05', ''], 0, null)).toBeNull()
  })
  it('offers no day before the earliest, the earliest itself included', () => {
    expect(isBeforeDay(new Date(2026, 2, 4), '2026-03-05')).toBe(true)
    expect(isBeforeDay(new Date(2026, 2, 5), '2026-03-05')).toBe(false)
    expect(isBeforeDay(new Date(2026, 2, 4), '')).toBe(false)
  })
})
