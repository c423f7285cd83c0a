import { describe, expect, it } from 'vitest'
import type { PermissionInfo } from '@/api/admin/roles/types'
import { groupPermissions } from './permissionGroups'

const p = (name: string, group: string, group_zh: string): PermissionInfo => ({ name, group, group_zh, label_zh: name, label_en: name })

describe('permission groups of the role editor', () => {
  it('groups by ledger or module in the order the server declares them', () => {
    const groups = groupPermissions([
      p('exchange:visits:list', 'exchange:visits', '交流互访'),
      p('people:people:reveal', 'people:people', '人员库'),
      p('exchange:visits:read', 'exchange:visits', '交流互访'),
      p('admin:roles:admin', 'admin', '系统管理'),
    ])
    expect(groups.map((g) => g.group_zh)).toEqual(['交流互访', '人员库', '系统管理'])
    expect(groups[0].items.map((i) => i.name)).toEqual(['exchange:visits:list', 'exchange:visits:read'])
  })
})
