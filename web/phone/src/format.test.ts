import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { failureText, monthlyWage, yuan } from './format'

describe('phone page wording', () => {
  it('shows a wage in 元 with separators, never 万元', () => {
    expect(yuan(510000)).toBe('5,100元')
    expect(yuan(1200000)).toBe('12,000元')
    expect(yuan(12345)).toBe('123.45元')
    expect(yuan(12305)).toBe('123.05元')
  })
  it('shows a range only when there is a higher top', () => {
    expect(monthlyWage(520000, 600000)).toBe('月薪 5,200元–6,000元')
    expect(monthlyWage(520000, null)).toBe('月薪 5,200元')
    expect(monthlyWage(520000, 520000)).toBe('月薪 5,200元')
  })
  it('tells a failure in Chinese: the server\'s message, or the network', () => {
    expect(failureText(new ApiError(401, 'unauthenticated', '验证码错误或已失效', 'wrong code'))).toBe('验证码错误或已失效')
    expect(failureText(new ApiError(0, 'network', '无法连接服务器', 'cannot reach the server'))).toBe('网络不通，请检查手机信号后重试')
    expect(failureText(new ApiError(502, 'http', '', ''))).toBe('出错了（502），请稍后重试')
    expect(failureText(new Error('x'))).toBe('出错了，请稍后重试')
  })
})
