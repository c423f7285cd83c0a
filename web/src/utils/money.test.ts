import { describe, expect, it } from 'vitest'
import { setLocale } from '@/i18n'
import { fenToUnit, formatAmount, parseAmount, withoutUnit } from './money'

describe('parseAmount in 元', () => {
  it('converts without floating-point error', () => {
    expect(parseAmount('0.29', 'yuan')).toBe(29)
    expect(parseAmount('1.1', 'yuan')).toBe(110)
    expect(parseAmount('19.99', 'yuan')).toBe(1999)
    expect(parseAmount(1234.5, 'yuan')).toBe(123450)
    expect(parseAmount('350000', 'yuan')).toBe(35000000)
  })
  it('accepts separators and a sign', () => {
    expect(parseAmount('1,234.56', 'yuan')).toBe(123456)
    expect(parseAmount('1，033.98', 'yuan')).toBe(103398)
    expect(parseAmount(' 12 ', 'yuan')).toBe(1200)
    expect(parseAmount('-3.5', 'yuan')).toBe(-350)
  })
  it('rejects what is not an amount with at most two decimals', () => {
    expect(parseAmount('1.234', 'yuan')).toBeNaN()
    expect(parseAmount('abc', 'yuan')).toBeNaN()
    expect(parseAmount('1e5', 'yuan')).toBeNaN()
    expect(parseAmount('万', 'yuan')).toBeNaN()
  })
  it('gives null for empty input', () => {
    expect(parseAmount('', 'yuan')).toBeNull()
    expect(parseAmount(null, 'yuan')).toBeNull()
  })
})

describe('parseAmount', () => {
  it('takes the unit the text names', () => {
    expect(parseAmount('50万')).toBe(50_000_000)
    expect(parseAmount('50万元')).toBe(50_000_000)
    expect(parseAmount('0.5亿')).toBe(5_000_000_000)
    expect(parseAmount('0.5亿元', 'wan')).toBe(5_000_000_000)
    expect(parseAmount('12元', 'wan')).toBe(1200)
    expect(parseAmount('1,033.98万')).toBe(1_033_980_000)
  })
  it('reads a bare number in the field unit', () => {
    expect(parseAmount('1,033.98', 'wan')).toBe(1_033_980_000)
    expect(parseAmount('50', 'wan')).toBe(50_000_000)
    expect(parseAmount('1,033.98', 'yuan')).toBe(103398)
  })
  it('refuses what is finer than a fen', () => {
    expect(parseAmount('0.0000001万')).toBeNaN()
    expect(parseAmount('0.000001万')).toBe(1)
    expect(parseAmount('50万万')).toBeNaN()
  })
})

describe('formatAmount', () => {
  // The same cases as FormatAmount's in src/common/money_test.cc: one rule on both sides.
  it('shows 元 below 1万元: whole 元 without decimals, else two', () => {
    expect(formatAmount(500_00)).toBe('500元')
    expect(formatAmount(9_999_99)).toBe('9,999.99元')
    expect(formatAmount(500_50)).toBe('500.50元')
    expect(formatAmount(0)).toBe('0元')
    expect(formatAmount(-49_99)).toBe('-49.99元')
  })
  it('shows 万元 from 1万元 below 1亿元, with separators and two decimals', () => {
    expect(formatAmount(1_000_000)).toBe('1.00万元')
    expect(formatAmount(5_000_000)).toBe('5.00万元')
    expect(formatAmount(10_339_800_00)).toBe('1,033.98万元')
    expect(formatAmount(-10_339_800_00)).toBe('-1,033.98万元')
    expect(formatAmount(50_000_000)).toBe('50.00万元')
    expect(formatAmount(-123_456_789)).toBe('-123.46万元')
  })
  it('shows 亿元 from 1亿元 up', () => {
    expect(formatAmount(700_000_000_000)).toBe('70.00亿元')
    expect(formatAmount(701_200_000_000)).toBe('70.12亿元')
    expect(formatAmount(10_000_000_000)).toBe('1.00亿元')
    expect(formatAmount(9_999_999_999)).toBe('1.00亿元')
    expect(formatAmount(9_999_995_000)).toBe('1.00亿元')
    expect(formatAmount(9_999_994_999)).toBe('9,999.99万元')
    expect(formatAmount(123_456_000_000_000)).toBe('12,345.60亿元')
  })
  it('speaks English in English: yuan below a million, millions below a billion yuan, billions from there', () => {
    expect(formatAmount(500_00, false)).toBe('500 yuan')
    expect(formatAmount(9_999_99, false)).toBe('9,999.99 yuan')
    expect(formatAmount(50_000_000, false)).toBe('500,000 yuan')
    expect(formatAmount(10_339_800_00, false)).toBe('10.34 million yuan')
    expect(formatAmount(-123_456_789, false)).toBe('-1.23 million yuan')
    expect(formatAmount(10_000_000_000, false)).toBe('100.00 million yuan')
    expect(formatAmount(701_200_000_000, false)).toBe('7.01 billion yuan')
    expect(formatAmount(99_999_500_000, false)).toBe('1.00 billion yuan')
    expect(formatAmount(99_999_499_999, false)).toBe('999.99 million yuan')
    for (const fen of [5, 10_339_800_00, 701_200_000_000]) expect(formatAmount(fen, false)).not.toMatch(/[万亿元]/)
  })
  it('follows the console\'s language unless told', () => {
    setLocale('en')
    try {
      expect(formatAmount(10_339_800_00)).toBe('10.34 million yuan')
      expect(formatAmount(10_339_800_00, true)).toBe('1,033.98万元')
    } finally {
      setLocale('zh-CN')
    }
    expect(formatAmount(10_339_800_00)).toBe('1,033.98万元')
  })
  it('gives "" for no value', () => {
    expect(formatAmount(null)).toBe('')
    expect(formatAmount('')).toBe('')
  })
})

describe('fenToUnit for inputs', () => {
  it('round-trips every cent value in a range', () => {
    for (let fen = -250; fen <= 250; fen++) expect(parseAmount(fenToUnit(fen, 'yuan'), 'yuan')).toBe(fen)
  })
  it('writes plain text in the unit', () => {
    expect(fenToUnit(35000000, 'yuan')).toBe('350000.00')
    expect(fenToUnit(5, 'yuan')).toBe('0.05')
    expect(fenToUnit(null, 'yuan')).toBe('')
    expect(fenToUnit(50_000_000, 'wan')).toBe('50.00')
    expect(fenToUnit(1_033_980_000, 'wan')).toBe('1033.98')
    expect(fenToUnit(1, 'wan')).toBe('0.000001')
    expect(parseAmount(fenToUnit(123_456_789, 'wan'), 'wan')).toBe(123_456_789)
  })
})

describe('withoutUnit', () => {
  it('drops the unit a money label is typed in, for columns of 万元/亿元 values', () => {
    expect(withoutUnit('金额（元）')).toBe('金额')
    expect(withoutUnit('估算投入帮扶资金(元)')).toBe('估算投入帮扶资金')
    expect(withoutUnit('Amount (yuan)')).toBe('Amount')
    expect(withoutUnit('金额')).toBe('金额')
    expect(withoutUnit('元宝（个）')).toBe('元宝（个）')
  })
})
