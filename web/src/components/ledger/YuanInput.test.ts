import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { kFormMoneyUnit } from '@/utils/form'
import { parseAmount } from '@/utils/money'
import YuanInput from './YuanInput.vue'

const typed = async (modelValue: string | null, text: string) => {
  const w = mount(YuanInput, { props: { modelValue }, global: { plugins: [i18n] } })
  await w.find('input').setValue(text)
  return w.emitted('update:modelValue')?.at(-1)?.[0] as string
}

describe('YuanInput: a wage typed in 元 in a form of 万元', () => {
  it('gives the form the amount naming its unit, which the form reads as 元', async () => {
    const value = await typed(null, '5200')
    expect(value).toBe('5200元')
    expect(parseAmount(value, kFormMoneyUnit)).toBe(520000)
  })
  it('keeps a unit the user typed, and an empty input empty', async () => {
    expect(await typed(null, '0.52万')).toBe('0.52万')
    expect(await typed('5200元', '')).toBe('')
  })
  it('shows the number without the unit it stores', () => {
    const w = mount(YuanInput, { props: { modelValue: '5100元' }, global: { plugins: [i18n] } })
    expect((w.find('input').element as HTMLInputElement).value).toBe('5100')
    expect(w.text()).toContain('元')
  })
})
