/** An RTCIceServer as the server hands it out (TURN entries with time-limited credentials). */
export interface IceServer {
  urls: string[]
  username?: string
  credential?: string
}

/** GET /api/v1/labor/applications/{id}/room: the interview room as one of its two parties sees it. */
export interface InterviewRoom {
  application_id: number
  party: 'employer' | 'seeker'
  iceServers: IceServer[]
  interview_date: string
  interview_time: string
  interview_mode: string
  job_title: string
  employer_name: string
  /** the other side: the seeker masked (张*明) for the employer, the employer by name for the seeker */
  other_party: { role: 'employer' | 'seeker'; name: string }
  /** what to use when video cannot connect; phone is null when this party may not see one (and why) */
  fallback: { phone: string | null; link: string | null; phone_missing_zh?: string; phone_missing_en?: string }
  signal_path: string
}
