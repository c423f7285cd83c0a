// What the import page keeps on screen after a workbook import: the file, when, and per sheet the
// records stored and updated and the rows left out (stored already and skipped, bad and skipped),
// so that a clerk can still say what went in after the transient message is gone.
import type { ImportChoices, WorkbookReport } from '@/api/ledger/types'
import { outcomeOf } from '@/components/ledger/importFlow'

export interface SheetSummary {
  sheet: string
  ledger: string
  label_zh: string
  label_en: string
  stored: number
  updated: number
  /** rows whose record was stored already, left as stored */
  skippedStored: number
  /** bad rows left out (the clerk chose to skip them) */
  skippedInvalid: number
}

export interface ImportSummary {
  fileName: string
  /** when the import finished, as the clerk's clock shows it (HH:MM) */
  at: string
  stored: number
  updated: number
  skippedStored: number
  skippedInvalid: number
  sheets: SheetSummary[]
}

/** The summary of an import that stored `report` (not a dry run) from `fileName` with `choices`. */
export function summarize(fileName: string, report: WorkbookReport, choices: ImportChoices, now = new Date()): ImportSummary {
  const sheets = report.sheets.map((s) => {
    const o = outcomeOf(s, choices, false)
    return {
      sheet: s.sheet, ledger: s.ledger, label_zh: s.label_zh, label_en: s.label_en, stored: o.added, updated: o.updated,
      skippedStored: o.skippedStored, skippedInvalid: o.skippedInvalid,
    }
  })
  const total = (k: 'stored' | 'updated' | 'skippedStored' | 'skippedInvalid') => sheets.reduce((n, s) => n + s[k], 0)
  const at = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`
  return {
    fileName, at, sheets,
    stored: total('stored'), updated: total('updated'), skippedStored: total('skippedStored'), skippedInvalid: total('skippedInvalid'),
  }
}
