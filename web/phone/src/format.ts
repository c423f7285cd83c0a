// Wording for the phone page: money as a villager reads a wage (元 with thousands separators,
// never 万元 as the console's formatAmount shows ledger amounts), errors in plain Chinese.
import { ApiError } from '@/api/http'

/** Whole fen → "5,100元" (cents only when there are any). */
export function yuan(fen: number): string {
  const whole = Math.floor(fen / 100).toLocaleString('en-US')
  return fen % 100 === 0 ? `${whole}元` : `${whole}.${String(fen % 100).padStart(2, '0')}元`
}

/** "月薪 5,100元" or "月薪 5,100–6,000元"; a max of 0/null or equal to min is no range. */
export function monthlyWage(minFen: number, maxFen?: number | null): string {
  return maxFen && maxFen > minFen ? `月薪 ${yuan(minFen)}–${yuan(maxFen)}` : `月薪 ${yuan(minFen)}`
}

/** What to tell the seeker about a failed call: the server's Chinese message, or the network's. */
export function failureText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return '网络不通，请检查手机信号后重试'
    return e.messageZh || `出错了（${e.status}），请稍后重试`
  }
  return '出错了，请稍后重试'
}
