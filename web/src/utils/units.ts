// The unit of a figure as shown: the catalogue gives Chinese units (批, 人次, 名 …) and "fen"
// for money, whose axis is named in 万元; English shows the units translated (i18n dash.unit).
import type { IndicatorDef } from '@/api/indicators/types'
import { i18n, isZh } from '@/i18n'
import en from '@/i18n/en'
import { formatIndicator } from './indicators'

export function unitLabel(def: Pick<IndicatorDef, 'unit'>): string {
  if (def.unit === 'fen') return i18n.global.t('common.wan')
  if (isZh()) return def.unit
  const units = en.dash.unit as Record<string, string>
  return units[def.unit] ?? def.unit
}

/** A figure with its unit, as a sentence or a drawer's title names it: an amount's text already
 * carries its unit (formatAmount: 万元 or 亿元), any other figure is followed by unitLabel. */
export function figureWithUnit(def: IndicatorDef, value: number | string | null | undefined): string {
  const text = formatIndicator(def, value)
  return def.unit === 'fen' ? text : `${text} ${unitLabel(def)}`.trim()
}
