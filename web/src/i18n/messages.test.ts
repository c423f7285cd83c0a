import { describe, expect, it } from 'vitest'
import en from './en'
import zh from './zh'

type Tree = Record<string, unknown>

// Every string of a message tree by its dotted key.
function strings(tree: Tree, path = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(path + k, v)
    else if (v && typeof v === 'object') for (const [kk, vv] of strings(v as Tree, `${path}${k}.`)) out.set(kk, vv)
  }
  return out
}

// The namespaces of the console's shared wording and of the list, import and report features beside it.
const kShared = ['common.', 'import.', 'dashboard.', 'report.', 'workbook.', 'list.', 'evidence.']

describe('UI messages', () => {
  it('say one wording once: no two keys of the shared namespaces carry the same text in both languages', () => {
    const z = strings(zh as Tree)
    const e = strings(en as Tree)
    const byText = new Map<string, string[]>()
    for (const [key, text] of z) {
      // The audit's action names are a vocabulary of their own (history.action.*).
      if (key.startsWith('history.action.')) continue
      const both = `${text}\u0000${e.get(key) ?? ''}`
      byText.set(both, [...(byText.get(both) ?? []), key])
    }
    const repeated = [...byText.values()].filter((keys) => keys.length > 1 && keys.some((k) => kShared.some((n) => k.startsWith(n))))
    expect(repeated).toEqual([])
  })
})
