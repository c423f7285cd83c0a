// The approvals page offers 批准/拒绝 only on requests another administrator filed: its
// requester may not decide one (the server refuses), so its row says who decides instead.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { CurrentUser } from '@/api/auth/types'
import { i18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import RevealGrantsPage from './index.vue'

const grant = (id: number, requested_by: string) => ({
  id, user_id: id, user_name: `reader${id}`, region: '522727', region_name: '黔南州平塘县', reason: 'grant',
  state: 'pending', requested_by, requested_at: '2026-12-02T08:00:00Z', decided_by: '', decided_at: '',
})

beforeEach(() => {
  setActivePinia(createPinia())
  useAuthStore().user = { name: 'sec_a', roles: ['secadmin'], region: '', owner_ledger: '', owner_id: 0, permissions: [], csrf_token: 'x' } as CurrentUser
  vi.stubGlobal('fetch', vi.fn(async () =>
    new Response(JSON.stringify({ items: [grant(1, 'sec_a'), grant(2, 'sec_b')] }), { status: 200 })))
})
afterEach(() => vi.unstubAllGlobals())

it('shows no decision buttons on the requests the signed-in administrator filed', async () => {
  const w = mount(RevealGrantsPage, { global: { plugins: [i18n, ElementPlus] } })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.findAll('[data-test=approve-reveal]')).toHaveLength(1)
  }, { timeout: 3000 })
  expect(w.findAll('[data-test=others-decide]')).toHaveLength(1)
  expect(w.findAll('[data-test=refuse-reveal]')).toHaveLength(1)
})
