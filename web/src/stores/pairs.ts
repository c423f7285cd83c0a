// The pairs the user can see (the pairs ledger), for pickers; and the pair last worked on,
// remembered so a clerk entering many records does not retype it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ledgerApi } from '@/api/ledger'
import type { LedgerRecord } from '@/api/ledger/types'
import { useAuthStore } from './auth'
import { useMetaStore } from './meta'

const kLastPair = 'shanhai.lastPair'

export const usePairsStore = defineStore('pairs', () => {
  const pairs = ref<LedgerRecord[]>([])
  const lastPair = ref(localStorage.getItem(kLastPair) ?? '')
  let loaded = false

  async function load() {
    if (loaded) return
    const meta = useMetaStore()
    await meta.load()
    const def = meta.ledger('pairs')
    if (!def || !useAuthStore().can('pairing:pairs:list')) return
    pairs.value = (await ledgerApi(def.path).list({ page_size: 100 })).items
    loaded = true
  }

  /** The most specific pair: a county pair if there is one. */
  function defaultPair(): string {
    if (lastPair.value) return lastPair.value
    return String((pairs.value.find((p) => p.level === 'county') ?? pairs.value[0])?.code ?? '')
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

  return { pairs, lastPair, load, defaultPair, remember, reset }
})
