// Forms generated from a ledger's meta: which fields a form shows, the model a record becomes
// in a form (money as 元 text), the JSON body a form becomes (money as integer fen), and the
// client-side rules (the server validates again and its per-field messages win).
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import type { LedgerRecord } from '@/api/ledger/types'
import { customField } from '@/ledgers/customFields'
import { label } from '@/i18n'
import { fenToUnit, formatAmount, parseAmount, withoutUnit, type MoneyUnit } from './money'

/** A money field is typed and edited in 万元, the unit of the templates, the lists and the report
 * (a bare "50" is 50万元); the text may name its own unit ("500元", "0.5亿"). */
export const kFormMoneyUnit: MoneyUnit = 'wan'

/** The unit a money field is typed in: its own (元 for a wage), else the forms' 万元. */
export function moneyUnitOf(f: FieldMeta): MoneyUnit {
  return f.money_unit === 'yuan' ? 'yuan' : kFormMoneyUnit
}

export type FormModel = Record<string, string | number | null>

/** Fields a person fills in (computed fields are derived by the server). */
export function editableFields(meta: LedgerMeta): FieldMeta[] {
  return meta.fields.filter((f) => !f.computed)
}

/**
 * Free text longer than a name or title (its max_chars above the server's 200 for names): a
 * text area in the form, a full-width row.
 */
export function isLongText(f: FieldMeta): boolean {
  return f.type === 'text' && (f.max_chars ?? 0) > kMaxNameChars
}
const kMaxNameChars = 200

/** Columns of the list table: everything but long free text would be too wide; keep all, in order. */
export function tableFields(meta: LedgerMeta): FieldMeta[] {
  return meta.fields
}

/** A blank form; `pair` is included for pair-scoped ledgers. */
export function emptyModel(meta: LedgerMeta, pair = ''): FormModel {
  const model: FormModel = {}
  if (meta.pair_scoped) model.pair = pair
  for (const f of editableFields(meta)) model[f.key] = f.type === 'ref' || f.type === 'integer' ? null : ''
  return model
}

/** A stored record as form values: money in 元 text, refs as ids, sensitive values as the masked text. */
export function toFormModel(meta: LedgerMeta, record: LedgerRecord): FormModel {
  const model = emptyModel(meta, (record.pair as string) ?? '')
  for (const f of editableFields(meta)) {
    const v = record[f.key]
    if (v === null || v === undefined) continue
    const custom = customField(meta.name, f.key)?.toForm
    if (custom) model[f.key] = custom(record)
    else if (f.type === 'money_fen') model[f.key] = fenToUnit(v as number, moneyUnitOf(f))
    else if (f.type === 'ref' || f.type === 'integer') model[f.key] = typeof v === 'number' ? v : Number(v)
    else model[f.key] = String(v)
  }
  return model
}

/**
 * The JSON body for create/update. Money goes out as integer fen. Sensitive fields are sent only
 * when typed anew (an unchanged masked value must not overwrite the stored one). Empty values are
 * sent as "" so an update can clear a field.
 */
export function toPayload(meta: LedgerMeta, model: FormModel, original?: LedgerRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  if (meta.pair_scoped) body.pair = model.pair ?? ''
  for (const f of editableFields(meta)) {
    const v = model[f.key]
    if (f.sensitive && original && v === original[f.key]) continue
    if (v === null || v === undefined || v === '') {
      if (original) body[f.key] = ''
      continue
    }
    const custom = customField(meta.name, f.key)?.toPayload
    if (custom) body[f.key] = custom(model)
    else if (f.type === 'money_fen') body[f.key] = parseAmount(v, moneyUnitOf(f))
    else if (f.type === 'integer' || f.type === 'ref') body[f.key] = Number(v)
    else body[f.key] = typeof v === 'string' ? v.trim() : v
  }
  if (original?.version !== undefined) body.version = original.version
  return body
}

export type Translate = (key: string, named?: Record<string, unknown>) => string
type Validator = (rule: unknown, value: unknown, callback: (e?: Error) => void) => void
export interface Rule {
  required?: boolean
  message?: string | (() => string)
  trigger?: string | string[]
  validator?: Validator
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === ''

function check(test: (v: string) => boolean, message: () => string): Rule {
  return {
    trigger: 'blur',
    validator: (_r, v, cb) => (isEmpty(v) || test(String(v)) ? cb() : cb(new Error(message()))),
  }
}

/**
 * At most `max` characters counted as the server counts them: code points of the trimmed text
 * (𠮷 is one character but two UTF-16 units, which Element Plus's `max` would count).
 */
export function maxCharsRule(max: number, message: () => string): Rule {
  return check((v) => [...v.trim()].length <= max, message)
}

/** Element Plus rules for one field. `labelOf` gives the field's label in the current language. */
export function rulesForField(f: FieldMeta, t: Translate, labelOf: (f: FieldMeta) => string, ledger?: string): Rule[] {
  const rules: Rule[] = []
  if (f.required)
    rules.push({ required: true, trigger: ['blur', 'change'], message: () => t('common.required', { field: labelOf(f) }) })
  const custom = customField(ledger, f.key)?.rules
  if (custom) return [...rules, ...custom(t)]
  if (f.type === 'integer') rules.push(check((v) => /^-?\d+$/.test(v.trim()), () => t('common.invalidInteger')))
  if (f.type === 'money_fen') rules.push(check((v) => Number.isFinite(parseAmount(v, moneyUnitOf(f)) ?? NaN), () => t('common.invalidMoney')))
  if (f.type === 'region') rules.push(check((v) => /^\d{6}(\d{3}){0,2}$/.test(v.trim()), () => t('common.invalidRegion')))
  return rules
}

/** An end date field (`later`) and the start date field it must not come before (`earlier`). */
export interface DateOrder {
  later: FieldMeta
  earlier: FieldMeta
}

/**
 * The end dates of a form that come before their start: field key → a message naming both fields
 * and the start day (结束日期不能早于开始日期（2020-05-01）), as the server words it.
 */
export function datesOutOfOrder(orders: DateOrder[], model: FormModel, t: Translate,
  labelOf: (f: FieldMeta) => string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { later, earlier } of orders) {
    const from = String(model[earlier.key] ?? '')
    const to = String(model[later.key] ?? '')
    if (from && to && to < from)
      out[later.key] = t('list.dateBeforeDate', { later: labelOf(later), earlier: labelOf(earlier), start: from })
  }
  return out
}

export function rulesFor(meta: LedgerMeta, t: Translate, labelOf: (f: FieldMeta) => string): Record<string, Rule[]> {
  const rules: Record<string, Rule[]> = {}
  for (const f of editableFields(meta)) rules[f.key] = rulesForField(f, t, labelOf, meta.name)
  if (meta.pair_scoped)
    rules.pair = [{ required: true, trigger: 'blur', message: () => t('common.required', { field: t('common.pair') }) }]
  return rules
}

/** Server error details (field → message) for showing under each form item. */
export function fieldMessages(
  details: { field?: string; message_zh: string; message_en: string }[],
  zh: boolean,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const d of details) {
    const key = d.field || '_'
    const text = (zh ? d.message_zh : d.message_en) || d.message_zh
    out[key] = out[key] ? `${out[key]}；${text}` : text
  }
  return out
}

/**
 * A value for display in a table cell or a history diff. Codes are shown by the name the server
 * sends beside them: a pair by "pair_label" (广州市白云区—黔南州平塘县), a region by its short name
 * within the pair, "<key>_name" (甲坝村, as the export writes it; its whole name "<key>_label" where
 * none came), a reference by "<key>_label" (the referenced record's natural key); the code itself
 * where no name came. `ledger`
 * names the record's ledger, for its custom fields (ledgers/customFields.ts).
 */
export function displayValue(
  f: FieldMeta | undefined, record: Record<string, unknown>, key: string, zh: boolean, ledger?: string,
): string {
  const v = record[key]
  if (v === null || v === undefined || v === '') return ''
  const custom = customField(ledger, key)?.display
  if (custom) return custom(record, zh)
  if (f?.type === 'region') return String(record[`${key}_name`] ?? record[`${key}_label`] ?? v)
  if (key === 'pair' || f?.type === 'ref') return String(record[`${key}_label`] ?? v)
  // A value outside any ledger's fields (a user's data scope in the audit log) by its name too, if one came.
  if (!f && record[`${key}_label`]) return String(record[`${key}_label`])
  if (!f) return typeof v === 'object' ? JSON.stringify(v) : String(v)
  if (f.type === 'money_fen') return formatAmount(v as number, zh)
  if (f.type === 'enum' || f.type === 'sensitive_enum') {
    const o = f.options.find((x) => x.code === String(v))
    if (o) return (zh ? o.label_zh : o.label_en) || o.label_zh
  }
  if (f.type === 'bool') return v === 1 || v === true || v === '1' ? (zh ? '是' : 'Yes') : zh ? '否' : 'No'
  return String(v)
}

/**
 * A field's name above or beside values shown by displayValue (table columns, cards, diffs), in the
 * current language. A money field loses the 元 it is typed in: its values name 万元/亿元 themselves.
 */
export function columnLabel(f: FieldMeta): string {
  return f.type === 'money_fen' ? withoutUnit(label(f)) : label(f)
}

/** The code behind a value shown by its name (a pair, a region, a value outside the fields that came
 *  with a name), for the tooltip — a region with its whole name before it ("黔南州平塘县卡蒲毛南族乡甲坝村
 *  522727206201"); "" otherwise. */
export function codeHint(f: FieldMeta | undefined, record: Record<string, unknown>, key: string): string {
  const v = record[key]
  if ((key !== 'pair' && f?.type !== 'region' && f) || v === null || v === undefined || !record[`${key}_label`]) return ''
  return f?.type === 'region' ? `${String(record[`${key}_label`])} ${String(v)}` : String(v)
}

