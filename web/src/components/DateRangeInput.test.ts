import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { i18n, setLocale } from '@/i18n'
import type { DateRange } from '@/utils/dates'
import DateRangeInput from './DateRangeInput.vue'

/** Mounts the range at a phone's width (narrow) or a desktop's, bound to a ref as a page binds it. */
function mountRange(narrow: boolean, initial: DateRange | null = null) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: narrow, media: query, addEventListener: () => {}, removeEventListener: () => {},
  }))
  const model = ref<DateRange | null>(initial)
  const wrapper = mount(DateRangeInput, {
    props: { modelValue: model.value, 'onUpdate:modelValue': (v: DateRange | null) => {
      model.value = v
      void wrapper.setProps({ modelValue: v })
    } },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  return { wrapper, model }
}

/** Types text into one of the range's inputs and presses Enter, as a clerk does. */
async function type(input: HTMLInputElement, text: string) {
  input.focus()
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  await flushPromises()
  await nextTick()
}
const inputs = (w: ReturnType<typeof mountRange>['wrapper']) => [...w.element.querySelectorAll('input')] as HTMLInputElement[]
const error = (w: ReturnType<typeof mountRange>['wrapper']) => w.find('[data-test=range-error]')

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('DateRangeInput', () => {
  it('is two single pickers on a phone and one range picker on a desktop', () => {
    const phone = mountRange(true)
    expect(phone.wrapper.findAll('.el-date-editor')).toHaveLength(2)
    expect(phone.wrapper.find('.el-range-editor').exists()).toBe(false)
    phone.wrapper.unmount()
    const desk = mountRange(false)
    expect(desk.wrapper.find('.el-range-editor').exists()).toBe(true)
    expect(inputs(desk.wrapper)).toHaveLength(2)
    desk.wrapper.unmount()
  })

  it('takes a typed Chinese date as the day it names', async () => {
    const { wrapper, model } = mountRange(true)
    await type(inputs(wrapper)[0], '2026年3月5日')
    expect(model.value).toEqual(['2026-03-05', ''])
    expect(inputs(wrapper)[0].value).toBe('2026-03-05')
    expect(error(wrapper).exists()).toBe(false)
    wrapper.unmount()
  })

  it('keeps an end typed before the start on a phone and says so, in the language shown', async () => {
    const { wrapper, model } = mountRange(true, ['2026-03-05', ''])
    await type(inputs(wrapper)[1], '2026年3月1日')
    expect(model.value).toEqual(['2026-03-05', '2026-03-01'])
    expect(error(wrapper).text()).toBe('结束日期不能早于开始日期（2026-03-05）')
    setLocale('en')
    await nextTick()
    expect(error(wrapper).text()).toBe('The end date is before the start date (2026-03-05)')
    setLocale('zh-CN')
    wrapper.unmount()
  })

  it('keeps a reversed range typed into the desktop range picker, either end, and clears the message once put right', async () => {
    const { wrapper, model } = mountRange(false, ['2026-03-01', '2026-03-10'])
    await type(inputs(wrapper)[1], '2026.2.20')
    expect(model.value).toEqual(['2026-03-01', '2026-02-20'])
    expect(error(wrapper).exists()).toBe(true)
    await type(inputs(wrapper)[0], '2026年2月1日')
    expect(model.value).toEqual(['2026-02-01', '2026-02-20'])
    expect(error(wrapper).exists()).toBe(false)
    wrapper.unmount()
  })

  it('reads a start typed but not yet taken by the desktop picker when the end typed reverses it', async () => {
    const { wrapper, model } = mountRange(false)
    const [start, end] = inputs(wrapper)
    start.value = '2020年5月1日' // typed, left without Enter: the range picker keeps it as text only
    start.dispatchEvent(new Event('input', { bubbles: true }))
    await type(end, '2020年4月1日')
    expect(model.value).toEqual(['2020-05-01', '2020-04-01'])
    expect(error(wrapper).text()).toBe('结束日期不能早于开始日期（2020-05-01）')
    wrapper.unmount()
  })

  it('leaves a range in order to the picker: nothing refused', async () => {
    const { wrapper, model } = mountRange(false, ['2026-03-01', '2026-03-10'])
    await type(inputs(wrapper)[1], '2026年3月20日')
    expect(model.value).toEqual(['2026-03-01', '2026-03-20'])
    expect(error(wrapper).exists()).toBe(false)
    wrapper.unmount()
  })
})
