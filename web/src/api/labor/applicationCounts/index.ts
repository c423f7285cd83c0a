// How many applications a job has at each stage and in all (招聘工作台, 招聘需求与进度), from the
// server's list totals: one count per workflow state that stands in a stage, and one of every
// application to the job (ended ones too). Nothing is counted in the browser, so a job with more
// applications than one page holds is counted right, and each count is the reader's scope's.
import { ledgerApi } from '@/api/ledger'
import { kStageOfState, noCounts } from '@/utils/applicationStages'
import type { JobApplicationCounts } from './types'

/** The counts of the job `jobId`, over the applications ledger at `path` (its meta's). */
export async function applicationCounts(path: string, jobId: number): Promise<JobApplicationCounts> {
  const applications = ledgerApi(path)
  const count = async (status?: string) => (await applications.list({ job_id: jobId, status, page_size: 1 })).total
  const states = Object.entries(kStageOfState)
  const [total, ...ofState] = await Promise.all([count(), ...states.map(([state]) => count(state))])
  const stages = noCounts()
  states.forEach(([, stage], i) => (stages[stage] += ofState[i]))
  return { stages, total }
}

/** The counts of each of the jobs `jobIds`, by job id. */
export async function applicationCountsByJob(path: string, jobIds: number[]): Promise<Map<number, JobApplicationCounts>> {
  const counts = await Promise.all(jobIds.map((id) => applicationCounts(path, id)))
  return new Map(jobIds.map((id, i) => [id, counts[i]]))
}
