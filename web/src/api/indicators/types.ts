export interface IndicatorDef {
  key: string
  group: string
  group_label_zh: string
  label_zh: string
  label_en: string
  /** the name standing alone (a drop-down, a targets list): a sub-figure's label after its whole's,
   *  "与村结对的帮扶单位·其中镇街"; the label itself for any other */
  full_label_zh: string
  full_label_en: string
  /** "fen" for money indicators, else the Chinese unit (批, 人次, %…). */
  unit: string
  definition_zh: string
  ledger: string
  has_poverty: boolean
  is_rate: boolean
  /** place among the dashboard's headline figures (1 first); 0: not a headline figure */
  headline: number
}

export interface IndicatorValue {
  key: string
  value: number | string | null
  /** the user may not list the figure's ledger (value null): the server did not compute it */
  withheld: boolean
  poverty: number | null
  target: number | null
  /** there are targets, but not for every year of the period (or it is open): no target to compare */
  target_partial: boolean
  completion_percent: number | null
  /** the user's data scope cannot place this ledger's records (value null, not 0): see NotInScopeReason */
  not_in_scope: boolean
  not_in_scope_reason?: NotInScopeReason
}

/** Why a figure is not counted for the user's scope: a town's or village's user and a ledger
 *  without a region field; an organisation's account and a ledger whose records it owns none of. */
export type NotInScopeReason = 'no_region_field' | 'no_owner_field'

/** Whose records the figures count when the user sees only part of the pair (all null: the whole pair). */
export interface FigureScope {
  /** the region code ("522727200") or the organisation ("units:12") */
  scope: string | null
  scope_kind: 'region' | 'owner' | null
  /** "黔南州平塘县卡蒲毛南族乡", or the organisation's name */
  scope_name: string | null
}

export interface IndicatorValues extends FigureScope {
  pair: string
  from: string
  to: string
  items: IndicatorValue[]
  /** the years of the period for which no annual target is set, oldest first (empty for an open
   *  period, without the targets ledger's list permission, or for part of a pair) */
  target_missing_years: number[]
}

export interface PeriodQuery {
  pair?: string
  from?: string
  to?: string
}

/** The report as JSON (/api/v1/report?format=json): every figure, with its target where set. */
export interface ReportJson extends FigureScope {
  pair: string
  from: string | null
  to: string | null
  /** key → value; "<key>.poverty" → the 其中脱贫人口 sub-count */
  indicators: Record<string, number | null>
  details: Record<string, {
    target: number | null; target_partial: boolean; completion_percent: number | null; poverty?: number
    not_in_scope: boolean; not_in_scope_reason?: NotInScopeReason
  }>
  /** as IndicatorValues.target_missing_years */
  target_missing_years: number[]
}
