// The parts of the printed report the console adds around the server's text: the issuing
// date as an official document writes it, and the page-number line of the print stylesheet
// (CSS @page margin boxes, which Chromium fills in when printing), and whose office issues it.
import { insideSide, pairSides } from './pairRegions'

/** "2026年12月1日" (zh) or "1 December 2026" (en). */
export function issuedOn(day: Date, zh: boolean): string {
  if (zh) return `${day.getFullYear()}年${day.getMonth() + 1}月${day.getDate()}日`
  return day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
}

/** The @page rule of an A4 report whose footer reads "第 1 页 共 3 页" (zh) or "Page 1 of 3". */
export function pageRule(zh: boolean, fontFamily: string): string {
  const content = zh
    ? '"第 " counter(page) " 页  共 " counter(pages) " 页"'
    : '"Page " counter(page) " of " counter(pages)'
  return `@media print { @page { size: A4; margin: 25mm 20mm 22mm;
  @bottom-center { content: ${content}; font-family: ${fontFamily}; font-size: 10pt; color: #333; } } }`
}

/**
 * The side of pair whose office issues the report by default: the side the account's region
 * belongs to — the helped side for the helped county's, a town's or a village's clerk there, and
 * for a region enclosing it (黔南州 for 平塘县) — else the helper side (an account of the helper
 * side, or one without a region). "" for a code that is not a pair's.
 */
export function issuingSide(pair: string, accountRegion: string | null | undefined): string {
  const [helper, helped] = pairSides(pair)
  if (!helper || !helped) return ''
  const region = accountRegion ?? ''
  const belongs = region !== '' && (insideSide(helped, region) || insideSide(region, helped))
  return belongs ? helped : helper
}

/**
 * The report's HTML with each indicator's key on hover: a table cell that is an indicator's
 * Chinese name (the detail and targets tables, which name indicators, not keys) gets the key as
 * its title. The names are unique across the catalogue, so a name finds its one key.
 */
export function withIndicatorKeys(html: string, defs: { key: string; label_zh: string }[]): string {
  const keys = new Map(defs.map((d) => [d.label_zh, d.key]))
  const doc = new DOMParser().parseFromString(html, 'text/html')
  for (const cell of doc.querySelectorAll('td')) {
    const key = keys.get((cell.textContent ?? '').trim())
    if (key) cell.title = key
  }
  return doc.body.innerHTML
}
