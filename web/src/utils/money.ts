// Money is integer fen on the wire (the server's *_fen fields); people type and read 元.
// Conversions work on the decimal text, never through floating point, so 0.29 元 is 29 分.

/** "1234.5" | 1234.5 → 123450; null for empty input; NaN for text that is not an amount with ≤ 2 decimals. */
export function yuanToFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null
  let text = String(input).trim().replace(/[,，\s]/g, '')
  if (text === '') return null
  let sign = 1
  if (text.startsWith('-')) {
    sign = -1
    text = text.slice(1)
  }
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text)
  if (!m) return NaN
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(fen) ? sign * fen : NaN
}

/** 123450 → "1234.50" (plain, for inputs); "" for null. */
export function fenToYuan(fen: number | string | null | undefined): string {
  if (fen === null || fen === undefined || fen === '') return ''
  const n = typeof fen === 'string' ? Number(fen) : fen
  if (!Number.isFinite(n)) return ''
  const abs = Math.abs(Math.trunc(n))
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  return n < 0 ? `-${text}` : text
}

/** 123456789 → "1,234,567.89" for tables. */
export function formatYuan(fen: number | string | null | undefined): string {
  const plain = fenToYuan(fen)
  if (plain === '') return ''
  const [whole, frac] = plain.split('.')
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`
}

/** 123456789 fen → "123.46" 万元 (the unit reports use). */
export function formatWanYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2, minimumFractionDigits: 2 })
}
