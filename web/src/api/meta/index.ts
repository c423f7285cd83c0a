import { http } from '../http'
import type { LedgersResponse, RegionNode } from './types'

export const ledgers = () => http.get<LedgersResponse>('/api/v1/meta/ledgers')
export const regionChildren = (code: string) =>
  http.get<{ items: RegionNode[]; source: string }>(`/api/v1/meta/regions/${encodeURIComponent(code)}/children`)
