// Region names for GB/T 2260 codes, looked up through /meta/regions/{parent}/children and
// cached per parent (a county's name comes with its prefecture's list of children).
import { regionChildren } from '@/api/meta'
import type { RegionNode } from '@/api/meta/types'

const cache = new Map<string, Promise<RegionNode[]>>()

/** The parent whose children list contains `code` ("0" for provinces). */
export function parentCode(code: string): string {
  if (code.length > 6) return code.length > 9 ? code.slice(0, 9) : code.slice(0, 6)
  if (code.endsWith('0000')) return '0'
  if (code.endsWith('00')) return `${code.slice(0, 2)}0000`
  return `${code.slice(0, 4)}00`
}

export function children(code: string): Promise<RegionNode[]> {
  let p = cache.get(code)
  if (!p) {
    p = regionChildren(code).then((r) => r.items).catch(() => [])
    cache.set(code, p)
  }
  return p
}

/** "平塘县" for "522727"; "" when unknown. */
export async function regionName(code: string): Promise<string> {
  if (!/^\d{6}(\d{3})?(\d{3})?$/.test(code)) return ''
  const list = await children(parentCode(code))
  return list.find((r) => r.code === code)?.name ?? ''
}

/** "广州市白云区 → 平塘县" style names for a pair code "440111-522727". */
export async function pairName(pair: string): Promise<string> {
  const [helper, helped] = pair.split('-')
  if (!helper || !helped) return ''
  const [a, b] = await Promise.all([regionName(helper), regionName(helped)])
  return a && b ? `${a} → ${b}` : ''
}
