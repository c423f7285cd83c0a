// One client for every ledger: the base path comes from the ledger's meta
// ("/api/v1/<module>/<ledger>"), so this mirrors the server's generated routes.
import { download, fetchFile, http, request } from '../http'
import { importQuery } from './importQuery'
import type { EvidenceFile, HistoryEntry, ImportChoices, ImportReport, LedgerRecord, ListQuery, RecordPage } from './types'

export function ledgerApi(base: string) {
  return {
    list: (query: ListQuery) => http.get<RecordPage>(base, query),
    get: (id: number) => http.get<LedgerRecord>(`${base}/${id}`),
    create: (body: Record<string, unknown>) => http.post<LedgerRecord>(base, body),
    update: (id: number, body: Record<string, unknown>) => http.put<LedgerRecord>(`${base}/${id}`, body),
    /** version: the one the list showed; a record changed since is not deleted (409) */
    remove: (id: number, version?: number) => http.del<{ ok: boolean }>(`${base}/${id}`, { version }),
    /** body: {version, <the transition's fields>}; answers the record as changed */
    transition: (id: number, name: string, body: Record<string, unknown>) =>
      http.post<LedgerRecord>(`${base}/${id}/transitions/${encodeURIComponent(name)}`, body),
    history: (id: number) => http.get<{ items: HistoryEntry[] }>(`${base}/${id}/history`),
    reveal: (id: number, field: string) =>
      http.get<{ field: string; value: string }>(`${base}/${id}/reveal/${encodeURIComponent(field)}`),
    importFile: (file: File, dryRun: boolean, pair?: string, choices?: ImportChoices) => {
      const form = new FormData()
      form.append('file', file, file.name)
      return request<ImportReport>('POST', `${base}/import`, { body: form, query: { ...importQuery(dryRun, choices), pair } })
    },
    /** name: the file name the browser saves it under (else the server's) */
    exportFile: (query: ListQuery, format: 'xlsx' | 'csv' = 'xlsx', name?: string) =>
      download(`${base}/export`, { ...query, page: undefined, page_size: undefined, format }, `export.${format}`, name),
    /** the record's evidence files, oldest first */
    evidence: (id: number) => http.get<{ items: EvidenceFile[] }>(`${base}/${id}/evidence`),
    attachEvidence: (id: number, file: File) => {
      const form = new FormData()
      form.append('file', file, file.name)
      return request<EvidenceFile>('POST', `${base}/${id}/evidence`, { body: form })
    },
    template: () => download(`${base}/template`, undefined, 'template.xlsx'),
  }
}

export type LedgerApi = ReturnType<typeof ledgerApi>

/** One evidence file, wherever its record is: its bytes (for a preview or a download) and its removal. */
export const evidenceApi = {
  fetch: (id: number) => fetchFile(`/api/v1/evidence/${id}`),
  remove: (id: number) => http.del<{ ok: boolean }>(`/api/v1/evidence/${id}`),
}
