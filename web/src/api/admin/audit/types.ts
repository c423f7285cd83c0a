export interface AuditEntry {
  id: number
  /** Position in the hash chain (0: not chained). */
  seq: number
  at: string
  /** the login */
  actor: string
  /** the account's display name (王芳); "" when it has none or no account has this login */
  actor_label: string
  action: string
  ledger: string
  record_id: number
  helped_region: string
  /** the helped region by name ("黔南州平塘县"); "" when the entry has none or the code is unknown. An
   *  import's own entry (record_id 0) carries the helped side of its rows' pair when they share one. */
  helped_region_label: string
  /** JSON text of the record before / after ("" when none), with "<key>_label" beside the region
   *  codes it holds (a user's data scope as "region_label"). */
  before: string
  after: string
  detail: string
  remote: string
}

/** An account with a display name, as the actor filter offers it. */
export interface AuditActor {
  login: string
  display_name: string
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

/** The hash chain's state: how many entries verified, and the first that does not. */
export interface AuditVerification {
  ok: boolean
  verified: number
  broken: { id: number; seq: number; at: string; reason_zh: string; reason_en: string } | null
}
