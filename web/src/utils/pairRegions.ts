// The region picker of a record whose pair is known: its roots are the pair's two sides, each with
// the levels below it loaded at once, so that a clerk browses the towns and villages a record of
// that pair is placed in without waiting at each level (a search goes to the server, rooted there).
// Each side is loaded two levels down, which keeps the answer phone-sized: a county side with
// all its towns and villages (平塘县 8.7 KB, 142 regions; 白云区 25 KB, 428), a city side down to
// its towns (6–10 KB; to its villages it would be 96–180 KB), a province side down to its
// counties; anything deeper loads as it is opened.
import { regionChildren } from '@/api/meta'
import { children, parentCode, pickerNodes, type PickerRegion } from '@/utils/regions'

const kLevelsBelowSide = 2

/** The two side codes of a pair code ("440111-522727"), or [] for anything else. */
export function pairSides(pair: string | undefined): string[] {
  const m = /^(\d{6})-(\d{6})$/.exec((pair ?? '').trim())
  return m ? [m[1], m[2]] : []
}

/** True if code lies in the region side (a code inside it, or the side itself). */
export function insideSide(side: string, code: string): boolean {
  const prefix = side.endsWith('0000') ? side.slice(0, 2) : side.endsWith('00') ? side.slice(0, 4) : side
  return code.startsWith(prefix)
}

/** The codes from side down to code, as the picker's path when its roots are the sides. */
export function pathFromSide(side: string, code: string): string[] {
  const path: string[] = []
  for (let c = code; c && c !== '0' && c !== side; c = parentCode(c)) path.unshift(c)
  return [side, ...path]
}

const sides = new Map<string, Promise<PickerRegion | null>>()

/** One side with its two levels below, fetched once per session. */
function sideTree(code: string): Promise<PickerRegion | null> {
  let p = sides.get(code)
  if (!p) {
    p = (async () => {
      const self = (await children(parentCode(code))).find((r) => r.code === code)
      if (!self) return null
      const below = await regionChildren(code, kLevelsBelowSide)
      const [node] = pickerNodes([{ ...self, children: below.items }])
      return node
    })()
    p.catch(() => sides.delete(code))
    sides.set(code, p)
  }
  return p
}

/** The picker's roots for a pair: its two sides, helper first. */
export async function pairSideRoots(pair: string): Promise<PickerRegion[]> {
  const nodes = await Promise.all(pairSides(pair).map(sideTree))
  return nodes.filter((n): n is PickerRegion => !!n)
}
