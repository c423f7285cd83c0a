import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type RouteLocationNormalized } from 'vue-router'
import type { CurrentUser } from '@/api/auth/types'
import { useAuthStore } from '@/stores/auth'
import { accessGuard } from './guard'
import { routes } from './routes'

// The console's own routes, resolved as the browser's router resolves them.
const router = createRouter({ history: createMemoryHistory(), routes })
const kRecruiting = ['labor:jobs:match', 'labor:applications:list', 'labor:seekers:match', 'indicators:report:read']

const account = (owner_ledger: string, permissions = kRecruiting): CurrentUser => ({
  name: 'u1', roles: [], region: '', owner_ledger, owner_id: owner_ledger ? 7 : 0, permissions, csrf_token: 'x',
})

async function open(path: string, user: CurrentUser) {
  useAuthStore().user = user
  // What beforeEach hands the guard: the location resolved, with its matched records' meta.
  return accessGuard(router.resolve(path) as RouteLocationNormalized)
}

let warning: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  setActivePinia(createPinia())
  warning = vi.spyOn(ElMessage, 'warning').mockImplementation(() => ({ close: () => {} }) as never)
})
afterEach(() => vi.restoreAllMocks())

describe('the access guard: a page for one kind of account', () => {
  it('turns staff typing the HR workbench\'s address away to the home page, saying whom it is for', async () => {
    expect(await open('/labor/hr', account(''))).toEqual({ name: 'home' })
    expect(warning).toHaveBeenCalledWith('此页面供用工企业的招聘（HR）账号使用，本账号不能打开，已回到首页')
  })

  it('turns an employer\'s HR away from the staff pages (招聘需求与进度, 推荐岗位), saying so', async () => {
    for (const path of ['/labor/progress', '/labor/seekers/12/jobs']) {
      warning.mockClear()
      expect(await open(path, account('employers'))).toEqual({ name: 'home' })
      expect(warning).toHaveBeenCalledWith('此页面供工作人员使用，企业或单位的账号不能打开，已回到首页')
    }
  })

  it('opens each page for its own kind of account, without a word', async () => {
    expect(await open('/labor/hr', account('employers'))).toBe(true)
    expect(await open('/labor/progress', account(''))).toBe(true)
    expect(await open('/labor/seekers/12/jobs', account(''))).toBe(true)
    expect(await open('/dashboard', account('employers'))).toBe(true)
    expect(warning).not.toHaveBeenCalled()
  })

  it('reads the rule from the routes: every page with an owner is closed to every other kind of account', async () => {
    const owned = routes.flatMap((r) => r.children ?? []).filter((r) => r.meta?.owner !== undefined)
    expect(owned.map((r) => r.name).sort()).toEqual(['hr', 'recruit-progress', 'seeker-jobs'])
    for (const r of owned) {
      const path = `/${r.path.replace(':id(\\d+)', '3')}`
      const owner = r.meta!.owner!
      for (const other of ['', 'employers', 'units', 'suppliers'].filter((o) => o !== owner)) {
        expect(await open(path, account(other)), `${path} for ${other || 'staff'}`).toEqual({ name: 'home' })
      }
      expect(await open(path, account(owner)), `${path} for its own`).toBe(true)
    }
  })

  it('still asks the page\'s permission of its own kind of account', async () => {
    expect(await open('/labor/hr', account('employers', ['labor:jobs:list']))).toEqual({ name: 'home' })
    expect(warning).not.toHaveBeenCalled()
  })
})
