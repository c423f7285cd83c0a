import { describe, expect, it } from 'vitest'
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { cardLayout } from './cards'

const f = (key: string, type: FieldMeta['type'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  key, label_zh: key, label_en: key, type, required: false, computed: false, sensitive: false, searchable: false,
  ref_ledger: '', hint_zh: '', options: [], ...extra,
})
const meta = (fields: FieldMeta[], extra: Partial<LedgerMeta> = {}): LedgerMeta => ({
  name: 'x', module: 'm', label_zh: 'x', label_en: 'x', path: '/x', date_field: 'start_date', natural_key: '',
  pair_scoped: true, fields, ...extra,
})

describe('record cards at phone width', () => {
  it('shows the title, the date and the required fields first, never long text or sensitive ones', () => {
    const m = meta([
      f('leader_name', 'text', { searchable: true }),
      f('title', 'text', { searchable: true, required: true }),
      f('note', 'text', { max_chars: 2000 }),
      f('id_number', 'id_number', { sensitive: true, required: true }),
      f('leader_title', 'text'),
      f('direction', 'enum', { required: true }),
      f('person_times', 'integer', { required: true }),
      f('start_date', 'date', { required: true }),
      f('end_date', 'date'),
    ])
    const c = cardLayout(m)
    expect(c.title?.key).toBe('leader_name')
    expect(c.date?.key).toBe('start_date')
    expect(c.keys.map((k) => k.key)).toEqual(['title', 'direction', 'person_times'])
  })
  it('takes the natural key as the title', () => {
    const c = cardLayout(meta([f('kind', 'enum'), f('name', 'text')], { natural_key: 'name', date_field: '' }))
    expect(c.title?.key).toBe('name')
    expect(c.date).toBeNull()
    expect(c.keys.map((k) => k.key)).toEqual(['kind'])
  })
})
