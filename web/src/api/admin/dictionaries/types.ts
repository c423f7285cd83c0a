export interface DictionaryEntry {
  code: string
  label_zh: string
  label_en: string
  sort_order: number
  disabled: boolean
  /** declared in code: can be relabelled, never disabled */
  builtin: boolean
}

/** A field using a dictionary. */
export interface DictionaryUser {
  ledger: string
  ledger_label_zh: string
  ledger_label_en: string
  field: string
}

export interface DictionaryInfo {
  /** "<ledger>.<field>", or a shared option set's name ("direction") */
  name: string
  /** a shared option set: one dictionary for the fields of every ledger in used_by */
  shared?: boolean
  used_by?: DictionaryUser[]
  ledger: string
  ledger_label_zh: string
  ledger_label_en: string
  field: string
  field_label_zh: string
  field_label_en: string
  entries: DictionaryEntry[]
}

export interface DictionaryEntryInput {
  label_zh: string
  label_en: string
  sort_order: number
  disabled: boolean
}
