// Names, not codes: display of pairs, regions and refs by the server's labels, the region
// picker's tree and paths, and the targets ledger's indicator names and 万元 targets.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import type { IndicatorDef } from '@/api/indicators/types'
import { setLocale } from '@/i18n'
import { useIndicatorsStore } from '@/stores/indicators'
import { usePairsStore } from '@/stores/pairs'
import { codeHint, displayValue, rulesFor, toFormModel, toPayload } from './form'
import { pathOf, pickerNodes } from './regions'

function field(key: string, type: FieldMeta['type'], extra: Partial<FieldMeta> = {}): FieldMeta {
  return {
    key, label_zh: key, label_en: key, type, required: false, computed: false, sensitive: false,
    searchable: false, ref_ledger: '', hint_zh: '', options: [], ...extra,
  }
}

describe('codes shown by name', () => {
  const region = field('region_code', 'region')
  const unit = field('unit_id', 'ref', { ref_ledger: 'units' })
  const row = {
    id: 7, pair: '440111-522727', pair_label: '广州市白云区—黔南州平塘县',
    region_code: '522727200205', region_code_label: '黔南州平塘县卡蒲毛南族乡甲坝村', unit_id: 35, unit_id_label: '白云区结对企业01',
  }
  it('shows the label the server sent, the code on hover', () => {
    expect(displayValue(undefined, row, 'pair', true)).toBe('广州市白云区—黔南州平塘县')
    expect(codeHint(undefined, row, 'pair')).toBe('440111-522727')
    // A region by its short name within the pair where the server sent one, else its whole name;
    // the whole name and the code on hover.
    expect(displayValue(region, row, 'region_code', true)).toBe('黔南州平塘县卡蒲毛南族乡甲坝村')
    expect(displayValue(region, { ...row, region_code_name: '甲坝村' }, 'region_code', true)).toBe('甲坝村')
    expect(codeHint(region, row, 'region_code')).toBe('黔南州平塘县卡蒲毛南族乡甲坝村 522727200205')
    expect(displayValue(unit, row, 'unit_id', true)).toBe('白云区结对企业01')
    expect(codeHint(unit, row, 'unit_id')).toBe('')
  })
  it('names a value outside the ledger fields by the label beside it (a user\'s scope in the audit log)', () => {
    const user = { name: 'kapuclerk', region: '522727200', region_label: '黔南州平塘县卡蒲毛南族乡' }
    expect(displayValue(undefined, user, 'region', true)).toBe('黔南州平塘县卡蒲毛南族乡')
    expect(codeHint(undefined, user, 'region')).toBe('522727200')
    expect(displayValue(undefined, user, 'name', true)).toBe('kapuclerk')
    expect(codeHint(undefined, user, 'name')).toBe('')
  })
  it('falls back to the code where no label came', () => {
    expect(displayValue(region, { region_code: '999999' }, 'region_code', true)).toBe('999999')
    expect(codeHint(region, { region_code: '999999' }, 'region_code')).toBe('')
  })
  it('names a pair record by its two sides', () => {
    setActivePinia(createPinia())
    const pairs = usePairsStore()
    expect(pairs.nameOf({ id: 3, code: '440111-522727', helper_region_label: '广州市白云区', helped_region_label: '黔南州平塘县' }))
      .toBe('广州市白云区—黔南州平塘县')
    expect(pairs.nameOf({ id: 3, code: '440111-522727' })).toBe('440111-522727')
  })
})

describe('money inputs', () => {
  const funds: LedgerMeta = {
    name: 'funds', module: 'funds', label_zh: '帮扶资金', label_en: 'Funds', path: '/api/v1/funds/funds',
    date_field: '', natural_key: '', pair_scoped: false, fields: [field('amount_fen', 'money_fen')],
  }
  it('take 50万, 0.5亿, 500元 and 1,033.98 (万元, the form unit) and send fen', async () => {
    const rule = rulesFor(funds, (k) => k, (f) => f.key).amount_fen.find((r) => r.validator)!
    const run = (v: unknown) => new Promise<Error | undefined>((resolve) => rule.validator!({}, v, resolve))
    expect(await run('50万')).toBeUndefined()
    expect(await run('50万万')).toBeInstanceOf(Error)
    expect(toPayload(funds, { amount_fen: '50万元' }).amount_fen).toBe(50_000_000)
    expect(toPayload(funds, { amount_fen: '0.5亿' }).amount_fen).toBe(5_000_000_000)
    expect(toPayload(funds, { amount_fen: '1,033.98' }).amount_fen).toBe(1_033_980_000)
    expect(toPayload(funds, { amount_fen: '500元' }).amount_fen).toBe(50_000)
    expect(displayValue(funds.fields[0], { amount_fen: 1_033_980_000 }, 'amount_fen', true)).toBe('1,033.98万元')
  })
})

describe('region picker', () => {
  it('gives the path from the province down', () => {
    expect(pathOf('522727')).toEqual(['520000', '522700', '522727'])
    expect(pathOf('522727200205')).toEqual(['520000', '522700', '522727', '522727200', '522727200205'])
    expect(pathOf('440000')).toEqual(['440000'])
  })
  it('makes villages leaves, nested children too', () => {
    const [guizhou] = pickerNodes([
      { code: '520000', name: '贵州省', level: 'province', children: [{ code: '522727200205', name: '甲坝村村民委员会', level: 'village' }] },
    ])
    expect(guizhou.leaf).toBeUndefined()
    expect(guizhou.children![0].leaf).toBe(true)
  })
})

describe('annual targets', () => {
  const targets: LedgerMeta = {
    name: 'targets', module: 'targets', label_zh: '年度目标', label_en: 'Targets', path: '/api/v1/targets/targets',
    date_field: '', natural_key: '', pair_scoped: true,
    fields: [field('year', 'integer'), field('indicator_key', 'text'), field('target_value', 'integer', { required: true })],
  }
  const def = (key: string, unit: string, label: string): IndicatorDef => ({
    key, group: 'funds', group_label_zh: '资金支持', label_zh: label, label_en: label, full_label_zh: label, full_label_en: label,
    unit, definition_zh: '', ledger: 'funds',
    has_poverty: false, is_rate: false, headline: 0,
  })
  beforeEach(() => {
    setActivePinia(createPinia())
    useIndicatorsStore().defs = [def('funds.fiscal_fen', 'fen', '财政援助资金'), def('leadership.visit_batches', '批', '互访批次')]
  })

  it('shows a money target in 万元 and a count with its unit, the indicator by name', () => {
    const money = { id: 1, pair: 'p', year: 2026, indicator_key: 'funds.fiscal_fen', target_value: 50_000_000 }
    const count = { id: 2, pair: 'p', year: 2026, indicator_key: 'leadership.visit_batches', target_value: 12 }
    const [, key, value] = targets.fields
    expect(displayValue(value, money, 'target_value', true, 'targets')).toBe('50.00万元')
    expect(displayValue(value, count, 'target_value', true, 'targets')).toBe('12批') // as the report writes it
    expect(displayValue(key, money, 'indicator_key', true, 'targets')).toBe('财政援助资金')
    expect(displayValue(value, money, 'target_value', true)).toBe('50000000') // another ledger's field of that name
  })
  it('edits a money target in 万元 and sends fen', () => {
    const stored = { id: 1, pair: 'p', year: 2026, indicator_key: 'funds.fiscal_fen', target_value: 1_033_980_000, version: 1 }
    const model = toFormModel(targets, stored)
    expect(model.target_value).toBe('1033.98')
    expect(toPayload(targets, { ...model, target_value: '50万' }).target_value).toBe(50_000_000)
    expect(toPayload(targets, { ...model, target_value: '1,033.98' }).target_value).toBe(1_033_980_000)
    expect(toPayload(targets, { ...model, indicator_key: 'leadership.visit_batches', target_value: '12' }).target_value).toBe(12)
  })
  it('names a sub-figure with its whole, and in English translates the unit, one or several', () => {
    const town: IndicatorDef = {
      ...def('pairing.helper_units.town', '个', '其中镇街'), label_en: 'Of which towns/streets',
      full_label_zh: '与村结对的帮扶单位·其中镇街', full_label_en: 'Helper units paired with villages, of which towns/streets',
    }
    useIndicatorsStore().defs.push(town, def('people.registered', '人', '登记人数'))
    const [, key, value] = targets.fields
    const row = (indicator_key: string, target_value: number) => ({ id: 1, pair: 'p', year: 2026, indicator_key, target_value })
    expect(displayValue(key, row('pairing.helper_units.town', 3), 'indicator_key', true, 'targets')).toBe('与村结对的帮扶单位·其中镇街')
    setLocale('en')
    try {
      expect(displayValue(key, row('pairing.helper_units.town', 3), 'indicator_key', false, 'targets'))
        .toBe('Helper units paired with villages, of which towns/streets')
      expect(displayValue(value, row('people.registered', 1), 'target_value', false, 'targets')).toBe('1 person')
      expect(displayValue(value, row('people.registered', 1000), 'target_value', false, 'targets')).toBe('1,000 people')
      expect(displayValue(value, row('leadership.visit_batches', 1), 'target_value', false, 'targets')).toBe('1 batch')
      expect(displayValue(value, row('leadership.visit_batches', 6), 'target_value', false, 'targets')).toBe('6 batches')
      expect(displayValue(value, row('funds.fiscal_fen', 100_000_000), 'target_value', false, 'targets')).toBe('1.00 million yuan')
    } finally {
      setLocale('zh-CN')
    }
  })
  it('accepts 50万 where a whole number was the only input', async () => {
    const rule = rulesFor(targets, (k) => k, (f) => f.key).target_value.find((r) => r.validator)!
    const run = (v: unknown) => new Promise<Error | undefined>((resolve) => rule.validator!({}, v, resolve))
    expect(await run('50万')).toBeUndefined()
    expect(await run('12')).toBeUndefined()
    expect(await run('五十')).toBeInstanceOf(Error)
  })
})
