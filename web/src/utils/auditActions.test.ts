// Every audit action the server writes has a label in both languages. The actions are read
// from the C++ sources: the action argument of each audit Write (string literals, both sides
// of a ?:; the actor before it may be a braced Actor{…}), the refusals' AuditedRefusal(…, "action"), and entries built as `e.action = "…"`.
// Transition actions (passed on as variables) are labelled from the ledgers' meta instead.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import zh from '@/i18n/zh'
import type { LedgerMeta } from '@/api/meta/types'
import { cppSources as sources, cppSrcDir as srcDir } from './cppSourcesTesting'
import { auditActionChoices, auditActionLabel, kAuditActions } from './auditActions'

function writtenActions(): Set<string> {
  const found = new Set<string>()
  const literal = /"([a-z_]+)"/g
  for (const path of sources(srcDir)) {
    const text = readFileSync(path, 'utf8')
    for (const m of text.matchAll(/(?:audit_|audit|audit\(\))\.Write\(\s*(?:[^,{}]|\{(?:[^{}]|\{[^{}]*\})*\})+,\s*([^,]+),/g))
      for (const l of m[1].matchAll(literal)) found.add(l[1])
    for (const m of text.matchAll(/AuditedRefusal\(ctx, route, "([a-z_]+)"/g)) found.add(m[1])
    for (const m of text.matchAll(/\be\.action = "([a-z_]+)"/g)) found.add(m[1])
  }
  return found
}

describe('audit actions', () => {
  it('labels every action the server writes, in Chinese and English', () => {
    const written = writtenActions()
    // The reading finds what is known to be written, so an empty scan cannot pass.
    for (const known of ['create', 'dictionary_update', 'import_dry_run', 'permission_denied', 'logout']) expect(written).toContain(known)
    const zhLabels = zh.history.action as Record<string, string>
    const enLabels = en.history.action as Record<string, string>
    for (const action of written) {
      expect(kAuditActions, action).toContain(action)
      expect(zhLabels[action], `zh label of ${action}`).toMatch(/\p{Script=Han}/u)
      expect(enLabels[action], `en label of ${action}`).toMatch(/[A-Za-z]/)
    }
  })

  it('labels a transition by its ledger and offers it in the filter once', () => {
    const needs = { name: 'needs', workflow: { transitions: [{ name: 'claim', label_zh: '认领', label_en: 'Claim' }] } }
    const ledgers = [needs, needs] as unknown as LedgerMeta[]
    const t = (k: string) => (zh.history.action as Record<string, string>)[k.split('.').pop()!]
    const te = (k: string) => k.split('.').pop()! in zh.history.action
    expect(auditActionLabel('claim', t, te, ledgers)).toBe('认领')
    expect(auditActionLabel('dictionary_update', t, te, ledgers)).toBe(zh.history.action.dictionary_update)
    expect(auditActionLabel('unheard_of', t, te, ledgers)).toBe('unheard_of')
    expect(auditActionChoices(ledgers).filter((a) => a === 'claim')).toHaveLength(1)
  })
})
