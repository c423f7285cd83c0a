// The annual targets ledger: its indicator is picked from the catalogue and shown by its name
// standing alone (a sub-figure with its whole), and a target is read and typed in the indicator's
// unit (translated in English: "1 person", "6 batches") — a money target in 万元 ("50万", "1,033.98"),
// stored as fen like every amount.
import { useIndicatorsStore } from '@/stores/indicators'
import { fullLabel } from '@/utils/indicators'
import { fenToUnit, parseAmount } from '@/utils/money'
import { figureWithUnit } from '@/utils/units'
import IndicatorSelect from '@/components/ledger/IndicatorSelect.vue'
import TargetValueInput from '@/components/ledger/TargetValueInput.vue'
import type { CustomField } from './customFields'

const indicator = (key: unknown) => useIndicatorsStore().def(key)
/** True when the indicator of that key counts money (fen). */
export const isMoneyIndicator = (key: unknown) => indicator(key)?.unit === 'fen'

export const targetsFields: Record<string, CustomField> = {
  indicator_key: {
    input: IndicatorSelect,
    display: (r) => {
      const def = indicator(r.indicator_key)
      return def ? fullLabel(def) : String(r.indicator_key ?? '')
    },
  },
  target_value: {
    input: TargetValueInput,
    toForm: (r) => (isMoneyIndicator(r.indicator_key) ? fenToUnit(r.target_value as number, 'wan') : String(r.target_value)),
    toPayload: (m) => (isMoneyIndicator(m.indicator_key) ? parseAmount(m.target_value, 'wan') : Number(m.target_value)),
    display: (r) => {
      const def = indicator(r.indicator_key)
      return def ? figureWithUnit(def, Number(r.target_value)) : String(r.target_value ?? '')
    },
    // wide enough for an amount in English ("1,033.98 million yuan") or a count with its unit
    minWidth: 180,
    // A whole number, or an amount as money inputs take it ("50万"); the server checks the rest.
    rules: (t) => [
      {
        trigger: 'blur',
        validator: (_r, v, cb) =>
          v === null || v === '' || Number.isFinite(parseAmount(v as string, 'wan') ?? NaN)
            ? cb()
            : cb(new Error(t('common.invalidMoney'))),
      },
    ],
  },
}
