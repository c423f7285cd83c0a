import { describe, expect, it } from 'vitest'
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { columnLabel, displayValue, editableFields, emptyModel, fieldMessages, maxCharsRule, datesOutOfOrder, rulesFor, toFormModel, toPayload } from './form'

function field(key: string, type: FieldMeta['type'], extra: Partial<FieldMeta> = {}): FieldMeta {
  return {
    key, label_zh: key, label_en: key, type, required: false, computed: false, sensitive: false,
    searchable: false, ref_ledger: '', hint_zh: '', options: [], ...extra,
  }
}

const funds: LedgerMeta = {
  name: 'funds', module: 'funds', label_zh: '帮扶资金', label_en: 'Funds', path: '/api/v1/funds/funds',
  date_field: 'fund_date', natural_key: '', pair_scoped: true,
  fields: [
    field('title', 'text', { required: true }),
    field('kind', 'enum', { options: [{ code: 'fiscal', label_zh: '财政援助', label_en: 'Fiscal' }] }),
    field('amount_fen', 'money_fen', { required: true }),
    field('fund_date', 'date'),
    field('helper_unit_id', 'ref', { ref_ledger: 'units' }),
    field('count', 'integer'),
    field('code', 'text', { computed: true }),
    field('mobile', 'mobile', { sensitive: true }),
  ],
}

describe('forms generated from meta', () => {
  it('leaves computed fields out of the form', () => {
    expect(editableFields(funds).map((f) => f.key)).not.toContain('code')
    expect(Object.keys(emptyModel(funds, '440111-522727'))).toEqual(
      ['pair', 'title', 'kind', 'amount_fen', 'fund_date', 'helper_unit_id', 'count', 'mobile'])
  })

  it('shows money in 万元 and sends it in fen', () => {
    const record = { id: 7, pair: '440111-522727', title: 'x', amount_fen: 35000000, helper_unit_id: 25,
      helper_unit_id_label: '三元里街道', mobile: '138****0000', version: 3 }
    const model = toFormModel(funds, record)
    expect(model.amount_fen).toBe('35.00') // 350,000 元
    expect(model.helper_unit_id).toBe(25)
    model.amount_fen = '12.5'
    model.count = '4'
    const body = toPayload(funds, model, record)
    expect(body.amount_fen).toBe(12_500_000) // 12.5万元
    expect(body.count).toBe(4)
    expect(body.version).toBe(3)
    expect(body.pair).toBe('440111-522727')
    // the masked value was not retyped: it must not overwrite the stored one
    expect(body).not.toHaveProperty('mobile')
    // cleared fields are sent empty on update
    expect(body.fund_date).toBe('')
  })

  it('shows and takes a monthly wage in 元, the field\'s own unit', () => {
    const seekers: LedgerMeta = { ...funds, name: 'seekers', fields: [field('expected_wage_fen', 'money_fen', { money_unit: 'yuan' })] }
    const model = toFormModel(seekers, { id: 1, pair: '440111-522727', expected_wage_fen: 510000, version: 1 })
    expect(model.expected_wage_fen).toBe('5100.00')
    expect(toPayload(seekers, { ...model, expected_wage_fen: '4000' }).expected_wage_fen).toBe(400_000)
    expect(toPayload(seekers, { ...model, expected_wage_fen: '0.5万' }).expected_wage_fen).toBe(500_000)
  })

  it('takes money typed with a unit of its own or separators', () => {
    const model = emptyModel(funds, '440111-522727')
    const sent = (typed: string) => toPayload(funds, { ...model, amount_fen: typed }).amount_fen
    expect(sent('50万')).toBe(50_000_000)
    expect(sent('50万元')).toBe(50_000_000)
    expect(sent('0.5亿')).toBe(5_000_000_000)
    expect(sent('1,033.98')).toBe(1_033_980_000) // 万元, the form's unit
    expect(sent('500元')).toBe(50_000)
  })

  it('names a money column without the 元 its values do not use', () => {
    expect(columnLabel(field('amount_fen', 'money_fen', { label_zh: '金额（元）' }))).toBe('金额')
    expect(columnLabel(field('title', 'text', { label_zh: '名称（元）' }))).toBe('名称（元）')
  })

  it('omits empty fields on create and sends a retyped sensitive value', () => {
    const model = emptyModel(funds, '440111-522727')
    model.title = ' 资金 '
    model.amount_fen = '1'
    model.mobile = '13800000000'
    const body = toPayload(funds, model)
    expect(body).toEqual({ pair: '440111-522727', title: '资金', amount_fen: 1_000_000, mobile: '13800000000' })
  })

  it('derives rules from the field types', async () => {
    const t = (k: string, named?: Record<string, unknown>) => `${k}${named ? JSON.stringify(named) : ''}`
    const rules = rulesFor(funds, t, (f) => f.label_zh)
    expect(rules.title[0].required).toBe(true)
    expect(rules.pair[0].required).toBe(true)
    const money = rules.amount_fen.find((r) => r.validator)!
    const run = (v: unknown) => new Promise<Error | undefined>((resolve) => money.validator!({}, v, resolve))
    expect(await run('12.34')).toBeUndefined()
    for (const typed of ['50万', '50万元', '0.5亿', '1,033.98']) expect(await run(typed)).toBeUndefined()
    expect(await run('12.3456789')).toBeInstanceOf(Error) // finer than a fen in 万元
    expect(await run('12.345元')).toBeInstanceOf(Error)
    expect(await run('')).toBeUndefined()
  })

  it('maps server details to fields and displays values', () => {
    const msgs = fieldMessages([
      { field: 'end_date', message_zh: '结束日期早于开始日期', message_en: 'the end date is before the start date' },
      { field: 'end_date', message_zh: '另一个问题', message_en: 'another' },
    ], true)
    expect(msgs.end_date).toBe('结束日期早于开始日期；另一个问题')
    const rec = { id: 1, kind: 'fiscal', amount_fen: 123456, helper_unit_id: 25, helper_unit_id_label: '三元里街道' }
    const f = (k: string) => funds.fields.find((x) => x.key === k)
    expect(displayValue(f('kind'), rec, 'kind', true)).toBe('财政援助')
    expect(displayValue(f('kind'), rec, 'kind', false)).toBe('Fiscal')
    expect(displayValue(f('amount_fen'), rec, 'amount_fen', true)).toBe('1,234.56元')
    expect(displayValue(f('helper_unit_id'), rec, 'helper_unit_id', true)).toBe('三元里街道')
  })
})

describe('maxCharsRule', () => {
  // The error the rule's validator reports for value, or undefined when it passes.
  function refusal(max: number, value: string): string | undefined {
    let error: Error | undefined
    maxCharsRule(max, () => 'too long').validator!({}, value, (e) => { error = e })
    return error?.message
  }

  it('counts characters as the server does, not UTF-16 units', () => {
    const ji32 = '𠮷'.repeat(32)  // 64 UTF-16 units
    expect(ji32.length).toBe(64)
    expect(refusal(32, ji32)).toBeUndefined()
    expect(refusal(32, ji32 + '芳')).toBe('too long')
    expect(refusal(2, ' 王芳 ')).toBeUndefined()  // trimmed first, as the server trims
    expect(refusal(2, '')).toBeUndefined()
  })
})

describe('datesOutOfOrder', () => {
  const start = field('start_date', 'date', { label_zh: '开工日期' })
  const end = field('end_date', 'date', { label_zh: '完工/投用日期' })
  const t = (key: string, named?: Record<string, unknown>) => `${key} ${JSON.stringify(named)}`
  const refusals = (from: string, to: string) =>
    datesOutOfOrder([{ later: end, earlier: start }], { start_date: from, end_date: to }, t, (f) => f.label_zh)

  it('refuses an end before its start, naming both fields and the start day', () => {
    expect(refusals('2020-05-01', '2020-04-30')).toEqual({
      end_date: 'list.dateBeforeDate {"later":"完工/投用日期","earlier":"开工日期","start":"2020-05-01"}' })
  })
  it('takes the start day itself, a later one, and either end left open', () => {
    expect(refusals('2020-05-01', '2020-05-01')).toEqual({})
    expect(refusals('2020-05-01', '2020-06-01')).toEqual({})
    expect(refusals('', '2020-04-30')).toEqual({})
    expect(refusals('2020-05-01', '')).toEqual({})
  })
})
