import { describe, expect, it } from 'vitest'
import { barValue, categoriesWithBars } from './charts'

describe('dashboard charts', () => {
  it('draws no bar for a zero or missing figure', () => {
    expect([0, 3, null, undefined, '12.5'].map(barValue)).toEqual([null, 3, null, null, null])
  })
  it('leaves off the categories without any bar', () => {
    const figures: Record<string, number[]> = { cadre: [3, 4], doctor: [0, 0], teacher: [0, 43] }
    expect(categoriesWithBars(Object.keys(figures), (c, s) => barValue(figures[c][s]), 2)).toEqual(['cadre', 'teacher'])
  })
})
