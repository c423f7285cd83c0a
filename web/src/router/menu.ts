// The side menu. Its ledger groups are the server's (/api/v1/meta/ledgers "menu", declared in
// src/domain/ledger/ledger_menu.cc): business areas in order, each with its ledgers; a ledger's
// route mirrors its API path (/api/v1/<module>/<ledger> → /<module>/<ledger>). Only the pages
// that are not ledgers are listed here: the dashboard first, the report and the system pages last.
import type { Component } from 'vue'
import {
  Briefcase, ChatDotRound, Coin, Connection, DataAnalysis, Document, Flag, Histogram, Setting, Upload, User, Van,
} from '@element-plus/icons-vue'
import type { LedgerMeta, MenuGroupMeta } from '@/api/meta/types'
import { ownerFits, pageOwner } from './routes'

/** The icons a server's menu group may name; an unknown key gets the document icon. */
const icons: Record<string, Component> = { Briefcase, Coin, Connection, Flag, Histogram, User, Van }

export interface MenuItem {
  path: string
  /** the shown title (already in the current language) */
  title: string
}

export interface MenuGroup {
  key: string
  title: string
  icon: Component
  /** one entry shown directly under the group's title, without a sub-menu */
  flat: boolean
  items: MenuItem[]
}

/** A page that is not a ledger: route path, i18n title key, permission. */
interface Page {
  path: string
  title: string
  /** the permission it needs, or `ledger:<action>`: that action on any one ledger. Who the page is
   *  for (an employer's HR, staff) is its route's `owner` (routes.ts), which the guard reads too. */
  permission: string
}

interface PageGroup {
  key: string
  title: string
  icon: Component
  flat: boolean
  pages: Page[]
}

const before: PageGroup[] = [
  { key: 'dashboard', title: 'menu.dashboard', icon: DataAnalysis, flat: true,
    pages: [{ path: '/dashboard', title: 'menu.dashboard', permission: 'indicators:report:read' }] },
]

const after: PageGroup[] = [
  // The recruitment pages: an employer's HR works its own jobs; staff of both sides follow every open job.
  { key: 'hr', title: 'menu.hr', icon: Briefcase, flat: true,
    pages: [{ path: '/labor/hr', title: 'menu.hr', permission: 'labor:jobs:match' }] },
  { key: 'progress', title: 'menu.recruitProgress', icon: Briefcase, flat: true,
    pages: [{ path: '/labor/progress', title: 'menu.recruitProgress', permission: 'labor:applications:list' }] },
  // One workbook of many ledgers; the server checks each sheet's import permission.
  { key: 'import', title: 'menu.import', icon: Upload, flat: true,
    pages: [{ path: '/import', title: 'menu.import', permission: 'ledger:import' }] },
  { key: 'report', title: 'menu.report', icon: Document, flat: true,
    pages: [{ path: '/report', title: 'menu.report', permission: 'indicators:report:read' }] },
  // Staff (a village cadre reading a code to a villager), not administrators, read the outbox.
  { key: 'outbox', title: 'menu.outbox', icon: ChatDotRound, flat: true,
    pages: [{ path: '/messages/outbox', title: 'menu.outbox', permission: 'messages:outbox:read' }] },
  { key: 'system', title: 'menu.system', icon: Setting, flat: false,
    pages: [
      { path: '/admin/users', title: 'menu.users', permission: 'admin:users:admin' },
      { path: '/admin/reveal-grants', title: 'menu.revealGrants', permission: 'admin:users:admin' },
      { path: '/admin/roles', title: 'menu.roles', permission: 'admin:roles:admin' },
      { path: '/admin/audit', title: 'menu.audit', permission: 'admin:audit:admin' },
      { path: '/admin/dictionaries', title: 'menu.dictionaries', permission: 'admin:dictionaries:admin' },
    ] },
]

export const ledgerPath = (l: LedgerMeta) => `/${l.module}/${l.name}`
export const ledgerListPermission = (l: LedgerMeta) => `${l.module}:${l.name}:list`

export interface MenuInput {
  ledgers: LedgerMeta[]
  menu: MenuGroupMeta[]
  can: (permission: string) => boolean
  /** the ledger of the record owning the account ('employers'), '' for staff */
  ownerLedger?: string
  /** i18n: a key's text */
  t: (key: string) => string
  /** a server label ({label_zh, label_en}) in the current language */
  label: (x: { label_zh: string; label_en: string }) => string
}

/** The menu the user sees: groups with at least one item the user may open, in order. */
export function buildMenu({ ledgers, menu, can, ownerLedger = '', t, label }: MenuInput): MenuGroup[] {
  const byName = new Map(ledgers.map((l) => [l.name, l]))
  const mayOpen = (p: Page) => {
    if (!ownerFits(pageOwner(p.path), ownerLedger)) return false
    const action = p.permission.startsWith('ledger:') ? p.permission.slice('ledger:'.length) : ''
    return action ? ledgers.some((l) => can(`${l.module}:${l.name}:${action}`)) : can(p.permission)
  }
  const pages = (g: PageGroup): MenuGroup => ({
    key: g.key, title: t(g.title), icon: g.icon, flat: g.flat,
    items: g.pages.filter(mayOpen).map((p) => ({ path: p.path, title: t(p.title) })),
  })
  const ledgerGroups = menu.map((g): MenuGroup => ({
    key: g.key, title: label(g), icon: icons[g.icon] ?? Document, flat: g.flat,
    items: g.ledgers
      .map((name) => byName.get(name))
      .filter((l): l is LedgerMeta => !!l && can(ledgerListPermission(l)))
      .map((l) => ({ path: ledgerPath(l), title: label(l) })),
  }))
  return [...before.map(pages), ...ledgerGroups, ...after.map(pages)].filter((g) => g.items.length > 0)
}

/** The ledgers in menu order (the landing page opens the first the user may list). */
export function ledgersInMenuOrder(ledgers: LedgerMeta[], menu: MenuGroupMeta[]): LedgerMeta[] {
  const byName = new Map(ledgers.map((l) => [l.name, l]))
  return menu.flatMap((g) => g.ledgers.map((n) => byName.get(n)).filter((l): l is LedgerMeta => !!l))
}
