export interface UserInfo {
  id: number
  name: string
  /** 姓名, "" when none. */
  display_name: string
  roles: string[]
  region: string
  owner_ledger: string
  owner_id: number
  /** the owner organisation's name (a unit's), "" without one */
  owner_label: string
  disabled: boolean
  created_at: string
  /** its roles reveal across a county or wider, not yet approved by a second administrator (create and update answers) */
  reveal_awaits_approval?: boolean
}

export interface UserInput {
  name?: string
  password?: string
  display_name?: string
  roles: string[]
  region: string
  owner_ledger: string
  owner_id: number | null
  disabled?: boolean
}
