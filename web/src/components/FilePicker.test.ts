import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import FilePicker from './FilePicker.vue'

describe('FilePicker, the import file row of both import views', () => {
  it('hands on the chosen file and empties the chooser, so the same file may be chosen again', async () => {
    const wrapper = mount(FilePicker, {
      props: { accept: '.xlsx', file: null, busy: false, checked: false, name: 'workbook' },
      global: { plugins: [i18n] },
    })
    const input = wrapper.get('[data-test=workbook-file]')
    expect(input.attributes('accept')).toBe('.xlsx')
    const chosen = new File(['x'], '台账.xlsx')
    Object.defineProperty(input.element, 'files', { value: [chosen], configurable: true })
    await input.trigger('change')
    expect(wrapper.emitted('pick')).toEqual([[chosen]])
    expect((input.element as HTMLInputElement).value).toBe('')
    await wrapper.setProps({ file: chosen })
    expect(wrapper.text()).toContain('台账.xlsx')
    await wrapper.get('[data-test=workbook-check]').trigger('click')
    expect(wrapper.emitted('check')).toHaveLength(1)
    // Once the report shown answers the file, there is nothing new to check.
    await wrapper.setProps({ checked: true })
    expect(wrapper.get('[data-test=workbook-check]').attributes('disabled')).toBeDefined()
  })
})
