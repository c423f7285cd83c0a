// The remote interview room of an application (远程面试). Used under a staff session (an
// employer's HR) and under a job seeker's one-time-code session alike, so a 401 is the page's to
// explain (no redirect to the staff login).
import { request } from '@/api/http'
import type { InterviewRoom } from './types'

export function getInterviewRoom(applicationId: number): Promise<InterviewRoom> {
  return request<InterviewRoom>('GET', `/api/v1/labor/applications/${applicationId}/room`, { noAuthRedirect: true })
}

/** The ws:// or wss:// URL of the room's signalling relay, on this page's own origin. */
export function signalUrl(room: InterviewRoom, location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${room.signal_path}`
}
