export interface RoleInfo {
  id: number
  name: string
  label_zh: string
  /** Seeded roles (admin, staff, viewer, revealer, sysadmin, secadmin, auditadmin) cannot be changed. */
  builtin: boolean
  /** Held only by accounts of a record of this organisation ledger ('employers' for 企业招聘专员); '' = any. */
  owner_ledger: string
  /** As stored: permissions, or the seeded roles' patterns ("*:*:list"). */
  grants: string[]
  /** The declared permissions the grants cover. */
  permissions: string[]
  users: number
}

export interface RoleInput {
  name?: string
  label_zh: string
  permissions: string[]
}

/** A permission a module declares; the role editor groups them by `group`. */
export interface PermissionInfo {
  name: string
  group: string
  group_zh: string
  label_zh: string
  label_en: string
}
