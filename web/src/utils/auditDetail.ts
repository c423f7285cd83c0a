// An audit entry's detail as people read it. The server writes details in a few shapes:
// "key=value" tokens (file=a.xlsx rows=3 sheets=结对单位,交流互访 — values quoted by AuditDetailValue,
// src/domain/audit/audit_detail.h, when they hold spaces, commas or '='), a JSON object (lockout,
// unlock, export …), a refused request ("POST /api/v1/… permission"), and a sentence of its own in
// both languages ("由 王* 认领 / claimed by 王*"). Each key/value becomes a labelled phrase
// (audit.detailPart.<key>, or .<key>_<action> where the action words it differently); the phrases
// are joined by " · ": "文件 pair.xlsx · 工作表 结对单位 · 写入 120 行". auditDetail.test.ts checks
// every key the server writes has a phrase in both languages.
import type { LedgerMeta } from '@/api/meta/types'

/** One key and its value(s) as the detail holds them; a bare token (dry_run) has none. */
export interface DetailPart {
  key: string
  values: string[]
  /** a JSON object value (an export's filter) */
  object?: Record<string, unknown>
}

// One value: as is, or in double quotes with '\' escaping the next character.
const kToken = /\s*([a-z][a-z_0-9]*)(?:=((?:"(?:[^"\\]|\\.)*"|[^\s",]+)(?:,(?:"(?:[^"\\]|\\.)*"|[^\s",]+))*))?(?=\s|$)/y
const kValue = /"((?:[^"\\]|\\.)*)"|([^\s",]+)/g
const kRefusal = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+)(?: (\S+))?$/

function unquote(list: string): string[] {
  return [...list.matchAll(kValue)].map((m) => (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]))
}

/** The detail's parts, or null when it is a sentence of its own (shown as it is). */
export function parseAuditDetail(detail: string): DetailPart[] | null {
  const text = detail.trim()
  if (!text) return []
  if (text.startsWith('{')) {
    try {
      const o = JSON.parse(text) as Record<string, unknown>
      return Object.entries(o).map(([key, v]) =>
        v !== null && typeof v === 'object' ? { key, values: [], object: v as Record<string, unknown> } : { key, values: [String(v)] })
    } catch {
      return null
    }
  }
  const refused = kRefusal.exec(text)
  if (refused) {
    const parts: DetailPart[] = [{ key: 'request', values: [`${refused[1]} ${refused[2]}`] }]
    if (refused[3]) parts.push({ key: 'permission', values: [refused[3]] })
    return parts
  }
  const parts: DetailPart[] = []
  kToken.lastIndex = 0
  while (kToken.lastIndex < text.length) {
    const m = kToken.exec(text)
    if (!m) return null
    parts.push({ key: m[1], values: m[2] === undefined ? [] : unquote(m[2]) })
  }
  return parts
}

/** What the phrases need: the translator, the entry's action and ledger, the ledgers' meta. */
export interface DetailContext {
  t: (key: string, named?: Record<string, unknown>) => string
  te: (key: string) => boolean
  zh: boolean
  action: string
  ledger: LedgerMeta | undefined
  ledgerLabel: (name: string) => string
  /** an indicator's name by its key (indicator=, an export's selected_by=indicator=…); undefined: the key */
  indicatorLabel?: (key: string) => string | undefined
}

function fieldLabel(c: DetailContext, key: string): string {
  const f = c.ledger?.fields.find((x) => x.key === key)
  return f ? (c.zh ? f.label_zh : f.label_en) || f.label_zh : key
}

function indicatorText(c: DetailContext, key: string): string {
  return c.indicatorLabel?.(key) ?? key
}

// Values of keys naming fields (field=, by=) by their labels; a parent "ledger:id" by its ledger.
function valueText(c: DetailContext, part: DetailPart): string {
  const join = (xs: string[]) => xs.join(c.zh ? '、' : ', ')
  if (part.object) {
    const entries = Object.entries(part.object)
    if (!entries.length) return c.t('audit.detailNone')
    return entries.map(([k, v]) => {
      const name = c.te(`audit.filterKey.${k}`) ? c.t(`audit.filterKey.${k}`) : fieldLabel(c, k)
      const chosen = k === 'selected_by' ? /^indicator=(.+)$/.exec(String(v)) : null
      return `${name} ${chosen ? indicatorText(c, chosen[1]) : String(v)}`
    }).join(c.zh ? '，' : ', ')
  }
  if (part.key === 'field' || part.key === 'by') return join(part.values.map((v) => fieldLabel(c, v)))
  if (part.key === 'indicator') return join(part.values.map((v) => indicatorText(c, v)))
  if (part.key === 'parent') {
    const [ledger, id] = (part.values[0] ?? '').split(':')
    return `${c.ledgerLabel(ledger)} #${id}`
  }
  if (part.values.length === 1 && (part.values[0] === 'true' || part.values[0] === 'false'))
    return c.t(part.values[0] === 'true' ? 'common.yes' : 'common.no')
  return join(part.values)
}

/** One part as a phrase ("写入 120 行"); a key without a phrase as "key value". */
export function detailPhrase(c: DetailContext, part: DetailPart): string {
  const v = valueText(c, part)
  for (const key of [`audit.detailPart.${part.key}_${c.action}`, `audit.detailPart.${part.key}`])
    if (c.te(key)) return c.t(key, { v })
  return v ? `${part.key} ${v}` : part.key
}

/**
 * The detail as one line of phrases joined by " · "; a sentence of its own in the current
 * language (the side of "中文 / English" that is), else as it is.
 */
export function auditDetailText(c: DetailContext, detail: string): string {
  const parts = parseAuditDetail(detail)
  if (parts) return parts.map((p) => detailPhrase(c, p)).join(' · ')
  const sides = detail.split(' / ')
  if (sides.length === 2 && /\p{Script=Han}/u.test(sides[0])) return c.zh ? sides[0] : sides[1]
  return detail
}
