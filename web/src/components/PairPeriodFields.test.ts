import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, reactive } from 'vue'
import { ElForm } from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import PairPeriodFields from './PairPeriodFields.vue'

// The period's placeholders were cut off in their inputs ("起始日期（不限）"): they are short now,
// and what an empty end means is the field's tooltip.
function mountFields() {
  setActivePinia(createPinia())
  const state = reactive({ pair: '', dates: null as [string, string] | null })
  const Form = defineComponent(() => () => h(ElForm, { inline: true }, () => h(PairPeriodFields, { state })))
  return mount(Form, { global: { plugins: [i18n] } })
}

describe('PairPeriodFields, the dashboard and report period', () => {
  it('has short date placeholders in both languages and says what an empty end means in its tooltip', async () => {
    for (const [locale, from, to, hint] of [
      ['zh-CN', '起始日期', '截止日期', '起始日期不填为不限，截止日期不填为至今'],
      ['en', 'From', 'To', 'No start date: from the beginning; no end date: up to today'],
    ] as const) {
      setLocale(locale)
      const w = mountFields()
      const field = w.get('[data-test=period-dates]')
      expect(field.findAll('input').map((i) => i.attributes('placeholder'))).toEqual([from, to])
      expect(field.attributes('title')).toBe(hint)
      w.unmount()
    }
    setLocale('zh-CN')
  })
})
