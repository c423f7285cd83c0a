// The job seeker's routes (/api/v1/auth/otp/*, /api/v1/labor/me/*) as typed calls, through the
// console's one fetch wrapper (web/src/api/http.ts: CSRF header on writes, ApiError with the
// server's Chinese message). Field names follow the seeker routes' contract (TASK "seeker").
import { http, setCsrfToken } from '@/api/http'

export interface Me {
  person_id: number
  name: string
  mobile: string
  region_name: string
  /** null when the person is not (yet) in the labour ledger. */
  seeker_id: number | null
  seeking_status_label: string | null
  needs_confirmation: boolean
  /** The session's CSRF token, for this page's writes: any tab with the cookie reads it here. */
  csrf_token: string
}

export interface Reason {
  zh: string
  en: string
}

export interface JobCard {
  job_id: number
  title: string
  employer: string
  place: string
  wage_min_fen: number
  wage_max_fen: number
  reasons: Reason[]
}

export interface JobDetail {
  id: number
  title: string
  employer_name: string
  employer_verified: boolean
  work_region_name: string | null
  work_address: string | null
  wage_min_fen: number
  wage_max_fen: number | null
  wage_composition: string | null
  working_hours: string | null
  rest_days: string | null
  social_insurance_label: string | null
  board: boolean
  lodging: boolean
  /** The shifts as the job states them (today the working-hours text itself). */
  shifts: string | null
  headcount: number | null
  start_date: string | null
  description: string | null
  requirements: string[]
  applied: number | null
}

export type SeekerAction = 'accept_time' | 'decline_time' | 'accept_offer' | 'decline_offer' | 'withdraw'

export interface Application {
  id: number
  version: number
  job_id: number
  job_title: string
  employer_name: string
  status: string
  status_label: string
  applied_date: string
  interview_date: string | null
  interview_time: string | null
  interview_mode_label: string | null
  interview_answer: 'accepted' | 'declined' | null
  /** Why the seeker asked for another time (kept when the application went back to applied). */
  time_decline_reason: string | null
  interview_phone: string | null
  interview_link: string | null
  room_path: string | null
  offer_wage_fen: number | null
  offer_start_date: string | null
  start_date: string | null
  actions: SeekerAction[]
}

export const api = {
  requestCode: (mobile: string) => http.post<{ sent: boolean; expires_in: number }>('/api/v1/auth/otp/request', { mobile }, undefined, true),
  // The session starts here (its cookie); its CSRF token the page takes from the profile (me).
  async verifyCode(mobile: string, code: string) {
    await http.post('/api/v1/auth/otp/verify', { mobile, code }, undefined, true)
  },
  async logout() {
    try {
      await http.post('/api/v1/auth/logout')
    } finally {
      setCsrfToken('')
    }
  },
  /** The profile; the session's CSRF token in it becomes this page's for every write. */
  async me() {
    const profile = await http.get<Me>('/api/v1/labor/me')
    setCsrfToken(profile.csrf_token)
    return profile
  },
  confirm: () => http.post<Me>('/api/v1/labor/me/confirm'),
  jobs: (top: number) => http.get<{ jobs: JobCard[] }>('/api/v1/labor/me/jobs', { top }),
  job: (id: number) => http.get<JobDetail>(`/api/v1/labor/me/jobs/${id}`),
  report: (jobId: number, reason: string, detail: string) => http.post(`/api/v1/labor/me/jobs/${jobId}/report`, { reason, detail }),
  apply: (jobId: number) => http.post<Application>('/api/v1/labor/me/applications', { job_id: jobId }),
  applications: () => http.get<{ items: Application[] }>('/api/v1/labor/me/applications'),
  step: (a: Application, action: SeekerAction, reason?: string) =>
    http.post<Application>(`/api/v1/labor/me/applications/${a.id}/${action}`, { version: a.version, ...(reason ? { reason } : {}) }),
}
