import { describe, expect, it } from 'vitest'
import { issuedOn, issuingSide, pageRule, withIndicatorKeys } from './reportDocument'

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
  it('is issued by the office of the side the account belongs to', () => {
    expect(issuingSide('440111-522727', '522727')).toBe('522727')
    expect(issuingSide('440111-522727', '522727200')).toBe('522727')
    expect(issuingSide('440111-522727', '522700')).toBe('522727')
    expect(issuingSide('440111-522727', '440111')).toBe('440111')
    expect(issuingSide('440111-522727', '440111010')).toBe('440111')
    expect(issuingSide('440111-522727', '')).toBe('440111')
    expect(issuingSide('440111-522727', '522728')).toBe('440111')
    expect(issuingSide('', '522727')).toBe('')
  })
  it('puts an indicator’s key on hover of the cell naming it', () => {
    const html = '<table><tr><td>交流</td><td>党政联席会议</td><td>7次</td></tr></table>'
    const out = withIndicatorKeys(html, [{ key: 'leadership.joint_meetings', label_zh: '党政联席会议' }])
    expect(out).toContain('<td title="leadership.joint_meetings">党政联席会议</td>')
    expect(out).toContain('<td>7次</td>')
  })
})
