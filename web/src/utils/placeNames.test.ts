import { describe, expect, it } from 'vitest'
import { placeNameEn } from './placeNames'

describe('placeNameEn', () => {
  it('names the demo pair\'s places in English', () => {
    expect(placeNameEn('广州市白云区')).toBe('Baiyun District, Guangzhou')
    expect(placeNameEn('黔南州平塘县')).toBe('Pingtang County, Qiannan')
    expect(placeNameEn('卡蒲毛南族乡')).toBe('Kapu Maonan Ethnic Township')
  })
  it('names a pair by its two sides', () => {
    expect(placeNameEn('广州市白云区—黔南州平塘县')).toBe('Baiyun District, Guangzhou – Pingtang County, Qiannan')
  })
  it('keeps a name without an entry as it is, alone or as one side of a pair', () => {
    expect(placeNameEn('荔波县')).toBe('荔波县')
    expect(placeNameEn('广州市白云区—黔南州荔波县')).toBe('Baiyun District, Guangzhou – 黔南州荔波县')
    expect(placeNameEn('440111-522727')).toBe('440111-522727')
  })
})
