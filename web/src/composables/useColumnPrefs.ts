// Which columns of a ledger's table the clerk has hidden, kept per ledger in this browser
// (localStorage "shanhai.columns.<ledger>": a JSON array of field keys), as RuoYi's column
// switch does. A ledger whose columns were never chosen here, or whose stored value is unreadable,
// hides the page's defaults.
import { ref, watch, type Ref } from 'vue'

const kPrefix = 'shanhai.columns.'

function read(ledger: string, defaults: string[]): string[] {
  try {
    const stored = localStorage.getItem(kPrefix + ledger)
    const v = stored === null ? [...defaults] : JSON.parse(stored)
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [...defaults]
  } catch {
    return [...defaults]
  }
}

/** hidden: the hidden keys of the ledger now named by `ledger` (re-read when it changes); defaults
 *  until the clerk chooses. */
export function useColumnPrefs(ledger: Ref<string>, defaults: string[] = []) {
  const hidden = ref<string[]>(read(ledger.value, defaults))
  watch(ledger, (name) => (hidden.value = read(name, defaults)))
  watch(hidden, (keys) => localStorage.setItem(kPrefix + ledger.value, JSON.stringify(keys)), { deep: true })
  return { hidden }
}
