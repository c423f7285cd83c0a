// The query of an import request (a ledger's /import or the workbook's /api/v1/imports).
import type { ImportChoices } from './types'

export function importQuery(dryRun: boolean, choices?: ImportChoices): Record<string, string | number | undefined> {
  return {
    dry_run: dryRun ? 1 : undefined,
    skip_invalid: choices?.skipInvalid ? 1 : undefined,
    already_stored: choices && choices.alreadyStored !== 'refuse' ? choices.alreadyStored : undefined,
  }
}
