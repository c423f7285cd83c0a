export interface CurrentUser {
  name: string
  /** Role names (seeded: admin, staff, viewer, revealer, sysadmin, secadmin, auditadmin). */
  roles: string[]
  /** The data scope: a region code, and/or an organisation record (owner_ledger + owner_id). */
  region: string
  owner_ledger: string
  owner_id: number
  /** module:entity:action strings the server grants this user (it still checks each call). */
  permissions: string[]
  csrf_token: string
}
