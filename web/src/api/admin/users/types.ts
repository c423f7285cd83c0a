export interface UserInfo {
  id: number
  name: string
  roles: string[]
  region: string
  owner_ledger: string
  owner_id: number
  disabled: boolean
  created_at: string
}

export interface UserInput {
  name?: string
  password?: string
  roles: string[]
  region: string
  owner_ledger: string
  owner_id: number | null
  disabled?: boolean
}
