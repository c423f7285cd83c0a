export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  ledger: string
  record_id: number
  helped_region: string
  /** JSON text of the record before / after ("" when none). */
  before: string
  after: string
  detail: string
  remote: string
}

export interface AuditQuery {
  actor?: string
  action?: string
  ledger?: string
  from?: string
  to?: string
  record_id?: number
  page?: number
  page_size?: number
}
