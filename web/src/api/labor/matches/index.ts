// 就业推荐: the jobs recommended to a seeker (staff) and the people recommended for a job (staff,
// and an employer's HR for its own jobs, who see them masked). The server scopes both answers.
import { http } from '@/api/http'
import type { JobMatches, SeekerMatches } from './types'

export function jobsForSeeker(seekerId: number, top = 10): Promise<JobMatches> {
  return http.get<JobMatches>(`/api/v1/labor/seekers/${seekerId}/matches`, { top })
}

export function seekersForJob(jobId: number, top = 10): Promise<SeekerMatches> {
  return http.get<SeekerMatches>(`/api/v1/labor/jobs/${jobId}/matches`, { top })
}
