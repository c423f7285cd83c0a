import { describe, expect, it } from 'vitest'
import { countsByJob, stageOf } from './applicationStages'

describe('application stages', () => {
  it('puts each open state in its stage and ended ones in none', () => {
    expect(stageOf('applied')).toBe('applied')
    expect(stageOf('passed')).toBe('interview')
    expect(stageOf('accepted')).toBe('hired')
    expect(stageOf('placed')).toBe('placed')
    for (const ended of ['failed', 'no_show', 'declined', 'withdrawn', undefined]) expect(stageOf(ended)).toBeNull()
  })

  it('counts per job', () => {
    const rows = [
      { id: 1, job_id: 7, status: 'applied' },
      { id: 2, job_id: 7, status: 'interview_scheduled' },
      { id: 3, job_id: 7, status: 'offered' },
      { id: 4, job_id: 9, status: 'placed' },
      { id: 5, job_id: 9, status: 'withdrawn' },
      { id: 6, job_id: 11, status: 'failed' },
    ]
    const counts = countsByJob(rows)
    expect(counts.get(7)).toEqual({ applied: 1, interview: 1, hired: 1, placed: 0 })
    expect(counts.get(9)).toEqual({ applied: 0, interview: 0, hired: 0, placed: 1 })
    expect(counts.has(11)).toBe(false)
  })
})
