import { describe, expect, it } from 'vitest'
import { ApiError, errorText, errorTextWithDetails } from './http'

describe('errorTextWithDetails', () => {
  const refused = new ApiError(400, 'invalid_argument', '输入有误', 'invalid input', [
    { field: 'region_code', message_zh: '所在地：“甲坝村”可指 2 个地区', message_en: 'Region: "甲坝村" could mean 2 regions' },
  ])
  it("follows the message with each field's reason, in the console's language", () => {
    expect(errorTextWithDetails(refused, 'zh-CN')).toBe('输入有误；所在地：“甲坝村”可指 2 个地区')
    expect(errorTextWithDetails(refused, 'en')).toBe('invalid input; Region: "甲坝村" could mean 2 regions')
  })
  it('is the plain message without details', () => {
    const plain = new ApiError(403, 'permission_denied', '无权', 'denied')
    expect(errorTextWithDetails(plain, 'zh-CN')).toBe(errorText(plain, 'zh-CN'))
  })
})
