import { http } from '../../http'
import type { PermissionInfo, RoleInfo, RoleInput } from './types'

export const listRoles = () => http.get<{ items: RoleInfo[] }>('/api/v1/admin/roles')
export const listPermissions = () => http.get<{ items: PermissionInfo[] }>('/api/v1/admin/permissions')
export const addRole = (r: RoleInput) => http.post<RoleInfo>('/api/v1/admin/roles', r)
export const updateRole = (id: number, r: RoleInput) => http.put<RoleInfo>(`/api/v1/admin/roles/${id}`, r)
export const deleteRole = (id: number) => http.del<{ ok: boolean }>(`/api/v1/admin/roles/${id}`)
