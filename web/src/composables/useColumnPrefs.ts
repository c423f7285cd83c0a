// Which columns of a ledger's table the clerk has hidden, kept per ledger in this browser
// (localStorage "shanhai.columns.<ledger>": a JSON array of field keys), as RuoYi's column
// switch does. Unknown or unreadable stored values count as "nothing hidden".
import { ref, watch, type Ref } from 'vue'

const kPrefix = 'shanhai.columns.'

function read(ledger: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(kPrefix + ledger) ?? '[]')
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : []
  } catch {
    return []
  }
}

/** hidden: the hidden keys of the ledger now named by `ledger` (re-read when it changes). */
export function useColumnPrefs(ledger: Ref<string>) {
  const hidden = ref<string[]>(read(ledger.value))
  watch(ledger, (name) => (hidden.value = read(name)))
  watch(hidden, (keys) => localStorage.setItem(kPrefix + ledger.value, JSON.stringify(keys)), { deep: true })
  return { hidden }
}
