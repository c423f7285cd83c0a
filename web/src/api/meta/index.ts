import { http } from '../http'
import type { LedgerRecord } from '../ledger/types'
import type { LedgersResponse, RegionHit, RegionNode } from './types'

export const ledgers = () => http.get<LedgersResponse>('/api/v1/meta/ledgers')
export const regionChildren = (code: string, depth = 1) =>
  http.get<{ items: RegionNode[]; source: string }>(`/api/v1/meta/regions/${encodeURIComponent(code)}/children`,
    depth > 1 ? { depth } : undefined)
/** Every province, city and county, nested under `children` (the region picker's tree). */
export const regionTree = () =>
  http.get<{ items: RegionNode[]; source: string }>('/api/v1/meta/regions/0/children', { depth: 3 })
/** The pairs records inside the user's data scope, by code, with their sides' names. */
export const pairsInScope = () => http.get<{ items: LedgerRecord[] }>('/api/v1/meta/pairs')
/** The regions `q` finds by name, code prefix or pinyin initials, towns and villages too, inside `roots`
 *  (none: the whole catalogue), best first. */
export const searchRegions = (q: string, roots: string[], limit = 20) =>
  http.get<{ items: RegionHit[]; total: number; truncated: boolean }>('/api/v1/meta/regions/search',
    { q, limit, ...(roots.length ? { root: roots.join(',') } : {}) })
