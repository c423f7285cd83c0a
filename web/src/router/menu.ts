// The side menu, by business area as clerks know it. A ledger entry's route mirrors its API
// path (/api/v1/<module>/<ledger> → /<module>/<ledger>); its title comes from the meta.
import type { Component } from 'vue'
import {
  Briefcase, Coin, DataAnalysis, Document, Flag, Histogram, Setting, User, Connection,
} from '@element-plus/icons-vue'

export interface LedgerEntry {
  module: string
  ledger: string
}

export interface MenuGroup {
  key: string
  /** i18n key of the group title */
  title: string
  icon: Component
  /** one entry shown directly under the group's title, without a sub-menu */
  flat?: boolean
  ledgers?: LedgerEntry[]
  /** non-ledger pages: route path, i18n title key, permission */
  pages?: { path: string; title: string; permission: string }[]
}

const L = (module: string, ledger: string): LedgerEntry => ({ module, ledger })

export const menu: MenuGroup[] = [
  { key: 'dashboard', title: 'menu.dashboard', icon: DataAnalysis, flat: true,
    pages: [{ path: '/dashboard', title: 'menu.dashboard', permission: 'indicators:report:read' }] },
  { key: 'forces', title: 'menu.forces', icon: Connection,
    ledgers: [L('exchange', 'visits'), L('exchange', 'meetings'), L('exchange', 'agreements'),
      L('talent', 'secondments'), L('talent', 'trainings')] },
  { key: 'pairing', title: 'menu.pairing', icon: Coin,
    ledgers: [L('pairing', 'pairs'), L('pairing', 'units'), L('pairing', 'pairings'), L('funds', 'funds')] },
  { key: 'modes', title: 'menu.modes', icon: Briefcase,
    ledgers: [L('needs', 'needs'), L('projects', 'projects'), L('projects', 'milestones'), L('projects', 'outcomes')] },
  { key: 'priorities', title: 'menu.priorities', icon: Flag, ledgers: [L('investment', 'investments')] },
  { key: 'people', title: 'menu.people', icon: User, flat: true, ledgers: [L('people', 'people')] },
  { key: 'targets', title: 'menu.targets', icon: Histogram, flat: true, ledgers: [L('targets', 'targets')] },
  { key: 'report', title: 'menu.report', icon: Document, flat: true,
    pages: [{ path: '/report', title: 'menu.report', permission: 'indicators:report:read' }] },
  { key: 'system', title: 'menu.system', icon: Setting,
    pages: [
      { path: '/admin/users', title: 'menu.users', permission: 'admin:users:admin' },
      { path: '/admin/roles', title: 'menu.roles', permission: 'admin:roles:admin' },
      { path: '/admin/audit', title: 'menu.audit', permission: 'admin:audit:admin' },
      { path: '/admin/dictionaries', title: 'menu.dictionaries', permission: 'admin:dictionaries:admin' },
    ] },
]

export const allLedgerEntries: LedgerEntry[] = menu.flatMap((g) => g.ledgers ?? [])
