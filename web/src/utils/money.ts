// Money is integer fen on the wire (the server's *_fen fields). People read it as 万元 or 亿元
// (formatAmount) and type it in the unit the field names, or with a unit of their own ("50万",
// "0.5亿"): parseAmount. Conversions work on the decimal text, never through floating point, so
// 0.29 元 is 29 分.
import { isZh } from '@/i18n'

/** The units an amount may be typed in, as fen per unit and the decimals that stay whole fen. */
const kUnits = {
  yuan: { fen: 100, decimals: 2 },
  wan: { fen: 1_000_000, decimals: 6 },
  yi: { fen: 10_000_000_000, decimals: 10 },
} as const
export type MoneyUnit = keyof typeof kUnits

/** A unit typed after the number: 元, 万 / 万元, 亿 / 亿元. */
const kSuffixes: [RegExp, MoneyUnit][] = [
  [/万元?$/, 'wan'],
  [/亿元?$/, 'yi'],
  [/元$/, 'yuan'],
]

/**
 * Typed money → fen. The number is in `unit` unless the text names its own ("50万", "50万元",
 * "0.5亿", "12元"); separators (1,033.98 / 1，033.98) and a leading minus are accepted.
 * null for empty input; NaN for text that is not an amount, or finer than a fen.
 */
export function parseAmount(input: string | number | null | undefined, unit: MoneyUnit = 'yuan'): number | null {
  if (input === null || input === undefined) return null
  let text = String(input).trim().replace(/[,，\s]/g, '')
  if (text === '') return null
  for (const [suffix, named] of kSuffixes) {
    if (suffix.test(text)) {
      text = text.replace(suffix, '')
      unit = named
      break
    }
  }
  let sign = 1
  if (text.startsWith('-')) {
    sign = -1
    text = text.slice(1)
  }
  const { fen: perUnit, decimals } = kUnits[unit]
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text)
  if (!m || (m[2] ?? '').length > decimals) return NaN
  const fen = Number(m[1]) * perUnit + Number((m[2] ?? '').padEnd(decimals, '0') || '0')
  return Number.isSafeInteger(fen) ? sign * fen : NaN
}

/** Whole fen as plain decimal text in `unit`, without trailing zeros beyond two decimals: for inputs. */
export function fenToUnit(fen: number | string | null | undefined, unit: MoneyUnit): string {
  if (fen === null || fen === undefined || fen === '') return ''
  const n = typeof fen === 'string' ? Number(fen) : fen
  if (!Number.isFinite(n)) return ''
  const { fen: perUnit, decimals } = kUnits[unit]
  const abs = Math.abs(Math.trunc(n))
  const frac = String(abs % perUnit).padStart(decimals, '0').replace(/0+$/, '').padEnd(2, '0')
  const text = `${Math.floor(abs / perUnit)}.${frac}`
  return n < 0 ? `-${text}` : text
}

const kOneYiFen = kUnits.yi.fen

/** Whole fen rounded half away from zero to hundredths of a unit, with thousands separators. */
function hundredths(fen: number, perUnit: number): string {
  const step = perUnit / 100
  const abs = Math.abs(Math.trunc(fen))
  const h = Math.floor(abs / step) + (abs % step >= step / 2 ? 1 : 0)
  const whole = String(Math.floor(h / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const text = `${whole}.${String(h % 100).padStart(2, '0')}`
  return fen < 0 && h > 0 ? `-${text}` : text
}

/** Whole fen as 元 with thousands separators: whole 元 without decimals ("500"), else two ("9,999.99"). */
function yuan(fen: number): string {
  const abs = Math.abs(Math.trunc(fen))
  const cents = abs % 100
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const text = cents === 0 ? whole : `${whole}.${String(cents).padStart(2, '0')}`
  return fen < 0 && abs > 0 ? `-${text}` : text
}

/** The magnitudes an amount is shown in, per language: 元 below the small one's 1.00, the small
 *  one below the large one's 1.00, the large one from there. */
const kShownUnits = {
  zh: { yuan: '元', small: { fen: kUnits.wan.fen, text: '万元' }, large: { fen: kOneYiFen, text: '亿元' } },
  en: { yuan: ' yuan', small: { fen: 100_000_000, text: ' million yuan' }, large: { fen: 100_000_000_000, text: ' billion yuan' } },
} as const

/**
 * The one way the console shows an amount (FormatAmount in src/common/money.h follows the same
 * rule, and both tests pin the same cases). In Chinese: below 1万元 in 元 ("500元", "9,999.99元"),
 * below 1亿元 in 万元 with thousands separators and two decimals ("1.00万元", "1,033.98万元"), from
 * 1亿元 up in 亿元 ("70.00亿元"). In English the same amounts as an English reader counts them:
 * below a million in yuan ("500 yuan", "500,000 yuan"), below a billion in millions ("10.34
 * million yuan"), from there in billions ("7.01 billion yuan"). `zh` defaults to the console's
 * language. "" for no value.
 */
export function formatAmount(fen: number | string | null | undefined, zh = isZh()): string {
  if (fen === null || fen === undefined || fen === '') return ''
  const n = typeof fen === 'string' ? Number(fen) : fen
  if (!Number.isFinite(n)) return ''
  const shown = kShownUnits[zh ? 'zh' : 'en']
  const { small, large } = shown
  // Fen are whole: below the small unit nothing rounds up to it.
  if (Math.abs(n) < small.fen) return `${yuan(n)}${shown.yuan}`
  // 9,999.995万元 rounds up to 1亿元 and is shown as 1.00亿元, not 10,000.00万元.
  if (Math.abs(n) >= large.fen - small.fen / 200) return `${hundredths(n, large.fen)}${large.text}`
  return `${hundredths(n, small.fen)}${small.text}`
}

/**
 * A money field's label for a place that shows its values by formatAmount, which names 万元/亿元
 * itself: the label without the unit the field is typed in ("金额（元）" → "金额", "Amount (yuan)"
 * → "Amount"), so a column does not say 元 above 万元 values.
 */
export function withoutUnit(label: string): string {
  return label.replace(/\s*[（(](元|万元|yuan|10k yuan)[）)]$/, '')
}
