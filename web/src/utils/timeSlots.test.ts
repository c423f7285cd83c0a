import { describe, expect, it } from 'vitest'
import { timeSlots } from './timeSlots'

describe('interview time slots', () => {
  it('are back to back half hours ending by the last time', () => {
    const slots = timeSlots('08:00', '10:00')
    expect(slots).toEqual(['08:00-08:30', '08:30-09:00', '09:00-09:30', '09:30-10:00'])
  })
  it('drop a slot that would run past the end', () => {
    expect(timeSlots('09:00', '10:10', 45)).toEqual(['09:00-09:45'])
  })
  it('cover the working day by default', () => {
    const slots = timeSlots()
    expect(slots[0]).toBe('08:00-08:30')
    expect(slots.at(-1)).toBe('19:30-20:00')
  })
})
