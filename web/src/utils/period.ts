// The period shortcuts of the dashboard and the report: this year, last year, and the whole
// cooperation since the pair was established (the pairs ledger's established_date).

import { todayIso } from './dates'

export type PeriodShortcut = 'thisYear' | 'lastYear' | 'sincePaired'
export const periodShortcuts: PeriodShortcut[] = ['thisYear', 'lastYear', 'sincePaired']

/**
 * [from, to] of a shortcut on `today`; pairedOn is the pair's established_date. Without one,
 * 协作以来 is the whole record (null: no bounds), as the server counts an open period.
 */
export function shortcutPeriod(kind: PeriodShortcut, today: Date, pairedOn?: string | null): [string, string] | null {
  const year = today.getFullYear()
  if (kind === 'thisYear') return [`${year}-01-01`, `${year}-12-31`]
  if (kind === 'lastYear') return [`${year - 1}-01-01`, `${year - 1}-12-31`]
  return pairedOn ? [pairedOn, todayIso(today)] : null
}

/** Which shortcut dates are, if any (for highlighting it). */
export function shortcutOf(dates: [string, string] | null, today: Date, pairedOn?: string | null): PeriodShortcut | '' {
  const same = (p: [string, string] | null) => (p === null ? dates === null : dates?.[0] === p[0] && dates?.[1] === p[1])
  return periodShortcuts.find((k) => same(shortcutPeriod(k, today, pairedOn))) ?? ''
}
