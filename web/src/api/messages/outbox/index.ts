import { http } from '../../http'
import type { OutboxMessage, OutboxPage } from './types'

/** Newest first; mobile ("" = all) finds one number's messages. */
export const listOutbox = (mobile: string, page: number, pageSize: number) =>
  http.get<OutboxPage>(`/api/v1/messages/outbox?${new URLSearchParams({ ...(mobile ? { mobile } : {}), page: String(page), page_size: String(pageSize) })}`)
/** One message whole (needs messages:outbox:reveal; audited). */
export const revealOutboxMessage = (id: number) => http.get<OutboxMessage>(`/api/v1/messages/outbox/${id}/reveal`)
