// What a ledger record's card shows at phone width: a title, the date placing it in a period,
// and two or three key fields — the fields a clerk checks a record by.
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { isLongText } from './form'

export interface CardLayout {
  title: FieldMeta | null
  date: FieldMeta | null
  keys: FieldMeta[]
}

const kKeyFieldsAtMost = 3

/**
 * title: the natural key, else the first searchable text, else the first text field; date: the
 * ledger's date field; keys: then the required fields, then the others, in declaration order —
 * none long text, sensitive or derived from a sensitive one (a card shows no masked values).
 */
export function cardLayout(meta: LedgerMeta): CardLayout {
  const fields = meta.fields
  const text = fields.filter((f) => f.type === 'text' && !isLongText(f))
  const title = fields.find((f) => f.key === meta.natural_key) ?? text.find((f) => f.searchable) ?? text[0] ?? null
  const date = fields.find((f) => f.key === meta.date_field) ?? null
  const candidates = fields.filter((f) => f !== title && f !== date && !isLongText(f) && !f.sensitive && !f.needs_reveal)
  const keys = [...candidates.filter((f) => f.required), ...candidates.filter((f) => !f.required)].slice(0, kKeyFieldsAtMost)
  return { title, date, keys }
}
