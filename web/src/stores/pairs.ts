// The pairs inside the user's data scope (/api/v1/meta/pairs: a session is enough, so a clerk
// whose role may not list the pairs ledger still picks their pairs), for pickers; and the pair
// last worked on, remembered so a clerk entering many records does not retype it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { pairsInScope } from '@/api/meta'
import type { LedgerRecord } from '@/api/ledger/types'

const kLastPair = 'shanhai.lastPair'

export const usePairsStore = defineStore('pairs', () => {
  const pairs = ref<LedgerRecord[]>([])
  const lastPair = ref(localStorage.getItem(kLastPair) ?? '')
  let loaded = false

  async function load() {
    if (loaded) return
    pairs.value = (await pairsInScope()).items
    loaded = true
  }

  /** The pair last worked on if it is still the user's (the browser may have served another
   *  user before), else the most specific pair: a county pair if there is one. */
  function defaultPair(): string {
    if (lastPair.value && pairs.value.some((p) => p.code === lastPair.value)) return lastPair.value
    return String((pairs.value.find((p) => p.level === 'county') ?? pairs.value[0])?.code ?? '')
  }

  /** "广州市白云区—黔南州平塘县" for a pair record, from its sides' names (the code when they have none). */
  function nameOf(p: LedgerRecord): string {
    const helper = p.helper_region_label
    const helped = p.helped_region_label
    return helper && helped ? `${helper}—${helped}` : String(p.code ?? '')
  }

  function remember(code: string) {
    if (!code) return
    lastPair.value = code
    localStorage.setItem(kLastPair, code)
  }

  function reset() {
    pairs.value = []
    loaded = false
  }

  return { pairs, lastPair, load, defaultPair, nameOf, remember, reset }
})
