/**
 * A record as the API returns it: field values (money in fen), the names beside codes (`<ref>_label`,
 * `<region field>_label`, `pair_label`), id, pair, version,
 * and on ledgers with a workflow the names of the transitions the reader may take now.
 */
export type LedgerRecord = Record<string, unknown> & { id: number; pair?: string; version?: number; transitions?: string[] }

export interface RecordPage {
  items: LedgerRecord[]
  total: number
  page: number
  page_size: number
}

export interface HistoryEntry {
  at: string
  /** Login name of who took the step. */
  actor: string
  /** Who took it as shown: the masked display name (王*), else the login name. */
  by: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  detail: string
}

export interface ImportRowError {
  row: number
  field: string
  message_zh: string
  message_en: string
}

export interface ImportReport {
  rows: number
  valid_count: number
  invalid_count: number
  stored: number
  dry_run: boolean
  errors: ImportRowError[]
  /** Download URL of the error sheet when there were errors. */
  error_sheet?: string
}

export type ListQuery = Record<string, string | number | undefined>
