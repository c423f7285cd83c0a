// The users page lists every account (the API answers them all; an office has tens, not
// thousands): searched and paged here.
import type { UserInfo } from '@/api/admin/users/types'

/**
 * Users whose login name, display name, region or any role (code or label, through roleLabel)
 * contains text, case-insensitively; status "active"/"disabled" narrows further ("" = both).
 */
export function searchUsers(users: UserInfo[], text: string, status: '' | 'active' | 'disabled',
  roleLabel: (code: string) => string): UserInfo[] {
  const needle = text.trim().toLowerCase()
  return users.filter((u) => {
    if (status === 'active' && u.disabled) return false
    if (status === 'disabled' && !u.disabled) return false
    if (!needle) return true
    const hay = [u.name, u.display_name, u.region, ...u.roles, ...u.roles.map(roleLabel)]
    return hay.some((s) => s.toLowerCase().includes(needle))
  })
}

/** The page'th (1-based) slice of size items. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size)
}
