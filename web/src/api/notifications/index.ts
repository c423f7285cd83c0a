import { http } from '../http'
import type { NoticePage } from './types'

/** The account's own notices, unread first, with the unread count. */
export const listNotifications = (page = 1, pageSize = 20) =>
  http.get<NoticePage>(`/api/v1/notifications?${new URLSearchParams({ page: String(page), page_size: String(pageSize) })}`)
export const readNotification = (id: number) => http.post<{ ok: boolean }>(`/api/v1/notifications/${id}/read`)
export const readAllNotifications = () => http.post<{ marked: number }>('/api/v1/notifications/read_all')
