import { describe, expect, it } from 'vitest'
import { interviewRoomPath } from './interviewRoom'

const scheduled = { id: 7, status: 'interview_scheduled', interview_mode: 'video' }

describe('interviewRoomPath', () => {
  it('opens the room of a scheduled video interview for an employer HR account', () => {
    expect(interviewRoomPath('applications', scheduled, 'employers')).toBe('/interview/7')
  })
  it('offers no room to staff, to other ledgers, before scheduling or for a phone interview', () => {
    expect(interviewRoomPath('applications', scheduled, '')).toBeNull()
    expect(interviewRoomPath('applications', scheduled, 'units')).toBeNull()
    expect(interviewRoomPath('jobs', scheduled, 'employers')).toBeNull()
    expect(interviewRoomPath('applications', { ...scheduled, status: 'applied' }, 'employers')).toBeNull()
    expect(interviewRoomPath('applications', { ...scheduled, interview_mode: 'phone' }, 'employers')).toBeNull()
  })
})
