export interface DictionaryEntry {
  code: string
  label_zh: string
  label_en: string
  sort_order: number
  disabled: boolean
  /** declared in code: can be relabelled, never disabled */
  builtin: boolean
}

export interface DictionaryInfo {
  /** "<ledger>.<field>" */
  name: string
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
