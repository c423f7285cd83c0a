// The period shortcuts of the dashboard and the report: this year, last year, and the whole
// cooperation since the pair was established (the pairs ledger's established_date).

import { todayIso } from './dates'
import { insideSide, pairSides } from './pairRegions'

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

/** A pair as the pairs list gives it: a record whose sides and 建立日期 are read (any may be missing). */
export type DatedPair = Record<string, unknown>

/**
 * When the cooperation of pair began, for 协作以来: the earliest established_date of the pairs in
 * view — the pair itself and the pairs inside it (a city pair's counties), whose figures it adds
 * up. A province or city pair recorded without a date of its own so starts with its first
 * county's. null if none of them has one.
 */
export function pairedSince(pairs: DatedPair[], pair: string): string | null {
  const [helper, helped] = pairSides(pair)
  if (!helper || !helped) return null
  const dates = pairs
    .filter((p) => insideSide(helper, String(p.helper_region ?? '')) && insideSide(helped, String(p.helped_region ?? '')))
    .map((p) => String(p.established_date ?? ''))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort()
  return dates[0] ?? null
}
