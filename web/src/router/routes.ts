// The console's routes: one lazily loaded chunk per page. Ledger pages share LedgerPage on one
// route, /<module>/<ledger> (a bookmark names the ledger like the API does), valid for the ledgers
// the server declares (/api/v1/meta/ledgers): any other module/ledger pair is "not found". Static
// paths (/admin/users …) rank above it. A page's meta says who may open it (guard.ts): its
// `permission`, and its `owner`, the kind of account it is for — 'employers' an employer's HR
// account, '' staff (an account of no organisation), absent any account; the side menu reads the
// same owner (menu.ts).
import type { RouteRecordRaw } from 'vue-router'
import type { PageOwner } from '@/types/env'

export const routes: RouteRecordRaw[] = [
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
        meta: { permission: 'labor:jobs:match', owner: 'employers' } },
      { path: 'labor/progress', name: 'recruit-progress', component: () => import('@/views/labor/progress/index.vue'),
        meta: { permission: 'labor:applications:list', owner: '' } },
      { path: 'labor/seekers/:id(\\d+)/jobs', name: 'seeker-jobs', component: () => import('@/views/labor/recommend/index.vue'),
        meta: { permission: 'labor:seekers:match', owner: '' } },
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


/** The owner rule of the console page at `path` ('/labor/hr'), undefined when it has none. */
export function pageOwner(path: string): PageOwner | undefined {
  const frame = routes.find((r) => r.path === '/')
  return frame?.children?.find((r) => `/${r.path}` === path)?.meta?.owner
}

/** Whether a page for accounts of `owner` opens for an account owned by a record of `ownerLedger`
 *  ('' for an account of no organisation): the one rule of the guard and the menu. */
export function ownerFits(owner: PageOwner | undefined, ownerLedger: string): boolean {
  return owner === undefined || owner === ownerLedger
}
