// Fields whose form control, form value or display a ledger's meta cannot say by type alone, by
// ledger and field key. Everything not listed here is generated from the field's type (form.ts,
// FieldInput.vue).
import type { Component } from 'vue'
import type { LedgerRecord } from '@/api/ledger/types'
import type { FormModel, Rule, Translate } from '@/utils/form'
import { targetsFields } from './targets'

export interface CustomField {
  /** the form control, given FieldInput's props and the whole form as `model` */
  input?: Component
  /** the stored value (not empty) as the form holds it */
  toForm?(record: LedgerRecord): string | number | null
  /** the form's value (not empty) as the body sends it */
  toPayload?(model: FormModel): unknown
  /** a table cell or history line for this record */
  display?(record: Record<string, unknown>, zh: boolean): string
  /** client rules instead of the type's (the required rule stays) */
  rules?(t: Translate): Rule[]
  /** the list column's least width in px, when display's text is wider than the type's column */
  minWidth?: number
}

const kCustom: Record<string, Record<string, CustomField>> = { targets: targetsFields }

export function customField(ledger: string | undefined, key: string): CustomField | undefined {
  return ledger ? kCustom[ledger]?.[key] : undefined
}
