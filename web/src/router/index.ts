// Routes: one lazily loaded chunk per page. Ledger pages share LedgerPage, one route per
// ledger (/<module>/<ledger>), so a bookmark names the ledger like the API does.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { allLedgerEntries } from './menu'

const ledgerRoutes: RouteRecordRaw[] = allLedgerEntries.map(({ module, ledger }) => ({
  path: `/${module}/${ledger}`,
  name: `ledger-${ledger}`,
  component: () => import('@/views/ledger/LedgerPage.vue'),
  props: { ledger },
  meta: { permission: `${module}:${ledger}:list` },
}))

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/login/index.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('@/layout/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/views/home/index.vue') },
      ...ledgerRoutes,
      { path: 'dashboard', name: 'dashboard', component: () => import('@/views/dashboard/index.vue'),
        meta: { permission: 'indicators:report:read' } },
      { path: 'report', name: 'report', component: () => import('@/views/report/index.vue'),
        meta: { permission: 'indicators:report:read' } },
      { path: 'admin/users', name: 'users', component: () => import('@/views/admin/users/index.vue'),
        meta: { permission: 'admin:users:admin' } },
      { path: 'admin/roles', name: 'roles', component: () => import('@/views/admin/roles/index.vue'),
        meta: { permission: 'admin:roles:admin' } },
      { path: 'admin/audit', name: 'audit', component: () => import('@/views/admin/audit/index.vue'),
        meta: { permission: 'admin:audit:admin' } },
      { path: 'admin/dictionaries', name: 'dictionaries', component: () => import('@/views/admin/dictionaries/index.vue'),
        meta: { permission: 'admin:dictionaries:admin' } },
      { path: 'password', name: 'password', component: () => import('@/views/password/index.vue') },
      { path: 'totp', name: 'totp', component: () => import('@/views/totp/index.vue') },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('@/views/home/NotFound.vue') },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const auth = useAuthStore()
  if (!auth.user && !(await auth.restore())) {
    return { name: 'login', query: { redirect: to.fullPath } }
  }
  // A forced password change (or required TOTP enrolment) comes before every other page.
  if (auth.setupPage && to.name !== auth.setupPage) return { name: auth.setupPage }
  const permission = to.meta.permission as string | undefined
  if (permission && !auth.can(permission)) return { name: 'home' }
  return true
})
