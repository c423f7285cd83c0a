// Who may open a console page, asked before every navigation: a session (else the login page), a
// forced password change or TOTP enrolment first, a ledger the server declares (else "not found"),
// a page for the kind of account signed in (route meta `owner`, routes.ts: an employer's HR page
// turns staff away and the staff pages an HR account, saying why), and the page's permission. The
// server still checks every call; this keeps a typed-in address from opening a page not made for
// the account.
import type { RouteLocationNormalized } from 'vue-router'
import { i18n } from '@/i18n'
import type { PageOwner } from '@/types/env'
import { useAuthStore } from '@/stores/auth'
import { useMetaStore } from '@/stores/meta'
import { ledgerListPermission } from './menu'
import { ownerFits } from './routes'

// Why a page for accounts of `owner` is closed to this one (i18n keys).
const kNotForAccount: Record<PageOwner, string> = { '': 'access.staffOnly', employers: 'access.employersOnly' }

// The list permission of the route's ledger, or null when the server declares no such ledger.
async function ledgerPermission(to: RouteLocationNormalized): Promise<string | null> {
  const meta = useMetaStore()
  await meta.load()
  const ledger = meta.ledger(String(to.params.ledger))
  return ledger && ledger.module === to.params.module ? ledgerListPermission(ledger) : null
}

export async function accessGuard(to: RouteLocationNormalized) {
  if (to.meta.public) return true
  const auth = useAuthStore()
  if (!auth.user && !(await auth.restore())) {
    return { name: 'login', query: { redirect: to.fullPath } }
  }
  // A forced password change (or required TOTP enrolment) comes before every other page.
  if (auth.setupPage && to.name !== auth.setupPage) return { name: auth.setupPage }
  const owner = to.meta.owner
  if (owner !== undefined && !ownerFits(owner, auth.user?.owner_ledger ?? '')) {
    ElMessage.warning(i18n.global.t(kNotForAccount[owner]))
    return { name: 'home' }
  }
  const permission = to.name === 'ledger' ? await ledgerPermission(to) : to.meta.permission
  if (permission === null) {
    return { name: 'not-found', params: { rest: to.path.split('/').filter(Boolean) }, query: to.query, hash: to.hash }
  }
  if (permission && !auth.can(permission)) return { name: 'home' }
  return true
}
