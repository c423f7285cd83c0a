import { download, http } from '../http'
import type { RecordPage } from '../ledger/types'
import type { IndicatorDef, IndicatorValues, PeriodQuery } from './types'

export const catalogue = () => http.get<{ items: IndicatorDef[] }>('/api/v1/indicators/catalogue')
export const values = (q: PeriodQuery) => http.get<IndicatorValues>('/api/v1/indicators', { ...q })
export const records = (key: string, q: PeriodQuery & { page?: number; page_size?: number }) =>
  http.get<RecordPage & { ledger: string; module: string }>(
    `/api/v1/indicators/${encodeURIComponent(key)}/records`, { ...q })
export const reportMarkdown = (q: PeriodQuery) =>
  http.get<{ markdown: string }>('/api/v1/report', { ...q, format: 'markdown_text' })
export const downloadReport = (q: PeriodQuery, format: 'md' | 'xlsx') =>
  download('/api/v1/report', { ...q, format }, `report.${format}`)
