// Dates as clerks type them. Storage and the API speak ISO (YYYY-MM-DD); a clerk types
// 2020年5月1日, 2020.5.1, 2020/5/1, 2020-5-1 or 20200501, often with full-width digits.

const kTyped = /^(\d{4})\s*(?:[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))$/

/** ISO YYYY-MM-DD of a typed date, or null when the text is no date (or no real day: 2021-02-30). */
export function parseTypedDate(text: string): string | null {
  const plain = text.normalize('NFKC').trim()
  const m = kTyped.exec(plain)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])]
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return d.toISOString().slice(0, 10)
}

/** Today's local date as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/** The export's file name: the ledger's name and the day it was taken (交流互访-2026-12-01.xlsx). */
export function exportFileName(ledgerLabel: string, format: string, now = new Date()): string {
  return `${ledgerLabel}-${todayIso(now)}.${format}`
}

/**
 * The date field that must not come after `key` in the same record: end_date's is start_date
 * (any "end…" key whose "start…" twin is a date field of the ledger), else none.
 */
export function rangeStartKey(key: string, dateKeys: string[]): string | null {
  if (!key.startsWith('end')) return null
  const twin = `start${key.slice(3)}`
  return dateKeys.includes(twin) ? twin : null
}

/** A period or search range as the console keeps it: [from, to] ISO days, '' for an open end. */
export type DateRange = [string, string]

/** Whether a range ends before it starts; an open end makes no reversed range. */
export function isReversedRange(range: DateRange | null | undefined): boolean {
  return !!range && !!range[0] && !!range[1] && range[1] < range[0]
}

/** The range with end `i` (0: from, 1: to) set to `day`; null once both ends are empty. */
export function withRangeEnd(range: DateRange | null | undefined, i: 0 | 1, day: string | null): DateRange | null {
  const next: DateRange = [range?.[0] ?? '', range?.[1] ?? '']
  next[i] = day ?? ''
  return next[0] || next[1] ? next : null
}

/** Whether `day` comes before `earliest` (both ISO; no earliest: no). A picker offers no such day. */
export function isBeforeDay(day: Date, earliest: string | null | undefined): boolean {
  return !!earliest && day.getTime() < new Date(`${earliest}T00:00:00`).getTime()
}
