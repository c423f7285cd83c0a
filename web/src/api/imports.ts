// The workbook import: one .xlsx with a sheet per ledger (POST /api/v1/imports) and its template.
import { download, request } from './http'
import { importQuery } from './ledger/importQuery'
import type { ImportChoices, WorkbookReport } from './ledger/types'

export const importsApi = {
  importWorkbook: (file: File, dryRun: boolean, choices?: ImportChoices) => {
    const form = new FormData()
    form.append('file', file, file.name)
    return request<WorkbookReport>('POST', '/api/v1/imports', { body: form, query: importQuery(dryRun, choices) })
  },
  template: () => download('/api/v1/imports/template', undefined, 'template.xlsx'),
  /** Saves an error sheet (a link from an import's report) as the file `name`. */
  errorSheet: (url: string, name: string) => download(url, undefined, name, name),
}
