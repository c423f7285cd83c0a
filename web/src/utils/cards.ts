// What a ledger record's card shows at phone width: a title naming the record, the date placing it
// in a period, and two or three key fields — the fields a clerk checks a record by.
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { isLongText } from './form'

export interface CardLayout {
  /** the fields whose texts, joined by "—", make the title (a pair: its two sides); [] for none */
  title: FieldMeta[]
  date: FieldMeta | null
  keys: FieldMeta[]
}

const kKeyFieldsAtMost = 3
/** How a title of several fields joins them, as a pair is named (广州市白云区—黔南州平塘县). */
export const kTitleJoin = '—'

/** A text a card may show: not long, not masked, not derived from a masked field. */
const plain = (f: FieldMeta) => !isLongText(f) && !f.sensitive && !f.needs_reveal

/**
 * title, the first that names every record by a name a person reads:
 *   the natural key, if it is plain text a person typed (not a code derived from other fields, as a
 *   pair's 440111-522727, nor a masked ID number);
 *   else the first required plain text (searchable first);
 *   else the references and regions that every record has (required or derived), shown by their
 *   names: a pair by its two sides, a pairing by its two units, a tranche by its fund;
 *   else the first searchable text, else the first text.
 * date: the ledger's date field; keys: then the required fields, then the others, in declaration
 * order — none long text, sensitive or derived from a sensitive one (a card shows no masked values).
 */
export function cardLayout(meta: LedgerMeta): CardLayout {
  const fields = meta.fields
  const text = fields.filter((f) => f.type === 'text' && plain(f))
  const key = text.find((f) => f.key === meta.natural_key && !f.computed)
  const required = text.filter((f) => f.required)
  const named = fields.filter((f) => (f.type === 'ref' || f.type === 'region') && (f.required || f.computed))
  const fallback = text.find((f) => f.searchable) ?? text[0]
  const title = key ? [key]
    : required.length ? [required.find((f) => f.searchable) ?? required[0]]
      : named.length ? named
        : fallback ? [fallback] : []
  const date = fields.find((f) => f.key === meta.date_field) ?? null
  const candidates = fields.filter((f) => !title.includes(f) && f !== date && plain(f))
  const keys = [...candidates.filter((f) => f.required), ...candidates.filter((f) => !f.required)].slice(0, kKeyFieldsAtMost)
  return { title, date, keys }
}

/** The order in which records were entered, the newest first: the table's default, where a record just added leads. */
export const kEnteredFirst = '-id'

/** One order the cards may follow: `value` is the list's sort parameter. */
export interface CardSort {
  value: string
  /** by the date field, newest or oldest first; or as entered, the newest first */
  kind: 'newest' | 'oldest' | 'entered'
  date: FieldMeta | null
}

/**
 * The orders a phone's cards may follow, the default first: by the ledger's date, newest first,
 * then oldest first, then as entered (newest first); a ledger without a date only the last.
 */
export function cardSorts(meta: LedgerMeta): CardSort[] {
  const date = meta.fields.find((f) => f.key === meta.date_field) ?? null
  const entered: CardSort = { value: kEnteredFirst, kind: 'entered', date: null }
  if (!date) return [entered]
  return [{ value: `-${date.key}`, kind: 'newest', date }, { value: date.key, kind: 'oldest', date }, entered]
}
