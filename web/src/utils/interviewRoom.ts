// Where a record of the applications ledger opens its remote interview room (远程面试): for an
// employer's HR account (owner scope "employers"), while the interview is scheduled as a video
// interview. Others have no room to enter (the server refuses them too).
import type { LedgerRecord } from '@/api/ledger/types'

export function interviewRoomPath(ledger: string, row: LedgerRecord, ownerLedger: string | undefined): string | null {
  if (ledger !== 'applications' || ownerLedger !== 'employers') return null
  if (row.status !== 'interview_scheduled' || row.interview_mode !== 'video') return null
  return `/interview/${row.id}`
}
