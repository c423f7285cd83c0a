import { download, http } from '../../http'
import type { AuditActor, AuditEntry, AuditQuery, AuditVerification } from './types'

export const findAudit = (q: AuditQuery) =>
  http.get<{ total: number; page: number; page_size: number; items: AuditEntry[]; actors: AuditActor[] }>('/api/v1/admin/audit', { ...q })

/** Checks the whole hash chain on the server. */
export const verifyAudit = () => http.get<AuditVerification>('/api/v1/admin/audit/verify')

/** Downloads the entries the filter selects (all pages); the server audits the export. */
export const exportAudit = (q: AuditQuery, format: 'xlsx' | 'csv') =>
  download('/api/v1/admin/audit/export', { ...q, page: undefined, page_size: undefined, format }, `audit.${format}`)
