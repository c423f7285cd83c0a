// Arranging and formatting server-computed indicator values. Nothing here computes a figure:
// values, targets and completion rates all come from /api/v1/indicators.
import type { IndicatorDef, IndicatorValue } from '@/api/indicators/types'
import { isZh, label } from '@/i18n'
import { formatAmount } from './money'
import { formatPercent } from './percent'

export interface IndicatorGroup {
  key: string
  /** "组织领导" from "两方力量·组织领导" (the whole label when it has no '·') */
  labelZh: string
  defs: IndicatorDef[]
}

export interface IndicatorSection {
  /** "两方力量", "两种模式", "三个重点", or a group label standing alone ("资金支持") */
  labelZh: string
  groups: IndicatorGroup[]
}

/** Sections in catalogue order, as the article groups them: "两方力量·组织领导" → 两方力量 / 组织领导. */
export function sectionsOf(catalogue: IndicatorDef[]): IndicatorSection[] {
  const sections: IndicatorSection[] = []
  for (const def of catalogue) {
    const [head, tail] = def.group_label_zh.split('·')
    let section = sections.find((s) => s.labelZh === head)
    if (!section) sections.push((section = { labelZh: head, groups: [] }))
    let group = section.groups.find((g) => g.key === def.group)
    if (!group) section.groups.push((group = { key: def.group, labelZh: tail ?? head, defs: [] }))
    group.defs.push(def)
  }
  return sections
}

/** The indicator's name where it stands alone (a drop-down, a list cell, a drawer's title): a
 * sub-figure with the figure it is part of ("与村结对的帮扶单位·其中镇街"), in the current language. */
export function fullLabel(def: IndicatorDef): string {
  return label({ label_zh: def.full_label_zh, label_en: def.full_label_en }) || label(def)
}

/** A figure for display: money (fen) with its unit (formatAmount), rates by formatPercent, counts with separators. */
export function formatIndicator(def: IndicatorDef, value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') return value
  if (def.unit === 'fen') return formatAmount(value)
  if (def.is_rate) return formatPercent(value)
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}

/** The headline figures, in their declared order (the catalogue's `headline`, 1 first). */
export function headlinesOf(catalogue: IndicatorDef[]): IndicatorDef[] {
  return catalogue.filter((d) => d.headline > 0).sort((a, b) => a.headline - b.headline)
}

export function valuesByKey(items: IndicatorValue[]): Map<string, IndicatorValue> {
  return new Map(items.map((v) => [v.key, v]))
}

/** Years as runs: consecutive ones joined ("2016–2018"), others alone ("2026"). */
function yearRuns(years: number[]): string[] {
  const runs: string[] = []
  for (let i = 0; i < years.length; ) {
    let j = i
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++
    runs.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]))
    i = j + 1
  }
  return runs
}

/** The years of the period without an annual target (the server's target_missing_years, oldest
 *  first) as the card and the report say them, consecutive years as one run: "2026年未设目标",
 *  "2016–2018年、2021年未设目标"; "No target set for 2026", "No target set for 2016–2018, 2021";
 *  "" for none. As TargetMissingText on the server. */
export function targetMissingText(years: number[] | null | undefined, zh = isZh()): string {
  if (!years?.length) return ''
  const runs = yearRuns(years)
  return zh ? `${runs.map((y) => `${y}年`).join('、')}未设目标` : `No target set for ${runs.join(', ')}`
}
