// Region names for GB/T 2260 codes, looked up through /meta/regions/{parent}/children and
// cached per parent (a county's name comes with its prefecture's list of children); and the tree
// the region picker offers: every province, city and county at once, searchable by name, code
// and pinyin initials, towns and villages loaded as they are opened.
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

/** "平塘县" for "522727"; "" when unknown. */
export async function regionName(code: string): Promise<string> {
  if (!/^\d{6}(\d{3})?(\d{3})?$/.test(code)) return ''
  const list = await children(parentCode(code))
  return list.find((r) => r.code === code)?.name ?? ''
}

/** The codes from the province down to `code` ("522727" → 520000, 522700, 522727), as a cascader's path. */
export function pathOf(code: string): string[] {
  const path: string[] = []
  for (let c = code; c && c !== '0'; c = parentCode(c)) path.unshift(c)
  return path
}

/** A region as the picker holds it: the pinyin initials of its name ("荔波县" → "lbx") and of its
 *  everyday name if it has one ("黔南州" → "qnz"), space-separated, for searching. */
export interface PickerRegion extends RegionNode {
  initials: string
  leaf?: boolean
  children?: PickerRegion[]
}

// pinyin-pro carries a dictionary of its own: loaded with the picker, not with every page.
const initialsOf = import('pinyin-pro').then(({ pinyin }) => (name: string) =>
  pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase())

/** Nodes for the picker, their initials computed; villages are leaves. */
export async function pickerNodes(nodes: RegionNode[]): Promise<PickerRegion[]> {
  const initials = await initialsOf
  const convert = (n: RegionNode): PickerRegion => ({
    ...n,
    initials: [n.name, n.everyday].filter((x): x is string => !!x).map(initials).join(' '),
    leaf: n.level === 'village' || undefined,
    children: n.children?.map(convert),
  })
  return nodes.map(convert)
}

let tree: Promise<PickerRegion[]> | null = null
/** Provinces, cities and counties with their initials, fetched once per session. */
export function pickerTree(): Promise<PickerRegion[]> {
  tree ??= regionTree().then((r) => pickerNodes(r.items))
  tree.catch(() => (tree = null))
  return tree
}

/** True when `typed` finds the region: part of its name or everyday name, the start of its code,
 *  or part of its initials. */
export function regionMatches(region: Pick<PickerRegion, 'code' | 'name' | 'everyday' | 'initials'>, typed: string): boolean {
  const q = typed.trim().toLowerCase()
  if (!q) return true
  if (/^\d+$/.test(q)) return region.code.startsWith(q)
  return region.name.includes(q) || !!region.everyday?.includes(q) || region.initials.includes(q)
}
