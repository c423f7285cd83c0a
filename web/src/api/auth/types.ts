export interface CurrentUser {
  /** the login name */
  name: string
  /** the account's whole name (王芳), shown in the header; "" when it has none */
  display_name?: string
  /** Role names (seeded: admin, staff, viewer, revealer, sysadmin, secadmin, auditadmin). */
  roles: string[]
  /** The data scope: a region code, and/or an organisation record (owner_ledger + owner_id). */
  region: string
  owner_ledger: string
  owner_id: number
  /** module:entity:action strings the server grants this user (it still checks each call). */
  permissions: string[]
  csrf_token: string
  /** The password was set by someone else or has expired: only changing it is allowed. */
  must_change_password?: boolean
  password_change_reason?: '' | 'initial' | 'expired'
  totp_enrolled?: boolean
  /** An administrator without two-step verification where the server requires it. */
  must_enrol_totp?: boolean
}

/** A pending TOTP secret to scan (qr_svg is an SVG document made by the server). */
export interface TotpEnrolment {
  secret: string
  uri: string
  qr_svg: string
}
