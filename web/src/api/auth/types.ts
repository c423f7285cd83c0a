export interface CurrentUser {
  name: string
  role: 'admin' | 'staff' | 'viewer' | string
  region: string
  ledgers: string[]
  /** module:entity:action strings the server grants this user (it still checks each call). */
  permissions: string[]
  csrf_token: string
}
