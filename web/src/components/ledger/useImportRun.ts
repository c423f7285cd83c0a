// The steps both import dialogs share: pick a file (of the allowed extensions), check it (a dry
// run with the clerk's choices, again whenever a choice changes), then import it for real with
// the same choices; a refused import shows its report instead. R: the server's report.
// Picking a file checks it, and a changed choice checks again, so `checked` (a report answers the
// file and choices shown) tells the check button there is nothing new to check.
import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { errorText } from '@/api/http'
import type { ImportChoices } from '@/api/ledger/types'
import { defaultChoices, refusedRows, type CheckCounts } from './importFlow'

export type ImportRunner<R> = (file: File, dryRun: boolean, choices: ImportChoices) => Promise<R>

export function useImportRun<R extends CheckCounts & { stored: number; updated: number }>(
  runner: ImportRunner<R>,
  allowed: RegExp,
  notAllowedKey: string,
) {
  const { t, locale } = useI18n()
  const file = ref<File | null>(null)
  const report = ref<R | null>(null) as Ref<R | null>
  const choices = ref<ImportChoices>(defaultChoices())
  const error = ref('')
  const busy = ref(false)

  function reset() {
    file.value = null
    report.value = null
    error.value = ''
    choices.value = defaultChoices()
  }

  function pick(f: File | null) {
    report.value = null
    error.value = ''
    if (f && !allowed.test(f.name)) {
      error.value = t(notAllowedKey)
      file.value = null
      return
    }
    file.value = f
    if (f) void check()
  }

  /** Runs the import (a dry run unless `store`); the stored report, or null when not stored. */
  async function run(store: boolean): Promise<R | null> {
    if (!file.value) return null
    busy.value = true
    error.value = ''
    try {
      const r = await runner(file.value, !store, choices.value)
      if (!store || (refusedRows(r) > 0 && !choices.value.skipInvalid)) {
        report.value = r
        return null
      }
      return r
    } catch (e) {
      error.value = errorText(e, locale.value)
      return null
    } finally {
      busy.value = false
    }
  }
  const check = () => run(false)
  const checked = computed(() => report.value !== null)
  return { file, report, checked, choices, error, busy, reset, pick, check, importNow: () => run(true) }
}
