// The logic of the import dialogs (a ledger's file, a workbook of sheets), apart from their
// markup: the choices a clerk makes after a check, when the file may then be imported, and the
// check's report as table rows (bad rows with sheet, row, column and reason; the rows to store).
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import type { ImportChoices, ImportRowError } from '@/api/ledger/types'
import { exportFileName } from '@/utils/dates'
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

/** A report's counts of what the database took (0 on a dry run) and updated (on a dry run: will update). */
export interface WriteCounts extends CheckCounts {
  stored: number
  updated: number
}

/**
 * What an import does with each row, from the server's counts and the clerk's choices: records
 * added (on a dry run, to add), updated, rows left out and why — stored already (left as stored,
 * or refused and skipped with the bad rows) or bad and skipped — and the rows that stop the
 * import when they are not skipped. The server counts a row left as stored among the valid ones,
 * so "valid" alone overstates what is written.
 */
export interface ImportOutcome {
  added: number
  updated: number
  skippedStored: number
  skippedInvalid: number
  refusedStored: number
  refusedInvalid: number
}

export function outcomeOf(report: WriteCounts, choices: ImportChoices, dryRun: boolean): ImportOutcome {
  const leftAsStored = report.already_stored - report.updated - report.stored_refused
  const skipping = choices.skipInvalid
  return {
    added: dryRun ? report.valid_count - report.updated - leftAsStored : report.stored,
    updated: report.updated,
    skippedStored: leftAsStored + (skipping ? report.stored_refused : 0),
    skippedInvalid: skipping ? report.invalid_count : 0,
    refusedStored: skipping ? 0 : report.stored_refused,
    refusedInvalid: skipping ? 0 : report.invalid_count,
  }
}

/**
 * The outcome in words (i18n import.outcome.*), one phrase per non-zero count: on a dry run the
 * records to add always, after an import only what was updated and left out (the message's head
 * says what was added).
 */
export function outcomePhrases(o: ImportOutcome, dryRun: boolean, t: (key: string, values: { n: number }) => string): string[] {
  const counts: [string, number][] = [
    ['updated', o.updated], ['skippedStored', o.skippedStored], ['skippedInvalid', o.skippedInvalid],
    ['refusedStored', o.refusedStored], ['refusedInvalid', o.refusedInvalid],
  ]
  // Only "updated" reads differently once done ("更新 2 条", not "将更新 2 行").
  const phraseKey = (key: string) => (!dryRun && key === 'updated' ? 'import.written.updated' : `import.outcome.${key}`)
  const phrases = counts.filter(([, n]) => n > 0).map(([key, n]) => t(phraseKey(key), { n }))
  return dryRun ? [t('import.outcome.added', { n: o.added }), ...phrases] : phrases
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

/**
 * The error sheet's file name, as the list exports name theirs: what was imported (the ledger's
 * name, or the workbook's file name without extension), what the sheet holds (i18n
 * import.errorSheetFile) and the day: 交流互访-有误的行-2026-12-02.xlsx.
 */
export const errorSheetName = (what: string, holds: string, now = new Date()): string =>
  exportFileName(`${what}-${holds}`, 'xlsx', now)

/** A file name without its extension (平塘县台账.xlsx → 平塘县台账). */
export const fileStem = (name: string): string => name.replace(/\.[^.]+$/, '')
