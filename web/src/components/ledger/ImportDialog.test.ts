import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { LedgerApi } from '@/api/ledger'
import type { ImportChoices, ImportReport } from '@/api/ledger/types'
import type { FieldMeta, LedgerMeta } from '@/api/meta/types'
import { i18n, setLocale } from '@/i18n'
import { openDialog } from './dialogTesting'
import ImportDialog from './ImportDialog.vue'
import { canImport, errorRows, errorSheetName, fileStem, outcomeOf, previewRows } from './importFlow'

const f = (key: string, label_zh: string, type: FieldMeta['type'], options: FieldMeta['options'] = []): FieldMeta => ({
  key, label_zh, label_en: key, type, required: false, computed: false, sensitive: false, searchable: false,
  ref_ledger: '', hint_zh: '', options,
})
const visits: LedgerMeta = {
  name: 'visits', module: 'exchange', label_zh: '交流互访', label_en: 'Visits', path: '/api/v1/exchange/visits',
  date_field: 'start_date', natural_key: '', pair_scoped: true,
  fields: [f('title', '互访事由', 'text'), f('direction', '方向', 'enum', [{ code: 'to_helped', label_zh: '东部→西部', label_en: 'east to west' }]),
    f('person_times', '人次', 'integer')],
}
const report = (over: Partial<ImportReport>): ImportReport => ({
  rows: 3, valid_count: 2, invalid_count: 1, stored: 0, already_stored: 0, stored_refused: 0, updated: 0, dry_run: true,
  errors: [{ row: 4, field: '人次', message_zh: '须为整数', message_en: 'must be a whole number' }],
  preview: [{ id: 0, pair: '440111-522727', pair_label: '广州市白云区—黔南州平塘县', title: '对接考察', direction: 'to_helped', person_times: 5 }],
  error_sheet: '/api/v1/imports/tok/errors.xlsx', ...over,
})
const choices = (over: Partial<ImportChoices> = {}): ImportChoices => ({ skipInvalid: false, alreadyStored: 'refuse', ...over })

describe('the import flow', () => {
  it('imports a file with bad rows only when the clerk chose to skip them and rows remain', () => {
    expect(canImport(report({}), choices())).toBe(false)
    expect(canImport(report({}), choices({ skipInvalid: true }))).toBe(true)
    expect(canImport(report({ valid_count: 0, invalid_count: 3 }), choices({ skipInvalid: true }))).toBe(false)
    expect(canImport(report({ invalid_count: 0 }), choices())).toBe(true)
    expect(canImport(report({ rows: 0, valid_count: 0, invalid_count: 0 }), choices())).toBe(false)
  })

  it('refuses a file with rows stored already, not counted as bad, until they are skipped', () => {
    const again = report({ valid_count: 0, invalid_count: 0, already_stored: 3, stored_refused: 3 })
    expect(canImport(again, choices())).toBe(false)
    expect(canImport({ ...again, valid_count: 3, stored_refused: 0 }, choices({ alreadyStored: 'skip' }))).toBe(true)
  })

  it('shows bad rows with the column label and the preview with option labels and the pair by name', () => {
    const rows = errorRows(report({}).errors, () => visits.fields, (x) => x.key, (e) => e.message_en)
    expect(rows).toEqual([{ sheet: '', row: 4, column: 'person_times', reason: 'must be a whole number', stored: false }])
    expect(previewRows(visits, report({}).preview!, true)).toEqual([
      { pair: '广州市白云区—黔南州平塘县', title: '对接考察', direction: '东部→西部', person_times: '5' },
    ])
  })
})

describe('what an import does with each row', () => {
  // The tester's file: 6 rows, 4 valid of which 2 stored already, 2 bad; both kinds skipped.
  const tested = report({ rows: 6, valid_count: 4, invalid_count: 2, already_stored: 2 })
  const skipping = choices({ skipInvalid: true, alreadyStored: 'skip' })

  it('counts a row left as stored as skipped, not as written, though the server counts it valid', () => {
    expect(outcomeOf(tested, skipping, true)).toEqual(
      { added: 2, updated: 0, skippedStored: 2, skippedInvalid: 2, refusedStored: 0, refusedInvalid: 0 })
    // After the import the records added are the server's own count.
    expect(outcomeOf({ ...tested, stored: 2 }, skipping, false).added).toBe(2)
  })

  it('names the rows that stop the import until the clerk skips or updates them', () => {
    const again = report({ rows: 3, valid_count: 1, invalid_count: 1, already_stored: 1, stored_refused: 1 })
    expect(outcomeOf(again, choices(), true)).toEqual(
      { added: 1, updated: 0, skippedStored: 0, skippedInvalid: 0, refusedStored: 1, refusedInvalid: 1 })
    // Skipping the bad rows skips the refused stored ones with them, counted as stored already.
    expect(outcomeOf(again, choices({ skipInvalid: true }), true)).toMatchObject({ skippedStored: 1, skippedInvalid: 1 })
    const updating = report({ rows: 3, valid_count: 3, invalid_count: 0, already_stored: 2, updated: 2 })
    expect(outcomeOf(updating, choices({ alreadyStored: 'update' }), true)).toMatchObject({ added: 1, updated: 2, skippedStored: 0 })
  })
})

describe('the error sheet download', () => {
  it('is named after what was imported and the day, as the list exports are', () => {
    expect(errorSheetName('交流互访', '有误的行', new Date(2026, 11, 2))).toBe('交流互访-有误的行-2026-12-02.xlsx')
    expect(errorSheetName(fileStem('平塘县台账.2026.xlsx'), '有误的行', new Date(2026, 0, 9))).toBe('平塘县台账.2026-有误的行-2026-01-09.xlsx')
  })
})

describe('the import flow in words', () => {
  it('shows money to store in 万元, as the list does', () => {
    const funds: LedgerMeta = { ...visits, name: 'funds', fields: [f('amount_fen', '金额（元）', 'money_fen')] }
    expect(previewRows(funds, [{ id: 0, pair: '440111-522727', pair_label: '广州市白云区—黔南州平塘县', amount_fen: 50_000_000 }], true))
      .toEqual([{ pair: '广州市白云区—黔南州平塘县', amount_fen: '50.00万元' }])
  })

  it('counts rows in English as one row or several', () => {
    const t = i18n.global.t
    setLocale('en')
    try {
      expect(t('import.summary', { rows: 1, parts: '1 to store' }, 1)).toBe('1 row: 1 to store')
      expect(t('import.summary', { rows: 2, parts: '1 to store' }, 2)).toBe('2 rows: 1 to store')
      expect(t('workbook.alreadyStored', { n: 1 }, 1)).toMatch(/^1 row already stored/)
      expect(t('import.done', { n: 1 }, 1)).toBe('1 record imported')
      expect(t('import.done', { n: 3 }, 3)).toBe('3 records imported')
    } finally {
      setLocale('zh-CN')
    }
  })
})

describe('ImportDialog', () => {
  it('checks the picked file, previews it, and imports with "skip the bad rows" once chosen', async () => {
    // 6 rows: 2 to store, 2 stored already (skipped as the server's default here), 2 bad.
    const checked = { rows: 6, valid_count: 4, invalid_count: 2, already_stored: 2 }
    const importFile = vi.fn(async (_f: File, dryRun: boolean, _p?: string, c?: ImportChoices) =>
      dryRun ? report(checked) : report({ ...checked, dry_run: false, stored: c?.skipInvalid ? 2 : 0 }))
    const w = await openDialog(ImportDialog, { meta: visits, api: { importFile, template: vi.fn() } as unknown as LedgerApi, defaultPair: '' })
    const input = document.body.querySelector('[data-test=import-file]') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'visits.xlsx')] })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    expect(importFile).toHaveBeenLastCalledWith(expect.any(File), true, undefined, choices())
    expect(document.body.querySelectorAll('[data-test=import-preview] .el-table__row').length).toBe(1)
    expect(document.body.querySelector('[data-test=error-sheet]')?.tagName).toBe('BUTTON')
    const summary = () => document.body.querySelector('[data-test=import-summary]')?.textContent ?? ''
    expect(summary()).toContain('共 6 行：将写入 2 行，跳过已存储的行 2 行，2 行有问题（须改正，或选择跳过）')
    const confirm = () => document.body.querySelector('[data-test=import-confirm]') as HTMLButtonElement
    expect(confirm().disabled).toBe(true)

    ;(document.body.querySelector('[data-test=skip-invalid] input') as HTMLInputElement).click()
    await flushPromises()
    expect(importFile).toHaveBeenLastCalledWith(expect.any(File), true, undefined, choices({ skipInvalid: true }))
    expect(confirm().disabled).toBe(false)
    expect(summary()).toContain('共 6 行：将写入 2 行，跳过已存储的行 2 行，跳过有问题的行 2 行')
    confirm().click()
    await flushPromises()
    // The message after the import says what the server wrote and what it left out, and why.
    expect(document.body.querySelector('.el-message')?.textContent).toContain('已导入 2 条；跳过已存储的行 2 行，跳过有问题的行 2 行')
    expect(importFile).toHaveBeenLastCalledWith(expect.any(File), false, undefined, choices({ skipInvalid: true }))
    expect(w.emitted('imported')).toEqual([[2]])
    w.unmount()
  })

  // The tester's steps: choose the file, then click 检查 as step 2 says. Choosing checks already,
  // so the click sends nothing more; only after a check that failed does it check again.
  it('sends one dry run for choosing a file and clicking 检查, and checks again after a failed check', async () => {
    let fail = false
    const importFile = vi.fn(async () => {
      if (fail) throw new Error('offline')
      return report({ invalid_count: 0, errors: [] })
    })
    const w = await openDialog(ImportDialog, { meta: visits, api: { importFile, template: vi.fn() } as unknown as LedgerApi, defaultPair: '' })
    const input = document.body.querySelector('[data-test=import-file]') as HTMLInputElement
    const checkButton = () => document.body.querySelector('[data-test=import-check]') as HTMLButtonElement
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'visits.xlsx')], configurable: true })
    fail = true
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    expect(importFile).toHaveBeenCalledTimes(1)
    expect(document.body.querySelector('[data-test=import-dialog] .el-alert')?.textContent).toContain('offline')
    fail = false
    checkButton().click()
    await flushPromises()
    expect(importFile).toHaveBeenCalledTimes(2)
    expect(document.body.querySelector('[data-test=import-summary]')).not.toBeNull()
    checkButton().click()
    await flushPromises()
    expect(importFile).toHaveBeenCalledTimes(2)
    w.unmount()
  })
})
