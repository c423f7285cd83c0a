// The one refusal of a reversed date range when a page is asked to search or export with it: the
// range field (DateRangeInput) already says why beside itself; this says it again where the
// button was pressed, and the page goes no further.
import { isReversedRange, type DateRange } from './dates'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** Whether a search or export may run with `range`; a reversed one is refused with a warning. */
export function rangeUsable(range: DateRange | null | undefined, t: Translate): boolean {
  if (!isReversedRange(range)) return true
  ElMessage.warning(t('list.endBeforeStart', { start: range?.[0] }))
  return false
}
