// A record's field as the ledger pages show it (enum labels, names beside codes, amounts in 元/万元),
// for pages of their own that show records of a declared ledger: text(record, key).
import { useI18n } from 'vue-i18n'
import type { LedgerMeta } from '@/api/meta/types'
import { displayValue } from '@/utils/form'

export function useRecordText(meta: () => LedgerMeta | undefined) {
  const { locale } = useI18n()
  return (record: Record<string, unknown>, key: string): string => {
    const m = meta()
    return displayValue(m?.fields.find((f) => f.key === key), record, key, locale.value.startsWith('zh'), m?.name)
  }
}
