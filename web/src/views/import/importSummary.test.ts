import { describe, expect, it } from 'vitest'
import type { SheetReport, WorkbookReport } from '@/api/ledger/types'
import { summarize } from './importSummary'

const sheet = (over: Partial<SheetReport>): SheetReport => ({
  sheet: '交流互访', ledger: 'visits', label_zh: '交流互访', label_en: 'Visits', rows: 5, valid_count: 5, invalid_count: 0,
  stored: 5, already_stored: 0, stored_refused: 0, updated: 0, ...over,
})
const book = (sheets: SheetReport[]): WorkbookReport => ({
  rows: 0, valid_count: 0, invalid_count: 0, stored: 0, already_stored: 0, stored_refused: 0, updated: 0, dry_run: false,
  errors: [], sheets, ignored_sheets: [], empty_sheets: [],
})

describe('the summary of an import', () => {
  it('counts per sheet what was stored, updated and left out, and the totals', () => {
    const s = summarize('平塘县台账.xlsx', book([
      sheet({ stored: 3, already_stored: 2 }),
      sheet({ sheet: '结对单位', ledger: 'units', stored: 0, already_stored: 4, updated: 4, invalid_count: 1 }),
    ]), { skipInvalid: true, alreadyStored: 'skip' }, new Date(2026, 11, 2, 9, 5))
    expect(s.at).toBe('09:05')
    expect(s.fileName).toBe('平塘县台账.xlsx')
    expect(s.sheets.map((x) => [x.ledger, x.stored, x.updated, x.skippedStored, x.skippedInvalid]))
      .toEqual([['visits', 3, 0, 2, 0], ['units', 0, 4, 0, 1]])
    expect([s.stored, s.updated, s.skippedStored, s.skippedInvalid]).toEqual([3, 4, 2, 1])
  })

  it('counts no bad row as left out when the clerk did not skip them (the file had none)', () => {
    expect(summarize('a.xlsx', book([sheet({ invalid_count: 2 })]), { skipInvalid: false, alreadyStored: 'refuse' })
      .skippedInvalid).toBe(0)
  })
})
