// Region names for GB/T 2260 codes, looked up through /meta/regions/{parent}/children and
// cached per parent (a county's name comes with its prefecture's list of children); and the tree
// the region picker offers to browse: every province, city and county at once, towns and villages
// loaded as they are opened (a search goes to the server: /meta/regions/search).
import { regionChildren, regionTree } from '@/api/meta'
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

/** "平塘县" for "522727", "甲坝村" for a village (its common name, as tables say it); "" when unknown. */
export async function regionName(code: string): Promise<string> {
  if (!/^\d{6}(\d{3})?(\d{3})?$/.test(code)) return ''
  const list = await children(parentCode(code))
  const r = list.find((x) => x.code === code)
  return r ? (r.common ?? r.name) : ''
}

/** The codes from the province down to `code` ("522727" → 520000, 522700, 522727), as a cascader's path. */
export function pathOf(code: string): string[] {
  const path: string[] = []
  for (let c = code; c && c !== '0'; c = parentCode(c)) path.unshift(c)
  return path
}

/** A region as the picker holds it: villages are leaves. */
export interface PickerRegion extends RegionNode {
  leaf?: boolean
  children?: PickerRegion[]
}

/** Nodes for the picker, each by the name tables say (its common name: 甲坝村, not 甲坝村村民委员会); villages are leaves. */
export function pickerNodes(nodes: RegionNode[]): PickerRegion[] {
  const convert = (n: RegionNode): PickerRegion => ({
    ...n,
    name: n.common ?? n.name,
    leaf: n.level === 'village' || undefined,
    children: n.children?.map(convert),
  })
  return nodes.map(convert)
}

/** The picker's nodes cut at the counties, which become leaves: for a field that takes a province, city or county only. */
export function downToCounties(nodes: PickerRegion[]): PickerRegion[] {
  return nodes.map((n) =>
    n.level === 'county' ? { ...n, leaf: true, children: undefined } : { ...n, children: n.children && downToCounties(n.children) },
  )
}

let tree: Promise<PickerRegion[]> | null = null
/** Provinces, cities and counties, fetched once per session. */
export function pickerTree(): Promise<PickerRegion[]> {
  tree ??= regionTree().then((r) => pickerNodes(r.items))
  tree.catch(() => (tree = null))
  return tree
}
