// Ledger declarations from /api/v1/meta/ledgers, fetched once per session (and again after a
// dictionary change); the console's tables and forms are generated from them.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as metaApi from '@/api/meta'
import type { LedgerMeta } from '@/api/meta/types'

export const useMetaStore = defineStore('meta', () => {
  const ledgers = ref<LedgerMeta[]>([])
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    if (ledgers.value.length) return Promise.resolve()
    loading ??= metaApi
      .ledgers()
      .then((r) => {
        ledgers.value = r.items
      })
      .finally(() => {
        loading = null
      })
    return loading
  }

  /** Fetches the declarations again (e.g. after a dictionary change), keeping the old ones
   *  on screen until the new ones arrive. */
  async function refresh(): Promise<void> {
    await loading?.catch(() => undefined)
    ledgers.value = (await metaApi.ledgers()).items
  }

  function ledger(name: string): LedgerMeta | undefined {
    return ledgers.value.find((l) => l.name === name)
  }

  function reset() {
    ledgers.value = []
  }

  return { ledgers, load, refresh, ledger, reset }
})
