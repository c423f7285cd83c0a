import { http } from '../../http'
import type { AuditEntry, AuditQuery } from './types'

export const findAudit = (q: AuditQuery) =>
  http.get<{ total: number; page: number; page_size: number; items: AuditEntry[] }>('/api/v1/admin/audit', { ...q })
