// The region picker's roots. A record whose pair is known is placed inside the pair's two sides,
// and a user scoped to a region (a town's clerk) works inside that region: the picker starts at
// whichever of the two is the narrower (the clerk's town inside 平塘县, not 平塘县 itself), each root
// with the levels below it loaded at once, so that a clerk browses the towns and villages a record
// is placed in without waiting at each level (a search goes to the server, rooted there).
// Each root is loaded two levels down, which keeps the answer phone-sized: a county side with
// all its towns and villages (平塘县 8.7 KB, 142 regions; 白云区 25 KB, 428), a city side down to
// its towns (6–10 KB; to its villages it would be 96–180 KB), a province side down to its
// counties; anything deeper loads as it is opened.
import { regionChildren } from '@/api/meta'
import { children, parentCode, pathOf, pickerNodes, type PickerRegion } from '@/utils/regions'

const kLevelsBelowSide = 2

/** The two side codes of a pair code ("440111-522727"), or [] for anything else. */
export function pairSides(pair: string | undefined): string[] {
  const m = /^(\d{6})-(\d{6})$/.exec((pair ?? '').trim())
  return m ? [m[1], m[2]] : []
}

/**
 * True if code lies in the region side (a code inside it, or the side itself), judged level by
 * level up from code, never by a string prefix: the town 522727200 ends in 00 as a city does, yet
 * its neighbour 522727201 is not inside it.
 */
export function insideSide(side: string, code: string): boolean {
  return side !== '' && pathOf(code).includes(side)
}

/**
 * The roots a picker offers for a record of the pair sides ([] when unknown) entered by a user
 * scoped to scope ("" for the whole country): each side inside the scope, or the scope where it
 * lies inside a side; the scope alone without sides or when it meets neither; [] for no limit.
 */
export function pickerRoots(sides: string[], scope: string): string[] {
  if (!scope) return sides
  const roots = sides.flatMap((s) => (insideSide(scope, s) ? [s] : insideSide(s, scope) ? [scope] : []))
  return roots.length ? [...new Set(roots)] : [scope]
}

/** The codes from side down to code, as the picker's path when side is one of its roots. */
export function pathFromSide(side: string, code: string): string[] {
  const path: string[] = []
  for (let c = code; c && c !== '0' && c !== side; c = parentCode(c)) path.unshift(c)
  return [side, ...path]
}

const trees = new Map<string, Promise<PickerRegion | null>>()

/** One root with its two levels below, fetched once per session. */
function rootTree(code: string): Promise<PickerRegion | null> {
  let p = trees.get(code)
  if (!p) {
    p = (async () => {
      const self = (await children(parentCode(code))).find((r) => r.code === code)
      if (!self) return null
      const below = await regionChildren(code, kLevelsBelowSide)
      const [node] = pickerNodes([{ ...self, children: below.items }])
      return node
    })()
    p.catch(() => trees.delete(code))
    trees.set(code, p)
  }
  return p
}

/** The picker's first column for the root codes (pickerRoots), in their order. */
export async function rootNodes(codes: string[]): Promise<PickerRegion[]> {
  const nodes = await Promise.all(codes.map(rootTree))
  return nodes.filter((n): n is PickerRegion => !!n)
}
