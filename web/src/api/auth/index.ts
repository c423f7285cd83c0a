import { http } from '../http'
import type { CurrentUser, TotpEnrolment } from './types'

export const login = (name: string, password: string, totp = '') =>
  http.post<CurrentUser>('/api/v1/auth/login', totp ? { name, password, totp } : { name, password }, undefined, true)
export const logout = () => http.post<{ ok: boolean }>('/api/v1/auth/logout')
export const me = () => http.get<CurrentUser>('/api/v1/auth/me')
export const changePassword = (old_password: string, new_password: string) =>
  http.post<{ ok: boolean }>('/api/v1/auth/password', { old_password, new_password })
export const beginTotp = (currentCode?: string) =>
  http.post<TotpEnrolment>('/api/v1/auth/totp', currentCode ? { current_code: currentCode } : undefined)
export const confirmTotp = (code: string) => http.post<{ ok: boolean }>('/api/v1/auth/totp/confirm', { code })
