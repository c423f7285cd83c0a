// The indicator catalogue (/api/v1/indicators/catalogue), fetched once per session on first use:
// the targets ledger names its indicators and their units from it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { catalogue } from '@/api/indicators'
import type { IndicatorDef } from '@/api/indicators/types'

export const useIndicatorsStore = defineStore('indicators', () => {
  const defs = ref<IndicatorDef[]>([])
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= catalogue()
      .then((r) => void (defs.value = r.items))
      .catch(() => void (loading = null))
    return loading
  }

  /** The indicator of that key (undefined until the catalogue has come, or for an unknown key);
   *  asks for the catalogue when it has not come yet. */
  function def(key: unknown): IndicatorDef | undefined {
    if (!defs.value.length) void load()
    return defs.value.find((d) => d.key === key)
  }

  return { defs, load, def }
})
