import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import TableToolbar from './TableToolbar.vue'

const columns = [{ key: 'title', label: '互访事由' }, { key: 'person_times', label: '人次' }]

function toolbar(hidden: string[]) {
  return mount(TableToolbar, {
    props: { columns, showSearch: true, hidden },
    global: { plugins: [i18n] },
  })
}

describe('TableToolbar', () => {
  it('toggles the search form and asks for a refresh', async () => {
    const w = toolbar([])
    await w.get('[data-test=toggle-search]').trigger('click')
    expect(w.emitted('update:showSearch')).toEqual([[false]])
    await w.get('[data-test=refresh]').trigger('click')
    expect(w.emitted('refresh')).toHaveLength(1)
  })
  it('hides a column when unticked and keeps the last one visible', async () => {
    const w = toolbar([])
    const group = w.findComponent({ name: 'ElCheckboxGroup' })
    group.vm.$emit('update:modelValue', ['person_times'])
    expect(w.emitted('update:hidden')).toEqual([[['title']]])
    group.vm.$emit('update:modelValue', [])
    expect(w.emitted('update:hidden')).toHaveLength(1)
  })
})
