import { http } from '../http'
import type { NoticePage } from './types'

/** The account's own notices, unread first, with the unread count. */
export const listNotifications = (page = 1, pageSize = 20) =>
  http.get<NoticePage>(`/api/v1/notifications?${new URLSearchParams({ page: String(page), page_size: String(pageSize) })}`)
export const readNotification = (id: number) => http.post<{ ok: boolean }>(`/api/v1/notifications/${id}/read`)
export const readAllNotifications = () => http.post<{ marked: number }>('/api/v1/notifications/read_all')
/** The account's own mobile for notices by text message, masked ("" = none). */
export const notificationMobile = () => http.get<{ mobile: string }>('/api/v1/notifications/mobile')
/** Sets it ("" clears it); answers it masked. */
export const setNotificationMobile = (mobile: string) => http.put<{ mobile: string }>('/api/v1/notifications/mobile', { mobile })
