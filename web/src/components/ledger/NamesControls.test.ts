// The controls of issue #8's names part: the targets dialog (indicator by name, target in 万元)
// and the region cascader (a stored code shown as its path, the code on hover).
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { LedgerApi } from '@/api/ledger'
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { i18n } from '@/i18n'
import { useIndicatorsStore } from '@/stores/indicators'
import { openDialog } from './dialogTesting'
import RecordDialog from './RecordDialog.vue'
import RegionCascader from './RegionCascader.vue'

const f = (key: string, type: FieldMeta['type'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  key, label_zh: key, label_en: key, type, required: false, computed: false, sensitive: false, searchable: false,
  ref_ledger: '', hint_zh: '', options: [], ...extra,
})

const targets: LedgerMeta = {
  name: 'targets', module: 'targets', label_zh: '年度目标', label_en: 'Targets', path: '/api/v1/targets/targets',
  date_field: '', natural_key: '', pair_scoped: true,
  fields: [f('year', 'integer', { required: true }), f('indicator_key', 'text', { required: true }),
    f('target_value', 'integer', { required: true })],
}

// The cascader reads the signed-in user's scope (none here: the whole tree).
beforeEach(() => setActivePinia(createPinia()))

describe('targets dialog', () => {
  it('names the indicator, shows a money target in 万元 and sends what was typed as fen', async () => {
    const update = vi.fn(async (_id: number, body: Record<string, unknown>) => ({ id: 9, ...body }))
    const w = await openDialog(RecordDialog, { meta: targets, api: { update } as unknown as LedgerApi, record: null, defaultPair: '' })
    useIndicatorsStore().defs = [{
      key: 'funds.fiscal_fen', group: 'funds', group_label_zh: '资金支持', label_zh: '财政援助资金', label_en: 'Fiscal aid',
      full_label_zh: '财政援助资金', full_label_en: 'Fiscal aid', unit: 'fen', definition_zh: '', ledger: 'funds', has_poverty: false, is_rate: false, headline: 0,
    }]
    await w.setProps({ modelValue: false })
    await w.setProps({ modelValue: true, record: { id: 9, pair: '440111-522727', year: 2026, indicator_key: 'funds.fiscal_fen', target_value: 50_000_000, version: 1 } })
    await flushPromises()
    await nextTick()
    const value = document.body.querySelector('[data-field="target_value"]')!
    expect(value.querySelector('.el-input-group__append')?.textContent).toContain('万元')
    const input = value.querySelector('input') as HTMLInputElement
    expect(input.value).toBe('50.00')
    expect(document.body.querySelector('[data-field="indicator_key"]')?.textContent).toContain('财政援助资金')
    input.value = '0.5亿'
    input.dispatchEvent(new Event('input'))
    await nextTick()
    ;(document.body.querySelector('[data-test=save]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(1), { timeout: 3000 })
    expect(update.mock.calls[0][1]).toMatchObject({ indicator_key: 'funds.fiscal_fen', target_value: 5_000_000_000 })
    w.unmount()
  })
})

describe('RegionCascader', () => {
  it('shows a stored code as its path from the province, the code on hover', async () => {
    const tree = { items: [{ code: '520000', name: '贵州省', level: 'province', children: [
      { code: '522700', name: '黔南布依族苗族自治州', level: 'city', children: [{ code: '522727', name: '平塘县', level: 'county' }] }] }] }
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(tree), { status: 200 })))
    const w = mount(RegionCascader, { props: { modelValue: '522727' }, global: { plugins: [i18n] }, attachTo: document.body })
    await vi.waitFor(async () => {
      await flushPromises()
      expect((w.find('input').element as HTMLInputElement).value).toBe('贵州省 / 黔南布依族苗族自治州 / 平塘县')
    }, { timeout: 3000 })
    expect(w.find('[data-test=region-cascader]').attributes('title')).toBe('522727')
    w.unmount()
  })

  it('takes a whole village code as typed (villages load only as their county opens)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items: [] }), { status: 200 })))
    const w = mount(RegionCascader, { props: { modelValue: '' }, global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    const input = w.find('input')
    await input.setValue('522727200205')
    await vi.waitFor(() => expect(w.emitted('update:modelValue')?.at(-1)).toEqual(['522727200205']), { timeout: 3000 })
    await input.setValue('5227')
    await new Promise((r) => setTimeout(r, 400))
    expect(w.emitted('update:modelValue')?.length).toBe(1) // a partial code is searched, not taken
    w.unmount()
  })
})
