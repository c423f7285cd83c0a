import { describe, expect, it } from 'vitest'
import { issuedOn, pageRule } from './reportDocument'

describe('printed report', () => {
  it('dates the report as an official document does', () => {
    const day = new Date(2026, 11, 1)
    expect(issuedOn(day, true)).toBe('2026年12月1日')
    expect(issuedOn(day, false)).toBe('1 December 2026')
  })
  it('numbers the pages in the footer of every A4 page, in the page language', () => {
    expect(pageRule(true, 'serif')).toMatch(/@page \{ size: A4;[\s\S]*@bottom-center \{ content: "第 " counter\(page\) " 页  共 " counter\(pages\) " 页"/)
    expect(pageRule(false, 'serif')).toContain('"Page " counter(page) " of " counter(pages)')
  })
})
