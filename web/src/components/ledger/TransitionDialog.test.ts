import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { ApiError } from '@/api/http'
import type { LedgerApi } from '@/api/ledger'
import type { FieldMeta, LedgerMeta, TransitionMeta } from '@/api/meta/types'
import { openDialog } from './dialogTesting'
import TransitionDialog from './TransitionDialog.vue'

const f = (key: string, label_zh: string, type: FieldMeta['type']): FieldMeta => ({
  key, label_zh, label_en: key, type, required: false, computed: false, sensitive: false, searchable: false,
  ref_ledger: '', hint_zh: '', options: [],
})
const tr = (name: string, label_zh: string, required: string[], optional: string[] = []): TransitionMeta => ({
  name, label_zh, label_en: name, done_zh: label_zh, done_en: name, from: ['claimed'], to: 'x', required, optional,
  clears: [], permission: `needs:needs:${name}`,
})
const deliver = tr('deliver', '交付', ['delivered_date'])
const release = tr('release', '撤销认领', [])

const needs: LedgerMeta = {
  name: 'needs', module: 'needs', label_zh: '订单式需求', label_en: 'Needs', path: '/api/v1/needs/needs',
  date_field: 'posted_date', natural_key: '', pair_scoped: true,
  fields: [f('title', '需求名称', 'text'), f('value_fen', '估算价值（元）', 'money_fen'), f('delivered_date', '交付日期', 'date')],
  workflow: { state_field: 'status', states: [], transitions: [deliver, release] },
}
const record = { id: 12, pair: '440111-522727', title: '课桌椅', status: 'claimed', version: 3 }

function open(api: Partial<LedgerApi>, transition: TransitionMeta) {
  return openDialog(TransitionDialog, { meta: needs, api: api as LedgerApi, record, transition })
}
const submit = async () => {
  ;(document.body.querySelector('[data-test=transition-submit]') as HTMLButtonElement).click()
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  await flushPromises()
}

describe('TransitionDialog generated from the workflow meta', () => {
  it("shows only the transition's fields and sends them with the version", async () => {
    const transition = vi.fn().mockRejectedValue(new ApiError(400, 'invalid_argument', '输入有误', 'invalid input', [
      { field: 'delivered_date', message_zh: '交付日期不能早于认领日期（2021-03-10）', message_en: 'before the claim' },
    ]))
    const w = await open({ transition }, deliver)
    const labels = [...document.body.querySelectorAll('[data-test=transition-dialog] .el-form-item__label')].map((e) => e.textContent?.trim())
    expect(labels).toEqual(['交付日期'])
    expect(document.body.querySelector('[data-test=transition-dialog] .el-dialog__title')?.textContent).toBe('交付 · 订单式需求')
    const input = document.body.querySelector('[data-field="delivered_date"] input') as HTMLInputElement
    ;(w.findComponent({ name: 'ElDatePicker' }).vm as unknown as { $emit: (e: string, v: string) => void }).$emit('update:modelValue', '2021-03-09')
    await nextTick()
    expect(input).not.toBeNull()
    await submit()
    expect(transition).toHaveBeenCalledTimes(1)
    expect(transition.mock.calls[0]).toEqual([12, 'deliver', { delivered_date: '2021-03-09', version: 3 }])
    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-field="delivered_date"] .el-form-item__error')?.textContent).toContain('不能早于认领日期'),
    { timeout: 3000 })
    w.unmount()
  })

  it('a transition without fields asks to confirm and sends the version alone', async () => {
    const transition = vi.fn().mockResolvedValue({ ...record, status: 'posted', version: 4 })
    const w = await open({ transition }, release)
    expect(document.body.querySelector('[data-test=transition-confirm]')?.textContent).toContain('撤销认领')
    await submit()
    expect(transition.mock.calls[0]).toEqual([12, 'release', { version: 3 }])
    expect(w.emitted('done')?.[0]).toEqual([{ ...record, status: 'posted', version: 4 }])
    w.unmount()
  })

  it('asks before dropping a filled-in field, and closes an untouched form at once', async () => {
    const w = await open({}, deliver)
    ;(w.findComponent({ name: 'ElDatePicker' }).vm as unknown as { $emit: (e: string, v: string) => void }).$emit('update:modelValue', '2021-03-09')
    await nextTick()
    ;(document.body.querySelector('[data-test=transition-cancel]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(document.body.querySelector('.el-message-box')?.textContent).toContain('未保存的修改'))
    expect(w.emitted('update:modelValue')).toBeUndefined()
    w.unmount()

    const untouched = await open({}, deliver)
    ;(document.body.querySelector('[data-test=transition-cancel]') as HTMLButtonElement).click()
    await flushPromises()
    expect(untouched.emitted('update:modelValue')).toEqual([[false]])
    untouched.unmount()
  })

  it('tells the page of a conflict (409): someone else changed the record since it was shown', async () => {
    const transition = vi.fn().mockRejectedValue(new ApiError(409, 'conflict', '记录已被他人修改', 'changed by someone else'))
    const w = await open({ transition }, release)
    await submit()
    expect(w.emitted('conflict')?.length).toBe(1)
    expect(document.body.querySelector('[data-test=transition-error]')?.textContent).toContain('记录已被他人修改')
    w.unmount()
  })

  it('takes a page\'s own input for a field through its slot', async () => {
    const w = await openDialog(TransitionDialog, { meta: needs, api: {} as LedgerApi, record, transition: deliver }, {
      'field-delivered_date': '<input data-test="own-input" />',
    })
    expect(document.body.querySelector('[data-field="delivered_date"] [data-test=own-input]')).not.toBeNull()
    expect(document.body.querySelector('[data-field="delivered_date"] .el-date-editor')).toBeNull()
    w.unmount()
  })
})
