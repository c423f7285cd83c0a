// The unit of a figure as shown: the catalogue gives Chinese units (批, 人次, 名 …) and "fen"
// for money, which is shown in 万元; English shows the units translated (i18n dash.unit).
import type { IndicatorDef } from '@/api/indicators/types'
import { i18n, isZh } from '@/i18n'
import en from '@/i18n/en'

export function unitLabel(def: Pick<IndicatorDef, 'unit'>): string {
  if (def.unit === 'fen') return i18n.global.t('dashboard.wan')
  if (isZh()) return def.unit
  const units = en.dash.unit as Record<string, string>
  return units[def.unit] ?? def.unit
}
