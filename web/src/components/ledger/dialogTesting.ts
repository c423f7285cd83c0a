// Test-only (imported from *.test.ts): mounts a ledger dialog closed, then opens it, as the
// pages do, so its watchers on modelValue run. Fetches answer an empty list: the pickers inside
// the dialogs ask the server for options, and unit tests have no server.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { type Component, nextTick } from 'vue'
import { i18n } from '@/i18n'

export async function openDialog(component: Component, props: Record<string, unknown>, slots: Record<string, string> = {}) {
  setActivePinia(createPinia())
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items: [] }), { status: 200 })))
  const wrapper = mount(component, {
    props: { ...props, modelValue: false },
    slots,
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  await nextTick()
  return wrapper
}
