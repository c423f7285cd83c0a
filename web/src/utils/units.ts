// The unit of a figure as shown: the catalogue gives Chinese units (批, 人次, 名 …) and "fen"
// for money, whose axis is named in 万元; English shows the units translated (i18n dashboard.unit),
// singular for one ("1 person") and plural otherwise.
import type { IndicatorDef } from '@/api/indicators/types'
import { i18n, isZh } from '@/i18n'
import en from '@/i18n/en'
import { formatIndicator } from './indicators'

/** The unit of def's figures; in English for `count` of them ("1 person", "2 people"; several
 * without a count, as an axis or a column names them). */
export function unitLabel(def: Pick<IndicatorDef, 'unit'>, count?: number | string | null): string {
  if (def.unit === 'fen') return i18n.global.t('common.wan')
  if (isZh()) return def.unit
  const forms = (en.dashboard.unit as Record<string, string>)[def.unit]
  if (forms === undefined) return def.unit
  const [one, other = one] = forms.split(' | ')
  return Number(count) === 1 ? one : other
}

/** True when formatIndicator's text already carries the unit: an amount (万元 or 亿元) and a rate (%). */
export function carriesUnit(def: Pick<IndicatorDef, 'unit' | 'is_rate'>): boolean {
  return def.unit === 'fen' || def.is_rate
}

/** A figure with its unit, as a sentence or a drawer's title names it: formatIndicator's text,
 * followed by unitLabel unless it carries its unit (carriesUnit) — in Chinese right after it, as
 * the server's report writes it ("1,036人次"), in English after a space ("1,036 person-times",
 * "1 batch"); "—" alone for no figure. */
export function figureWithUnit(def: IndicatorDef, value: number | string | null | undefined): string {
  const text = formatIndicator(def, value)
  if (value === null || value === undefined || value === '' || carriesUnit(def)) return text
  const unit = unitLabel(def, value)
  return unit === '' ? text : `${text}${isZh() ? '' : ' '}${unit}`
}
