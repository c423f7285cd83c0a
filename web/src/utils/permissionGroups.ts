// The role editor's layout: declared permissions grouped by their ledger or module, in the
// order the server declares them.
import type { PermissionInfo } from '@/api/admin/roles/types'

export interface PermissionGroup {
  group: string
  group_zh: string
  items: PermissionInfo[]
}

/** Groups permissions by `group`, keeping first-seen order of groups and items. */
export function groupPermissions(permissions: PermissionInfo[]): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>()
  for (const p of permissions) {
    let g = groups.get(p.group)
    if (!g) {
      g = { group: p.group, group_zh: p.group_zh, items: [] }
      groups.set(p.group, g)
    }
    g.items.push(p)
  }
  return [...groups.values()]
}
