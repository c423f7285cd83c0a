// 应聘人员: who applied to a job, named (the applications list names a seeker by record id only).
import { http } from '@/api/http'
import type { JobApplicants } from './types'

export function applicantsOf(jobId: number): Promise<JobApplicants> {
  return http.get<JobApplicants>(`/api/v1/labor/jobs/${jobId}/applicants`)
}
