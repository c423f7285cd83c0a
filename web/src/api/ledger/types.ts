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
  /** The sheet of a workbook import. */
  sheet?: string
  /** Refused only for being stored already: not a bad row. */
  stored?: boolean
}

/** What an import does with rows whose record is stored already (natural key or same row imported before). */
export type AlreadyStored = 'refuse' | 'skip' | 'update'

/** The choices of an import: store the valid rows of a file with bad ones; rows already stored. */
export interface ImportChoices {
  skipInvalid: boolean
  alreadyStored: AlreadyStored
}

export interface ImportReport {
  rows: number
  valid_count: number
  invalid_count: number
  stored: number
  /** rows whose record is stored already */
  already_stored: number
  /** of those, rows refused for it (already_stored=refuse): not among the bad rows, but the file is refused */
  stored_refused: number
  updated: number
  dry_run: boolean
  errors: ImportRowError[]
  /** Download URL of the error sheet when there were errors. */
  error_sheet?: string
  /** A dry run's first rows to store, as records (masked). */
  preview?: Record<string, unknown>[]
}

/** One sheet of a workbook import. */
export interface SheetReport extends Omit<ImportReport, 'dry_run' | 'errors' | 'error_sheet'> {
  sheet: string
  ledger: string
  label_zh: string
  label_en: string
}

/** A workbook import: the totals, each sheet in import order, the sheets named after no ledger. */
export interface WorkbookReport extends Omit<ImportReport, 'preview'> {
  sheets: SheetReport[]
  ignored_sheets: string[]
  /** Sheets named after a ledger but without data rows: not imported (nor checked for permission). */
  empty_sheets: string[]
}

export type ListQuery = Record<string, string | number | undefined>

/** An evidence file attached to a record (GET <ledger>/{id}/evidence). */
export interface EvidenceFile {
  id: number
  ledger: string
  record_id: number
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  created_at: string
  created_by: string
}
