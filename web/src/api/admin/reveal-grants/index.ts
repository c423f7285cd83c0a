import { http } from '../../http'
import type { RevealGrant } from './types'

/** Pending requests first (oldest first), then the last 100 decided. */
export const listRevealGrants = () => http.get<{ items: RevealGrant[] }>('/api/v1/admin/reveal-grants')
export const approveRevealGrant = (id: number) => http.post<RevealGrant>(`/api/v1/admin/reveal-grants/${id}/approve`)
export const refuseRevealGrant = (id: number) => http.post<RevealGrant>(`/api/v1/admin/reveal-grants/${id}/refuse`)
