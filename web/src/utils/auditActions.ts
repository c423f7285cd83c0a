// The audit log's actions as people read them. The server writes a closed set of action
// names (auditActions.test.ts derives it from the C++ sources and checks each is here with a
// Chinese and an English label), plus one per workflow transition (claim, deliver, …), which
// are labelled by their ledger's declaration.
import type { LedgerMeta } from '@/api/meta/types'
import { label } from '@/i18n'

export const kAuditActions = [
  'create', 'update', 'delete', 'import', 'import_dry_run', 'import_refused', 'export', 'reveal', 'sensitive_query',
  'attach', 'detach', 'login', 'login_failed', 'login_disabled', 'logout', 'lockout', 'unlock', 'password_change', 'password_reset',
  'totp_begin', 'totp_enrol', 'totp_reset', 'user_add', 'user_update', 'role_add', 'role_update', 'role_delete',
  'dictionary_update', 'permission_denied', 'csrf_refused', 'audit_export', 'key_match', 'disclosure_quota_exceeded',
  'evidence_read', 'reveal_grant_request', 'reveal_grant_approve', 'reveal_grant_refuse', 'reveal_grant_withdraw',
  'otp_requested', 'message_send_failed', 'otp_login', 'otp_failed', 'interview_room', 'interview_join', 'account_mobile',
] as const

/** Every action the filter offers: the fixed ones, then each transition name once. */
export function auditActionChoices(ledgers: LedgerMeta[]): string[] {
  const out: string[] = [...kAuditActions]
  for (const l of ledgers)
    for (const tr of l.workflow?.transitions ?? []) if (!out.includes(tr.name)) out.push(tr.name)
  return out
}

/**
 * The action's label: the console's own (history.action.*), else the transition's label from
 * the first ledger declaring it, else the name itself.
 */
export function auditActionLabel(action: string, t: (key: string) => string, te: (key: string) => boolean,
  ledgers: LedgerMeta[]): string {
  if (te(`history.action.${action}`)) return t(`history.action.${action}`)
  for (const l of ledgers) {
    const tr = l.workflow?.transitions.find((x) => x.name === action)
    if (tr) return label(tr)
  }
  return action
}
