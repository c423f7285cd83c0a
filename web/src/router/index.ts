// Routes: one lazily loaded chunk per page. Ledger pages share LedgerPage on one route,
// /<module>/<ledger> (a bookmark names the ledger like the API does), valid for the ledgers the
// server declares (/api/v1/meta/ledgers): any other module/ledger pair is "not found". Static
// paths (/admin/users …) rank above it.
import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { useMetaStore } from '@/stores/meta'
import { ledgerListPermission } from './menu'

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/login/index.vue'), meta: { public: true } },
  // The interview room serves an employer's HR and a job seeker (whose one-time-code session has
  // no console): outside the console's frame, and the page itself says when nobody is logged in.
  { path: '/interview/:id(\\d+)', name: 'interview', component: () => import('@/views/labor/interview/index.vue'),
    meta: { public: true } },
  {
    path: '/',
    component: () => import('@/layout/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/views/home/index.vue') },
      { path: ':module/:ledger', name: 'ledger', component: () => import('@/views/ledger/LedgerPage.vue'),
        props: (to) => ({ ledger: String(to.params.ledger) }) },
      { path: 'labor/hr', name: 'hr', component: () => import('@/views/labor/hr/index.vue'),
        meta: { permission: 'labor:jobs:match' } },
      { path: 'labor/progress', name: 'recruit-progress', component: () => import('@/views/labor/progress/index.vue'),
        meta: { permission: 'labor:applications:list' } },
      { path: 'labor/seekers/:id(\\d+)/jobs', name: 'seeker-jobs', component: () => import('@/views/labor/recommend/index.vue'),
        meta: { permission: 'labor:seekers:match' } },
      { path: 'dashboard', name: 'dashboard', component: () => import('@/views/dashboard/index.vue'),
        meta: { permission: 'indicators:report:read' } },
      { path: 'import', name: 'import', component: () => import('@/views/import/index.vue') },
      { path: 'report', name: 'report', component: () => import('@/views/report/index.vue'),
        meta: { permission: 'indicators:report:read' } },
      { path: 'admin/users', name: 'users', component: () => import('@/views/admin/users/index.vue'),
        meta: { permission: 'admin:users:admin' } },
      { path: 'admin/reveal-grants', name: 'reveal-grants', component: () => import('@/views/admin/reveal-grants/index.vue'),
        meta: { permission: 'admin:users:admin' } },
      { path: 'admin/roles', name: 'roles', component: () => import('@/views/admin/roles/index.vue'),
        meta: { permission: 'admin:roles:admin' } },
      { path: 'admin/audit', name: 'audit', component: () => import('@/views/admin/audit/index.vue'),
        meta: { permission: 'admin:audit:admin' } },
      { path: 'messages/outbox', name: 'outbox', component: () => import('@/views/messages/outbox/index.vue'),
        meta: { permission: 'messages:outbox:read' } },
      { path: 'admin/dictionaries', name: 'dictionaries', component: () => import('@/views/admin/dictionaries/index.vue'),
        meta: { permission: 'admin:dictionaries:admin' } },
      { path: 'password', name: 'password', component: () => import('@/views/password/index.vue') },
      { path: 'totp', name: 'totp', component: () => import('@/views/totp/index.vue') },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('@/views/home/NotFound.vue') },
    ],
  },
]

// The list permission of the route's ledger, or null when the server declares no such ledger.
async function ledgerPermission(to: RouteLocationNormalized): Promise<string | null> {
  const meta = useMetaStore()
  await meta.load()
  const ledger = meta.ledger(String(to.params.ledger))
  return ledger && ledger.module === to.params.module ? ledgerListPermission(ledger) : null
}

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const auth = useAuthStore()
  if (!auth.user && !(await auth.restore())) {
    return { name: 'login', query: { redirect: to.fullPath } }
  }
  // A forced password change (or required TOTP enrolment) comes before every other page.
  if (auth.setupPage && to.name !== auth.setupPage) return { name: auth.setupPage }
  const permission = to.name === 'ledger' ? await ledgerPermission(to) : (to.meta.permission as string | undefined)
  if (permission === null) {
    return { name: 'not-found', params: { rest: to.path.split('/').filter(Boolean) }, query: to.query, hash: to.hash }
  }
  if (permission && !auth.can(permission)) return { name: 'home' }
  return true
})
