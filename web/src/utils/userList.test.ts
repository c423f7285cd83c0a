import { describe, expect, it } from 'vitest'
import type { UserInfo } from '@/api/admin/users/types'
import { pageOf, searchUsers } from './userList'

const u = (id: number, name: string, extra: Partial<UserInfo> = {}): UserInfo => ({
  id, name, display_name: '', roles: ['staff'], region: '', owner_ledger: '', owner_id: 0, owner_label: '', disabled: false,
  created_at: '', ...extra,
})
const users = [
  u(1, 'admin', { roles: ['admin'] }),
  u(2, 'wangfang', { display_name: '王芳', region: '522727' }),
  u(3, 'leaver', { disabled: true }),
]
const roleLabel = (c: string) => ({ admin: '超级管理员', staff: '业务人员' })[c] ?? c

describe('users page list', () => {
  it('finds by login name, display name, region and role label', () => {
    expect(searchUsers(users, 'WANG', '', roleLabel).map((x) => x.id)).toEqual([2])
    expect(searchUsers(users, '王芳', '', roleLabel).map((x) => x.id)).toEqual([2])
    expect(searchUsers(users, '5227', '', roleLabel).map((x) => x.id)).toEqual([2])
    expect(searchUsers(users, '超级', '', roleLabel).map((x) => x.id)).toEqual([1])
    expect(searchUsers(users, '', 'disabled', roleLabel).map((x) => x.id)).toEqual([3])
    expect(searchUsers(users, '', 'active', roleLabel).map((x) => x.id)).toEqual([1, 2])
  })
  it('pages', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4])
    expect(pageOf([1, 2, 3], 3, 2)).toEqual([])
  })
})
