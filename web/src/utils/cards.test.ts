import { describe, expect, it } from 'vitest'
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { cardLayout, cardSorts, kEnteredFirst } from './cards'

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
    // the required text names every record; an optional one may be empty
    expect(c.title.map((k) => k.key)).toEqual(['title'])
    expect(c.date?.key).toBe('start_date')
    expect(c.keys.map((k) => k.key)).toEqual(['direction', 'person_times', 'leader_name'])
  })
  it('takes the natural key as the title', () => {
    const c = cardLayout(meta([f('kind', 'enum'), f('name', 'text')], { natural_key: 'name', date_field: '' }))
    expect(c.title.map((k) => k.key)).toEqual(['name'])
    expect(c.date).toBeNull()
    expect(c.keys.map((k) => k.key)).toEqual(['kind'])
  })
  it('names a record by names, never by a code or a masked number', () => {
    // a pair: its code is derived from its two sides, which it shows by their names
    const pairs = cardLayout(meta([
      f('helper_region', 'region', { required: true }), f('helped_region', 'region', { required: true }),
      f('name', 'text', { searchable: true }), f('established_date', 'date'), f('code', 'text', { computed: true }),
    ], { natural_key: 'code', date_field: 'established_date', pair_scoped: false }))
    expect(pairs.title.map((k) => k.key)).toEqual(['helper_region', 'helped_region'])
    // a person: the ID number is the natural key, masked; the name is what a clerk reads
    const people = cardLayout(meta([
      f('id_number', 'id_number', { sensitive: true, required: true }), f('name', 'text', { required: true, searchable: true }),
    ], { natural_key: 'id_number', date_field: '' }))
    expect(people.title.map((k) => k.key)).toEqual(['name'])
    // a pairing: no text but a note, named by its two units; a tranche by the fund it belongs to
    const pairings = cardLayout(meta([
      f('helper_unit_id', 'ref', { required: true, ref_ledger: 'units' }), f('helped_unit_id', 'ref', { required: true, ref_ledger: 'units' }),
      f('level', 'enum', { required: true }), f('note', 'text', { max_chars: 2000 }),
    ], { date_field: '' }))
    expect(pairings.title.map((k) => k.key)).toEqual(['helper_unit_id', 'helped_unit_id'])
    expect(pairings.keys.map((k) => k.key)).toEqual(['level'])
    const tranches = cardLayout(meta([
      f('fund_id', 'ref', { computed: true, ref_ledger: 'funds' }), f('paid_date', 'date', { required: true }),
      f('payee', 'text', { searchable: true }),
    ], { date_field: 'paid_date' }))
    expect(tranches.title.map((k) => k.key)).toEqual(['fund_id'])
  })
})

describe('the orders of the cards', () => {
  it('offers the ledger’s date newest first (the default), oldest first, then as entered', () => {
    const sorts = cardSorts(meta([f('title', 'text'), f('start_date', 'date'), f('end_date', 'date')]))
    expect(sorts.map((s) => [s.value, s.kind, s.date?.key ?? null])).toEqual([
      ['-start_date', 'newest', 'start_date'], ['start_date', 'oldest', 'start_date'], [kEnteredFirst, 'entered', null]])
  })
  it('offers only the order of entry to a ledger without a date', () => {
    expect(cardSorts(meta([f('name', 'text')], { date_field: '' })).map((s) => s.value)).toEqual(['-id'])
  })
})
