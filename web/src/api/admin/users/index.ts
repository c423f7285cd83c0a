import { http } from '../../http'
import type { UserInfo, UserInput } from './types'

export const listUsers = () => http.get<{ items: UserInfo[] }>('/api/v1/admin/users')
export const addUser = (u: UserInput) => http.post<UserInfo>('/api/v1/admin/users', u)
export const updateUser = (id: number, u: UserInput) => http.put<UserInfo>(`/api/v1/admin/users/${id}`, u)
/** Sets a new password the user must change at the next login. */
export const resetUserPassword = (id: number, password: string) =>
  http.post<{ ok: boolean }>(`/api/v1/admin/users/${id}/password`, { password })
