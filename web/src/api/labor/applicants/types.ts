/**
 * GET /api/v1/labor/jobs/{id}/applicants: one person who applied to the job, as the reader may see
 * them — the name masked (张*明) for an employer's HR, whole for staff; the ID number always masked;
 * never a phone number.
 */
export interface Applicant {
  seeker_id: number
  name: string
  id_number: string
  /** where the person lives, by name (黔南州平塘县卡蒲毛南族乡甲坝村) */
  home: string
}

export interface JobApplicants {
  job_id: number
  applicants: Applicant[]
}
