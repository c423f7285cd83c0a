// An audit entry's detail in words: the shapes the server writes, and a phrase in both languages
// for every key it writes. The keys are read from the C++ sources that write details: the
// "key=" literals of src/domain and src/indicators (the ones passing a selection on to a
// sensitive query's detail), the keys of the JSON details (\"key\": in a literal, and the
// {"key", …} / put("key", …) members of the export's detail).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import zh from '@/i18n/zh'
import type { LedgerMeta } from '@/api/meta/types'
import { cppSources as sources, cppSrcDir as srcDir } from './cppSourcesTesting'
import { auditDetailText, parseAuditDetail, type DetailContext } from './auditDetail'

function writtenKeys(): Set<string> {
  const found = new Set<string>(['dry_run', 'request', 'permission'])  // a bare token; a refusal's parts
  for (const path of [...sources(join(srcDir, 'domain')), ...sources(join(srcDir, 'indicators'))]) {
    const text = readFileSync(path, 'utf8')
    for (const m of text.matchAll(/"\s?([a-z][a-z_0-9]*)=/g)) found.add(m[1])
    for (const m of text.matchAll(/\\"([a-z_]+)\\":/g)) found.add(m[1])
  }
  const exports = ['ledger/ledger_export.cc', 'audit/audit_export.cc'].map((p) => readFileSync(join(srcDir, 'domain', p), 'utf8'))
  for (const text of exports)
    for (const m of text.matchAll(/(?:\{"([a-z_]+)", |boost::json::object detail\{\{"([a-z_]+)")/g)) found.add(m[1] ?? m[2])
  return found
}

// A translator over one language's messages, as vue-i18n's t/te read them.
function context(lang: typeof zh, action: string, ledger?: LedgerMeta): DetailContext {
  const at = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], lang)
  return {
    t: (key, named) => String(at(key)).replace(/\{(\w+)\}/g, (_, n: string) => String(named?.[n] ?? '')),
    te: (key) => typeof at(key) === 'string',
    zh: lang === zh,
    action,
    ledger,
    ledgerLabel: (name) => name,
  }
}

describe('audit details', () => {
  it('has a phrase in both languages for every key the server writes', () => {
    const keys = writtenKeys()
    for (const known of ['file', 'sheets', 'empty_sheets', 'evidence', 'sha256', 'failures', 'was_locked', 'format', 'filter'])
      expect(keys).toContain(known)
    const zhParts = zh.audit.detailPart as Record<string, string>
    const enParts = en.audit.detailPart as Record<string, string>
    for (const key of keys) {
      if (key === 'id' || key === 'pair') continue  // a record's JSON (record_json.cc, import_prepare.cc), not a detail
      expect(zhParts[key], `zh phrase of ${key}`).toMatch(/\p{Script=Han}|SHA/u)
      expect(enParts[key], `en phrase of ${key}`).toMatch(/[A-Za-z]/)
    }
  })

  it('reads an import entry as phrases, the quoted values unquoted', () => {
    const detail = 'file="pair 2021.xlsx" rows=120 invalid=2 sheets=结对单位,"交流,互访" empty_sheets=帮扶资金'
    expect(parseAuditDetail(detail)).toEqual([
      { key: 'file', values: ['pair 2021.xlsx'] }, { key: 'rows', values: ['120'] }, { key: 'invalid', values: ['2'] },
      { key: 'sheets', values: ['结对单位', '交流,互访'] }, { key: 'empty_sheets', values: ['帮扶资金'] },
    ])
    expect(auditDetailText(context(zh, 'import'), detail))
      .toBe('文件 pair 2021.xlsx · 写入 120 行 · 有问题 2 行 · 工作表 结对单位、交流,互访 · 空工作表 帮扶资金')
    expect(auditDetailText(context(en, 'import_dry_run'), 'file=a.csv rows=3 dry_run'))
      .toBe('file a.csv · 3 rows to store · check only (nothing stored)')
  })

  it('names fields by their labels, JSON details and refusals by their parts, a sentence in its language', () => {
    const people = { name: 'people', fields: [{ key: 'id_number', label_zh: '身份证号', label_en: 'ID number' }] } as unknown as LedgerMeta
    expect(auditDetailText(context(zh, 'reveal', people), 'field=id_number purpose=export')).toBe('字段 身份证号 · 用途 export')
    expect(auditDetailText(context(zh, 'lockout'), '{"failures":5,"minutes":15}')).toBe('连续失败 5 次 · 锁定 15 分钟')
    expect(auditDetailText(context(zh, 'export'), '{"rows":3,"format":"csv","reveal":false,"filter":{"pair":"440111-522727"}}'))
      .toBe('导出 3 行 · 格式 csv · 含敏感信息原文：否 · 筛选条件：帮扶关系 440111-522727')
    expect(auditDetailText(context(en, 'permission_denied'), 'DELETE /api/v1/admin/users/{id} admin:users:admin'))
      .toBe('request DELETE /api/v1/admin/users/{id} · permission needed admin:users:admin')
    expect(auditDetailText(context(zh, 'claim'), '由 王* 认领 / claimed by 王*')).toBe('由 王* 认领')
    expect(auditDetailText(context(en, 'claim'), '由 王* 认领 / claimed by 王*')).toBe('claimed by 王*')
    // A drill-down's figure by its name, in the export's filter and in a sensitive selection's tokens.
    const named = { ...context(zh, 'export'), indicatorLabel: (k: string) => (k === 'talent.training.person_times.poverty' ? '各类培训人次·其中脱贫人口' : undefined) }
    expect(auditDetailText(named, '{"rows":7,"filter":{"selected_by":"indicator=talent.training.person_times.poverty"}}'))
      .toBe('导出 7 行 · 筛选条件：选取依据 各类培训人次·其中脱贫人口')
    expect(auditDetailText(named, 'indicator=people.registered.poverty ids=3')).toContain('people.registered.poverty')
    expect(auditDetailText({ ...named, action: 'sensitive_query' }, 'indicator=talent.training.person_times.poverty ids=3'))
      .toContain('各类培训人次·其中脱贫人口')
    // Text that is no token list is shown as it is.
    expect(auditDetailText(context(zh, 'create'), 'by=name purpose=为 核对')).toBe('by=name purpose=为 核对')
  })
})
