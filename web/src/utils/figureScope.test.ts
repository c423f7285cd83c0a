import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ScopeNote from '@/components/ScopeNote.vue'
import { i18n, setLocale } from '@/i18n'
import { notInScopeHint, scopeNote } from './figureScope'

const t = i18n.global.t
const town = { scope: '522727200', scope_kind: 'region' as const, scope_name: '黔南州平塘县卡蒲毛南族乡' }
const whole = { scope: null, scope_kind: null, scope_name: null }

describe('figure scope', () => {
  it('says whose records the figures count, and nothing for the whole pair', () => {
    setLocale('zh-CN')
    expect(scopeNote(town, t)).toBe('统计范围：黔南州平塘县卡蒲毛南族乡')
    expect(scopeNote({ scope: 'units:12', scope_kind: 'owner', scope_name: '甲企业' }, t)).toBe('统计范围：仅甲企业的记录')
    expect(scopeNote(whole, t)).toBe('')
    expect(scopeNote(null, t)).toBe('')
    setLocale('en')
    expect(scopeNote(town, t)).toBe('Scope: Kapu Maonan Ethnic Township, Pingtang County, Qiannan')
    // A place without an English name keeps its Chinese one; an organisation is named as it is.
    expect(scopeNote({ ...town, scope: '522727100', scope_name: '黔南州平塘县平舟镇' }, t)).toBe('Scope: 黔南州平塘县平舟镇')
    expect(scopeNote({ scope: 'units:12', scope_kind: 'owner', scope_name: '甲企业' }, t)).toBe('Scope: only the records of 甲企业')
    setLocale('zh-CN')
  })
  it('says why a figure is not counted, and nothing for one that is', () => {
    expect(notInScopeHint({ not_in_scope: true, not_in_scope_reason: 'no_region_field' }, t)).toBe('本范围不统计（台账无所在地）')
    expect(notInScopeHint({ not_in_scope: true, not_in_scope_reason: 'no_owner_field' }, t)).toBe('本范围不统计（台账记录不归属单位）')
    expect(notInScopeHint({ not_in_scope: false }, t)).toBe('')
    expect(notInScopeHint(undefined, t)).toBe('')
  })
  it('shows the note only for part of the pair, with the "—" sentence when figures are not counted', () => {
    const global = { plugins: [i18n] }
    const note = mount(ScopeNote, { props: { scope: town, uncounted: true }, global })
    expect(note.get('[data-test="scope-note"]').text()).toContain('统计范围：黔南州平塘县卡蒲毛南族乡')
    expect(note.text()).toContain('标“—”的指标本范围不统计')
    expect(note.get('[data-test="scope-note"]').attributes('title')).toBe('522727200')
    expect(mount(ScopeNote, { props: { scope: town }, global }).text()).not.toContain('标“—”')
    expect(mount(ScopeNote, { props: { scope: whole, uncounted: true }, global }).find('[data-test="scope-note"]').exists()).toBe(false)
  })
})
