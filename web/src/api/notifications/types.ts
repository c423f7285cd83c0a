/** A notice to the signed-in account (即时联系): a new job matching people of its villages, an interview reminder. */
export interface Notice {
  id: number
  /** new_job | interview_day_before | interview_hour_before */
  kind: string
  text_zh: string
  text_en: string
  /** the record it is about */
  ledger: string
  record_id: number
  /** where the console opens it: /labor/jobs, /interview/12 */
  link: string
  created_at: string
  /** null while unread */
  read_at: string | null
}

export interface NoticePage {
  total: number
  unread: number
  page: number
  page_size: number
  /** unread first, then newest first */
  items: Notice[]
}
