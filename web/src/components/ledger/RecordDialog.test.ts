import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import type { LedgerApi } from '@/api/ledger'
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { openDialog } from './dialogTesting'
import RecordDialog from './RecordDialog.vue'

const f = (key: string, label_zh: string, type: FieldMeta['type'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  key, label_zh, label_en: key, type, required: false, computed: false, sensitive: false, searchable: false,
  ref_ledger: '', hint_zh: '', options: [], ...extra,
})

const visits: LedgerMeta = {
  name: 'visits', module: 'exchange', label_zh: '交流互访', label_en: 'Visits', path: '/api/v1/exchange/visits',
  date_field: 'start_date', natural_key: '', pair_scoped: true,
  fields: [
    f('title', '互访事由', 'text', { required: true }),
    f('direction', '方向', 'enum', { required: true, options: [{ code: 'to_helped', label_zh: '东部→西部', label_en: 'E→W' }] }),
    f('person_times', '人次', 'integer', { required: true }),
    f('cost_fen', '费用', 'money_fen'),
    f('start_date', '开始日期', 'date', { required: true }),
    f('end_date', '结束日期', 'date'),
    f('code', '代码', 'text', { computed: true }),
    f('note', '备注', 'text', { max_chars: 2000 }),
  ],
}

function open(api: Partial<LedgerApi>, record: Record<string, unknown> | null = null) {
  return openDialog(RecordDialog, { meta: visits, api: api as LedgerApi, record, defaultPair: '440111-522727' })
}

describe('RecordDialog generated from meta', () => {
  it('renders one labelled item per editable field, with the pair first', async () => {
    const w = await open({})
    const labels = [...document.body.querySelectorAll('.record-form .el-form-item__label')].map((e) => e.textContent?.trim())
    expect(labels).toEqual(['帮扶关系', '互访事由', '方向', '人次', '费用', '开始日期', '结束日期', '备注'])
    expect(document.body.querySelector('[data-field="code"]')).toBeNull()
    expect(document.body.querySelector('[data-field="cost_fen"] .el-input-group__append')?.textContent).toContain('万元')
    w.unmount()
  })

  it('sends money in fen and shows the server per-field message under its field', async () => {
    const update = vi.fn().mockRejectedValue(new ApiError(400, 'invalid_argument', '输入有误', 'invalid input', [
      { field: 'end_date', message_zh: '结束日期早于开始日期', message_en: 'the end date is before the start date' },
    ]))
    const record = { id: 5, pair: '440111-522727', title: '考察', direction: 'to_helped', person_times: 3,
      cost_fen: 12345, start_date: '2020-06-09', end_date: '2020-06-10', version: 2 }
    const w = await open({ update }, record)
    ;(document.body.querySelector('[data-test=save]') as HTMLButtonElement).click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    expect(update).toHaveBeenCalledTimes(1)
    const [id, body] = update.mock.calls[0]
    expect(id).toBe(5)
    expect(body).toMatchObject({ pair: '440111-522727', cost_fen: 12345, person_times: 3, version: 2 })
    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-field="end_date"] .el-form-item__error')?.textContent).toContain('结束日期早于开始日期'),
    { timeout: 3000 })
    w.unmount()
  })
})

describe('RecordDialog for a clerk', () => {
  it('gives long free text a text area and a title a one-line input', async () => {
    const w = await open({})
    expect(document.body.querySelector('[data-field="note"] textarea')).not.toBeNull()
    expect(document.body.querySelector('[data-field="title"] textarea')).toBeNull()
    w.unmount()
  })

  it('closes an unchanged form at once and asks before dropping a changed one', async () => {
    const record = { id: 5, pair: '440111-522727', title: '考察', direction: 'to_helped', person_times: 3,
      start_date: '2020-06-09', version: 2 }
    const w = await open({}, record)
    ;(document.body.querySelector('[data-test=cancel]') as HTMLButtonElement).click()
    await flushPromises()
    expect(w.emitted('update:modelValue')).toEqual([[false]])
    expect(document.body.querySelector('.el-message-box')).toBeNull()

    await w.setProps({ modelValue: true })
    await flushPromises()
    const title = document.body.querySelector('[data-field="title"] input') as HTMLInputElement
    title.value = '考察学习'
    title.dispatchEvent(new Event('input'))
    await flushPromises()
    ;(document.body.querySelector('[data-test=cancel]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(document.body.querySelector('.el-message-box')?.textContent).toContain('未保存的修改'))
    expect(w.emitted('update:modelValue')).toHaveLength(1)
    w.unmount()
  })

  it('refuses an end date before the chosen start beside the field, keeping what was typed', async () => {
    const update = vi.fn()
    const record = { id: 5, pair: '440111-522727', title: '考察', direction: 'to_helped', person_times: 3,
      start_date: '2020-06-09', end_date: '2020-06-08', version: 2 }
    const w = await open({ update }, record)
    ;(document.body.querySelector('[data-test=save]') as HTMLButtonElement).click()
    await flushPromises()
    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-field="end_date"] .el-form-item__error')?.textContent).toContain('结束日期不能早于开始日期'))
    expect(update).not.toHaveBeenCalled()
    expect((document.body.querySelector('[data-field="end_date"] input') as HTMLInputElement).value).toBe('2020-06-08')
    w.unmount()
  })

  it('keeps an end date typed before the start (a day its picker does not offer) and refuses it naming both', async () => {
    const update = vi.fn()
    const record = { id: 5, pair: '440111-522727', title: '考察', direction: 'to_helped', person_times: 3,
      start_date: '2020-06-09', version: 2 }
    const w = await open({ update }, record)
    const end = document.body.querySelector('[data-field="end_date"] input') as HTMLInputElement
    end.focus()
    end.value = '2020年6月1日'
    end.dispatchEvent(new Event('input', { bubbles: true }))
    end.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
    await flushPromises()
    expect(end.value).toBe('2020-06-01')
    ;(document.body.querySelector('[data-test=save]') as HTMLButtonElement).click()
    await flushPromises()
    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-field="end_date"] .el-form-item__error')?.textContent).toBe('结束日期不能早于开始日期（2020-06-09）'))
    expect(update).not.toHaveBeenCalled()
    w.unmount()
  })
})
