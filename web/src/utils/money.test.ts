import { describe, expect, it } from 'vitest'
import { fenToYuan, formatWanYuan, formatYuan, yuanToFen } from './money'

describe('yuanToFen', () => {
  it('converts without floating-point error', () => {
    expect(yuanToFen('0.29')).toBe(29)
    expect(yuanToFen('1.1')).toBe(110)
    expect(yuanToFen('19.99')).toBe(1999)
    expect(yuanToFen(1234.5)).toBe(123450)
    expect(yuanToFen('350000')).toBe(35000000)
  })
  it('accepts separators and a sign', () => {
    expect(yuanToFen('1,234.56')).toBe(123456)
    expect(yuanToFen(' 12 ')).toBe(1200)
    expect(yuanToFen('-3.5')).toBe(-350)
  })
  it('rejects what is not an amount with at most two decimals', () => {
    expect(yuanToFen('1.234')).toBeNaN()
    expect(yuanToFen('abc')).toBeNaN()
    expect(yuanToFen('1e5')).toBeNaN()
  })
  it('gives null for empty input', () => {
    expect(yuanToFen('')).toBeNull()
    expect(yuanToFen(null)).toBeNull()
  })
})

describe('fenToYuan and formatting', () => {
  it('round-trips every cent value in a range', () => {
    for (let fen = -250; fen <= 250; fen++) expect(yuanToFen(fenToYuan(fen))).toBe(fen)
  })
  it('formats', () => {
    expect(fenToYuan(35000000)).toBe('350000.00')
    expect(fenToYuan(5)).toBe('0.05')
    expect(fenToYuan(null)).toBe('')
    expect(formatYuan(123456789)).toBe('1,234,567.89')
    expect(formatWanYuan(222550000)).toBe('222.55')
  })
})
