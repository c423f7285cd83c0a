export interface UserInfo {
  id: number
  name: string
  role: string
  region: string
  ledgers: string[]
  disabled: boolean
  created_at: string
}

export interface UserInput {
  name?: string
  password?: string
  role: string
  region: string
  ledgers: string[]
  disabled?: string
}
