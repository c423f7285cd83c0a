import { describe, expect, it } from 'vitest'
import type { LedgerRecord } from '@/api/ledger/types'
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { tableColumns, textWidth } from './columns'

const f = (key: string, label: string, type: FieldMeta['type'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  key, label_zh: label, label_en: key, type, required: false, computed: false, sensitive: false, searchable: false,
  ref_ledger: '', hint_zh: '', options: [], ...extra,
})
// The visits ledger as its meta declares it.
const visits: LedgerMeta = {
  name: 'visits', module: 'exchange', label_zh: '交流互访', label_en: 'Visits', path: '/api/v1/exchange/visits',
  date_field: 'start_date', natural_key: '', pair_scoped: true,
  fields: [
    f('title', '互访事由', 'text', { required: true, searchable: true, max_chars: 100 }),
    f('direction', '方向', 'enum', { required: true }),
    f('leader_name', '带队领导', 'text', { searchable: true }),
    f('leader_title', '领导职务', 'text'),
    f('person_times', '人次', 'integer', { required: true }),
    f('start_date', '开始日期', 'date', { required: true }),
    f('end_date', '结束日期', 'date'),
    f('note', '备注', 'text', { max_chars: 2000 }),
  ],
}
const row = (values: Record<string, string>): LedgerRecord => ({ id: 1, version: 1, ...values }) as unknown as LedgerRecord
const rows = [
  row({ title: '白云区教育局赴平塘县考察职业教育合作', direction: '东部→西部（派往受帮扶方）', start_date: '2020-05-01',
    person_times: '6', pair: '广州市白云区—黔南州平塘县' }),
  row({ title: '对接', direction: '西部→东部（派往帮扶方）', start_date: '2020-06-01', person_times: '12', pair: '广州市白云区—黔南州平塘县' }),
]
const text = (f: FieldMeta | undefined, r: LedgerRecord) => String((r as unknown as Record<string, string>)[f?.key ?? 'pair'] ?? '')
const label = (f: FieldMeta | undefined) => f?.label_zh ?? '帮扶关系'

describe('a ledger table’s columns', () => {
  const cols = tableColumns(visits, rows, label, text, () => true)
  const width = (key: string) => cols.find((c) => c.key === key)!.minWidth

  it('puts the title, the date and the key fields first, then the pair, then the rest', () => {
    expect(cols.map((c) => c.key)).toEqual(
      ['title', 'start_date', 'direction', 'person_times', 'leader_name', 'pair', 'leader_title', 'end_date', 'note'])
  })

  it('gives each header its whole text and its sort caret', () => {
    for (const c of cols) expect(c.minWidth).toBeGreaterThanOrEqual(textWidth(label(c.field)) + 24 + 24)
  })

  it('widens a column to its values within its kind’s bound, an empty one to its header only', () => {
    expect(width('direction')).toBe(textWidth('东部→西部（派往受帮扶方）') + 24)
    expect(width('title')).toBeLessThanOrEqual(300) // longer titles are cut, shown whole on hover
    expect(width('title')).toBeGreaterThan(width('leader_title'))
    expect(width('note')).toBe(Math.max(70, textWidth('备注') + 24 + 24))
    expect(width('start_date')).toBeLessThanOrEqual(110)
  })

  it('leaves the key columns of the visits within a 1366 px laptop’s table (1366 − menu 210 − margins)', () => {
    const lead = ['title', 'start_date', 'direction'].reduce((n, k) => n + width(k), 0)
    expect(40 + lead).toBeLessThan(1366 - 210 - 64)
  })

  it('measures Chinese characters wider than digits', () => {
    expect(textWidth('开始日期')).toBe(48)
    expect(textWidth('2020-05-01')).toBe(70)
  })
})
