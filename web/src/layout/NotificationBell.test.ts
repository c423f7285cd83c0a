import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/i18n'
import type { Notice } from '@/api/notifications/types'
import NotificationBell from './NotificationBell.vue'

const api = vi.hoisted(() => ({
  listNotifications: vi.fn(),
  readNotification: vi.fn(),
  readAllNotifications: vi.fn(),
  notificationMobile: vi.fn(),
  setNotificationMobile: vi.fn(),
}))
vi.mock('@/api/notifications', () => api)

const job: Notice = {
  id: 7, kind: 'new_job', text_zh: '新岗位：广州白云演示压缩机有限公司 装配工 5,100元起，匹配甲坝村 3 人',
  text_en: 'New job: 广州白云演示压缩机有限公司 装配工 from 5,100 yuan, matching 3 people of 甲坝村',
  ledger: 'jobs', record_id: 12, link: '/labor/jobs', created_at: '2026-12-03T01:00:00Z', read_at: null,
}
const interview: Notice = { ...job, id: 6, kind: 'interview_day_before', text_zh: '面试提醒（明天）', text_en: 'Interview tomorrow',
  ledger: 'applications', record_id: 3, link: '/interview/3', read_at: '2026-12-02T01:00:00Z' }

function page(items: Notice[]) {
  return { total: items.length, unread: items.filter((n) => !n.read_at).length, page: 1, page_size: 10, items }
}

async function mountBell() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { template: '<div />' } }] })
  await router.push('/')
  const wrapper = mount(NotificationBell, { global: { plugins: [i18n, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

beforeEach(() => {
  setLocale('zh-CN')
  api.listNotifications.mockResolvedValue(page([job, interview]))
  api.readNotification.mockResolvedValue({ ok: true })
  api.readAllNotifications.mockResolvedValue({ marked: 1 })
  api.notificationMobile.mockResolvedValue({ mobile: '' })
  api.setNotificationMobile.mockResolvedValue({ mobile: '139****5678' })
})
afterEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('NotificationBell', () => {
  it('polls while the page is used, and stops once nobody has touched it for ten minutes', async () => {
    vi.useFakeTimers()
    try {
      const wrapper = mount(NotificationBell, { props: { pollMs: 60_000 }, global: { plugins: [i18n, ElementPlus] } })
      await flushPromises()
      expect(api.listNotifications).toHaveBeenCalledTimes(1)
      await vi.advanceTimersByTimeAsync(60_000)
      expect(api.listNotifications).toHaveBeenCalledTimes(2)
      await vi.advanceTimersByTimeAsync(10 * 60_000)
      const idle = api.listNotifications.mock.calls.length
      await vi.advanceTimersByTimeAsync(5 * 60_000)
      expect(api.listNotifications).toHaveBeenCalledTimes(idle) // unattended: the session may lapse
      window.dispatchEvent(new Event('pointerdown'))
      await vi.advanceTimersByTimeAsync(60_000)
      expect(api.listNotifications).toHaveBeenCalledTimes(idle + 1)
      wrapper.unmount()
    } finally {
      vi.useRealTimers()
    }
  })

  it('counts the unread notices on the bell and lists them in the account language', async () => {
    const { wrapper } = await mountBell()
    expect(wrapper.find('[data-test=notification-count] sup').text()).toBe('1')
    await wrapper.find('[data-test=notification-bell]').trigger('click')
    await flushPromises()
    const items = document.querySelectorAll('[data-test=notification-item]')
    expect([...items].map((i) => i.querySelector('.text')?.textContent)).toEqual([job.text_zh, '面试提醒（明天）'])
    expect(items[0].classList.contains('unread')).toBe(true)
    expect(items[1].classList.contains('unread')).toBe(false)
    setLocale('en')
    await flushPromises()
    expect(document.querySelector('[data-test=notification-item] .text')?.textContent).toBe(job.text_en)
    wrapper.unmount()
  })

  it('marks a notice read and opens its record when clicked; a read one is only opened', async () => {
    const { wrapper, router } = await mountBell()
    await wrapper.find('[data-test=notification-bell]').trigger('click')
    await flushPromises()
    api.listNotifications.mockResolvedValue(page([{ ...job, read_at: '2026-12-03T02:00:00Z' }, interview]))
    ;(document.querySelectorAll('[data-test=notification-item]')[0] as HTMLElement).click()
    await flushPromises()
    expect(api.readNotification).toHaveBeenCalledWith(7)
    expect(router.currentRoute.value.path).toBe('/labor/jobs')
    expect(wrapper.find('[data-test=notification-count] sup').exists()).toBe(false) // none unread: no count
    ;(document.querySelectorAll('[data-test=notification-item]')[1] as HTMLElement).click()
    await flushPromises()
    expect(api.readNotification).toHaveBeenCalledTimes(1)
    expect(router.currentRoute.value.path).toBe('/interview/3')
    wrapper.unmount()
  })

  it('marks all read at once, and says when there is nothing', async () => {
    const { wrapper } = await mountBell()
    await wrapper.find('[data-test=notification-bell]').trigger('click')
    await flushPromises()
    api.listNotifications.mockResolvedValue(page([]))
    ;(document.querySelector('[data-test=notification-read-all]') as HTMLElement).click()
    await flushPromises()
    expect(api.readAllNotifications).toHaveBeenCalledTimes(1)
    expect(document.querySelector('[data-test=notification-empty]')?.textContent).toBe('暂无通知')
    wrapper.unmount()
  })

  it('shows the account mobile masked and sets it; a refusal is shown', async () => {
    const { wrapper } = await mountBell()
    await wrapper.find('[data-test=notification-bell]').trigger('click')
    await flushPromises()
    const text = () => document.querySelector('[data-test=notification-mobile]')?.textContent?.trim()
    expect(text()).toBe('短信通知：未设置')
    ;(document.querySelector('[data-test=notification-mobile-edit]') as HTMLElement).click()
    await flushPromises()
    const input = document.querySelector('.edit input') as HTMLInputElement
    input.value = ' 139 1234 5678 '
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await flushPromises()
    ;(document.querySelector('[data-test=notification-mobile-save]') as HTMLElement).click()
    await flushPromises()
    expect(api.setNotificationMobile).toHaveBeenCalledWith('139 1234 5678')
    expect(text()).toBe('短信通知：139****5678')
    expect(document.querySelector('.edit')).toBeNull()
    api.setNotificationMobile.mockRejectedValue(new Error('手机号 mobile：应为11位'))
    ;(document.querySelector('[data-test=notification-mobile-edit]') as HTMLElement).click()
    await flushPromises()
    ;(document.querySelector('[data-test=notification-mobile-save]') as HTMLElement).click()
    await flushPromises()
    expect(document.querySelector('[data-test=notification-mobile-error]')?.textContent).toContain('应为11位')
    expect(text()).toBe('短信通知：139****5678')
    wrapper.unmount()
  })
})
