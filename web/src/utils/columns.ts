// A ledger table's columns as a laptop (1366 px) shows them: the fields a clerk checks a record by
// first — its title, its date and its key fields, as its phone card has them (utils/cards.ts) —
// then the pair, then the rest in declaration order; each as wide as its header and the widest
// value on the page need, within a bound per kind of field, so that an empty column takes only its
// header's room and a long text is cut (the table shows it whole on hover).
import type { LedgerRecord } from '@/api/ledger/types'
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { cardLayout } from './cards'

/** One column: field is absent for the pair's column (key "pair"). */
export interface TableColumn {
  key: string
  field?: FieldMeta
  /** the least width in px; the table shares out what is left of its width among the columns */
  minWidth: number
}

// The small table's text: 12 px, a Chinese character (or full-width sign) 1 em, a Latin letter or
// digit about 0.6 em; a cell's padding 8 px each side, its border and a few px for the glyphs' rounding;
// a header's sort caret 24 px.
const kFontPx = 12
const kNarrowCharPx = 7
const kCellPaddingPx = 24
const kSortCaretPx = 24

/** The width in px the table's text takes (bold headers a little wider: rounded up). */
export function textWidth(text: string): number {
  let px = 0
  for (const ch of text) px += /[\u0000-\u02ff]/.test(ch) ? kNarrowCharPx : kFontPx
  return Math.ceil(px)
}

/** The bounds [least, most] in px of a column's width by its field, before its header is counted. */
function bounds(f: FieldMeta | undefined, title: boolean): [number, number] {
  if (!f) return [120, 220] // the pair: 广州市白云区—黔南州平塘县
  if (title) return [140, 300]
  switch (f.type) {
    case 'date': return [96, 110]
    case 'integer': case 'bool': return [60, 100]
    case 'money_fen': return [100, 180]
    case 'id_number': return [260, 260] // the masked number and the 显示完整 button
    case 'mobile': return [190, 190]
    case 'sensitive_enum': return [150, 150]
    case 'enum': return [80, 200]
    case 'region': case 'ref': return [90, 220]
    default: return [70, 200]
  }
}

/**
 * The table's columns for meta, with the header texts (label), the texts of the rows on the page
 * (cell; the pair's column: cell(undefined, row)) and whether a column sorts (its header has a
 * caret). A header is never narrower than its text; a column's values are cut at its kind's bound.
 */
export function tableColumns(
  meta: LedgerMeta,
  rows: LedgerRecord[],
  label: (f: FieldMeta | undefined) => string,
  cell: (f: FieldMeta | undefined, row: LedgerRecord) => string,
  sortable: (f: FieldMeta | undefined) => boolean,
): TableColumn[] {
  const card = cardLayout(meta)
  const lead = [...card.title, ...(card.date ? [card.date] : []), ...card.keys]
  const rest = meta.fields.filter((f) => !lead.includes(f))
  const ordered: (FieldMeta | undefined)[] = [...lead, ...(meta.pair_scoped ? [undefined] : []), ...rest]
  return ordered.map((f) => {
    const [least, most] = bounds(f, !!f && card.title.includes(f))
    const header = textWidth(label(f)) + kCellPaddingPx + (sortable(f) ? kSortCaretPx : 0)
    const widest = Math.max(0, ...rows.map((r) => textWidth(cell(f, r)))) + kCellPaddingPx
    return { key: f?.key ?? 'pair', field: f, minWidth: Math.max(header, Math.min(most, Math.max(least, widest))) }
  })
}
