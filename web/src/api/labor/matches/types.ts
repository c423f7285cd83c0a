/** One reason of a recommendation, in both languages ("月薪比期望高12%" / "wage 12% above expectation"). */
export interface MatchReason {
  zh: string
  en: string
}

/** GET /api/v1/labor/seekers/{id}/matches: a job recommended to the seeker. */
export interface JobMatch {
  job_id: number
  score: number
  title: string
  employer: string
  place: string
  wage_min_fen: number
  wage_max_fen: number
  reasons: MatchReason[]
}

/**
 * GET /api/v1/labor/jobs/{id}/matches: a person recommended for the job. For an employer's HR the
 * name is masked (张*明); the ID number is always masked; no phone number is ever part of it.
 */
export interface SeekerMatch {
  seeker_id: number
  score: number
  name: string
  id_number: string
  home: string
  reasons: MatchReason[]
}

export interface JobMatches {
  seeker_id: number
  /** the day the answer judges (ages, the 90-day confirmation) */
  on: string
  jobs: JobMatch[]
}

export interface SeekerMatches {
  job_id: number
  on: string
  seekers: SeekerMatch[]
}
