// Ledger declarations and the menu of ledgers from /api/v1/meta/ledgers, fetched once per session
// (and again after a dictionary change); the console's menu, ledger routes, tables and forms are
// generated from them.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as metaApi from '@/api/meta'
import type { LedgerMeta, LedgersResponse, MenuGroupMeta } from '@/api/meta/types'

export const useMetaStore = defineStore('meta', () => {
  const ledgers = ref<LedgerMeta[]>([])
  const menu = ref<MenuGroupMeta[]>([])

  function take(r: LedgersResponse) {
    ledgers.value = r.items
    menu.value = r.menu
  }
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    if (ledgers.value.length) return Promise.resolve()
    loading ??= metaApi
      .ledgers()
      .then(take)
      .finally(() => {
        loading = null
      })
    return loading
  }

  /** Fetches the declarations again (e.g. after a dictionary change), keeping the old ones
   *  on screen until the new ones arrive. */
  async function refresh(): Promise<void> {
    await loading?.catch(() => undefined)
    take(await metaApi.ledgers())
  }

  function ledger(name: string): LedgerMeta | undefined {
    return ledgers.value.find((l) => l.name === name)
  }

  function reset() {
    ledgers.value = []
    menu.value = []
  }

  return { ledgers, menu, load, refresh, ledger, reset }
})
