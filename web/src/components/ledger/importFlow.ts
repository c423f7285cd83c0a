// The logic of the import dialogs (a ledger's file, a workbook of sheets), apart from their
// markup: the choices a clerk makes after a check, when the file may then be imported, and the
// check's report as table rows (bad rows with sheet, row, column and reason; the rows to store).
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import type { ImportChoices, ImportRowError } from '@/api/ledger/types'
import { displayValue, tableFields } from '@/utils/form'

export const defaultChoices = (): ImportChoices => ({ skipInvalid: false, alreadyStored: 'refuse' })

/** The counts a check reports (a ledger's file or a whole workbook). */
export interface CheckCounts {
  rows: number
  valid_count: number
  invalid_count: number
  already_stored: number
  stored_refused: number
}

/** Rows the import refuses: bad ones and, unless skipped or updated, the ones stored already. */
export const refusedRows = (report: CheckCounts): number => report.invalid_count + report.stored_refused

/**
 * Whether a file checked with `choices` may be imported: it has rows, and either none is refused
 * (bad, or stored already and neither skipped nor updated) or the clerk chose to skip the refused
 * ones and some rows remain to store or update.
 */
export function canImport(report: CheckCounts | null, choices: ImportChoices): boolean {
  if (!report || report.rows === 0) return false
  if (refusedRows(report) === 0) return true
  return choices.skipInvalid && report.valid_count > 0
}

export interface ErrorRow {
  sheet: string
  row: number | ''
  column: string
  reason: string
  /** Refused only for being stored already (listed apart from the bad rows). */
  stored: boolean
}

/**
 * Bad rows for the table: the column by its label in the current language (errors name it by
 * key or by its Chinese header, as in the spreadsheet), the reason in the current language.
 */
export function errorRows(
  errors: ImportRowError[],
  fieldsOfSheet: (sheet: string | undefined) => FieldMeta[],
  labelOf: (f: FieldMeta) => string,
  messageOf: (e: ImportRowError) => string,
): ErrorRow[] {
  return errors.map((e) => {
    const f = fieldsOfSheet(e.sheet).find((x) => x.key === e.field || x.label_zh === e.field)
    return {
      sheet: e.sheet ?? '',
      row: e.row || '',
      column: f ? labelOf(f) : e.field,
      reason: messageOf(e),
      stored: e.stored === true,
    }
  })
}

/** The columns of a preview table: the pair for pair-scoped ledgers, then the list's columns. */
export function previewFields(meta: LedgerMeta): FieldMeta[] {
  return tableFields(meta).filter((f) => !f.computed)
}

/** The rows a check will store, as the list table shows values (labels, 元, 是/否). */
export function previewRows(meta: LedgerMeta, records: Record<string, unknown>[], zh: boolean): Record<string, string>[] {
  return records.map((r) => {
    const row: Record<string, string> = { pair: displayValue(undefined, r, 'pair', zh) }
    for (const f of previewFields(meta)) row[f.key] = displayValue(f, r, f.key, zh)
    return row
  })
}
