/** A message of the outbox (短信发件箱): masked in the list, whole once revealed (audited). */
export interface OutboxMessage {
  id: number
  /** 138****5678 in the list; the whole number when revealed */
  mobile: string
  /** the code starred in the list; the whole text when revealed */
  text: string
  purpose: string
  helped_region: string
  helped_region_label: string
  created_at: string
  /** '' = outbox only; 'failed' = the SMS gateway relay gave up (queued and delivered ones are not listed) */
  delivery: '' | 'failed'
}

export interface OutboxPage {
  total: number
  page: number
  page_size: number
  items: OutboxMessage[]
}
