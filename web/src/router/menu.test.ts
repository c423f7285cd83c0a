import { describe, expect, it } from 'vitest'
import { Coin, Connection, DataAnalysis, Document } from '@element-plus/icons-vue'
import type { LedgerMeta, MenuGroupMeta } from '@/api/meta/types'
import { buildMenu, ledgersInMenuOrder } from './menu'

const ledger = (module: string, name: string, label_zh: string): LedgerMeta => ({
  name, module, label_zh, label_en: name, path: `/api/v1/${module}/${name}`, date_field: '', natural_key: '',
  pair_scoped: true, fields: [],
})
const ledgers = [ledger('exchange', 'visits', '互访'), ledger('exchange', 'meetings', '会议'),
  ledger('funds', 'funds', '资金'), ledger('people', 'people', '人员')]
const menu: MenuGroupMeta[] = [
  { key: 'forces', label_zh: '两方力量', label_en: 'Both sides', icon: 'Connection', flat: false, ledgers: ['meetings', 'visits'] },
  { key: 'pairing', label_zh: '结对帮扶', label_en: 'Pairing', icon: 'Coin', flat: false, ledgers: ['funds'] },
  { key: 'people', label_zh: '人员库', label_en: 'People', icon: 'NoSuchIcon', flat: true, ledgers: ['people', 'gone'] },
]
const zh = (x: { label_zh: string }) => x.label_zh
const t = (key: string) => `t:${key}`

describe('the side menu from the server’s metadata', () => {
  it('lists the server’s groups and ledgers in its order, between the dashboard and the report', () => {
    const groups = buildMenu({ ledgers, menu, can: () => true, t, label: zh })
    expect(groups.map((g) => g.key)).toEqual(['dashboard', 'forces', 'pairing', 'people', 'progress', 'import', 'report', 'outbox', 'system'])
    expect(groups[1]).toMatchObject({ title: '两方力量', icon: Connection, flat: false,
      items: [{ path: '/exchange/meetings', title: '会议' }, { path: '/exchange/visits', title: '互访' }] })
    expect(groups[2].icon).toBe(Coin)
    expect(groups[0]).toMatchObject({ title: 't:menu.dashboard', icon: DataAnalysis, items: [{ path: '/dashboard' }] })
    // An icon key the console does not know gets the document icon; a ledger the server no longer
    // declares is left out.
    expect(groups[3]).toMatchObject({ icon: Document, flat: true, items: [{ path: '/people/people', title: '人员' }] })
    expect(groups[4]).toMatchObject({ key: 'progress', flat: true, items: [{ path: '/labor/progress' }] })
    expect(groups[5]).toMatchObject({ key: 'import', flat: true, items: [{ path: '/import' }] })
    expect(groups[7]).toMatchObject({ key: 'outbox', flat: true, items: [{ path: '/messages/outbox' }] })
    expect(groups[8].items.map((i) => i.path)).toEqual(['/admin/users', '/admin/reveal-grants', '/admin/roles', '/admin/audit', '/admin/dictionaries'])
  })

  it('shows only what the user may open, and no empty group', () => {
    const can = (p: string) => p === 'exchange:visits:list' || p === 'admin:audit:admin'
    const groups = buildMenu({ ledgers, menu, can, t, label: zh })
    expect(groups.map((g) => [g.key, g.items.map((i) => i.path)])).toEqual([
      ['forces', ['/exchange/visits']],
      ['system', ['/admin/audit']],
    ])
  })

  it('offers the workbook import to whoever may import any one ledger', () => {
    const can = (p: string) => p === 'exchange:visits:list' || p === 'funds:funds:import'
    const groups = buildMenu({ ledgers, menu, can, t, label: zh })
    expect(groups.map((g) => g.key)).toEqual(['forces', 'import'])
  })

  it('offers the 招聘工作台 to an employer\'s HR only, and the staff overview to staff only', () => {
    const can = (p: string) => p === 'labor:jobs:match' || p === 'labor:applications:list'
    const paths = (ownerLedger: string) =>
      buildMenu({ ledgers, menu, can, ownerLedger, t, label: zh }).flatMap((g) => g.items.map((i) => i.path))
    expect(paths('employers')).toEqual(['/labor/hr'])
    expect(paths('')).toEqual(['/labor/progress'])
    expect(paths('suppliers')).toEqual([])
  })

  it('gives the ledgers in menu order for the landing page', () => {
    expect(ledgersInMenuOrder(ledgers, menu).map((l) => l.name)).toEqual(['meetings', 'visits', 'funds', 'people'])
  })
})
