/** A request of the two-person rule: reveal across a county or wider awaits a second administrator. */
export interface RevealGrant {
  id: number
  user_id: number
  user_name: string
  /** the scope the request is for, a 6-digit region code, and its name */
  region: string
  region_name: string
  /** "grant" (roles or scope changed) or "password_reset" */
  reason: 'grant' | 'password_reset'
  state: 'pending' | 'approved' | 'refused' | 'withdrawn'
  requested_by: string
  requested_at: string
  /** "" while pending */
  decided_by: string
  decided_at: string
}
