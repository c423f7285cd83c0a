import { download, http } from '../http'
import type { RecordPage } from '../ledger/types'
import type { IndicatorDef, IndicatorValues, NotInScopeReason, PeriodQuery, ReportJson } from './types'

export const catalogue = () => http.get<{ items: IndicatorDef[] }>('/api/v1/indicators/catalogue')
export const values = (q: PeriodQuery) => http.get<IndicatorValues>('/api/v1/indicators', { ...q })
/** One figure for each calendar year from_year..to_year (at most 20), oldest first. */
export const byYear = (key: string, q: { pair?: string; from_year: number; to_year: number }) =>
  http.get<{ key: string; not_in_scope: boolean; not_in_scope_reason?: NotInScopeReason; items: { year: number; value: number | null }[] }>(`/api/v1/indicators/${encodeURIComponent(key)}/trend`, { ...q })
export const records = (key: string, q: PeriodQuery & { page?: number; page_size?: number }) =>
  http.get<RecordPage & { ledger: string; module: string }>(
    `/api/v1/indicators/${encodeURIComponent(key)}/records`, { ...q })
/** The records behind a figure as a spreadsheet (needs the ledger's export permission too). */
/** name: the file name the browser saves it under (else the server's) */
export const downloadRecords = (key: string, q: PeriodQuery, name?: string) =>
  download(`/api/v1/indicators/${encodeURIComponent(key)}/records/export`, { ...q, format: 'xlsx' }, `${key}.xlsx`, name)
export const reportMarkdown = (q: PeriodQuery) =>
  http.get<{ markdown: string }>('/api/v1/report', { ...q, format: 'markdown_text' })
export const reportJson = (q: PeriodQuery) => http.get<ReportJson>('/api/v1/report', { ...q, format: 'json' })
export const downloadReport = (q: PeriodQuery, format: 'md' | 'xlsx') =>
  download('/api/v1/report', { ...q, format }, `report.${format}`)
