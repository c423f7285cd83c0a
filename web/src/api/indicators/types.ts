export interface IndicatorDef {
  key: string
  group: string
  group_label_zh: string
  label_zh: string
  label_en: string
  /** "fen" for money indicators, else the Chinese unit (批, 人次, %…). */
  unit: string
  definition_zh: string
  ledger: string
  has_poverty: boolean
  is_rate: boolean
}

export interface IndicatorValue {
  key: string
  value: number | string | null
  /** the user may not list the figure's ledger (value null): the server did not compute it */
  withheld: boolean
  poverty: number | null
  target: number | null
  completion_percent: number | null
}

export interface IndicatorValues {
  pair: string
  from: string
  to: string
  items: IndicatorValue[]
}

export interface PeriodQuery {
  pair?: string
  from?: string
  to?: string
}
