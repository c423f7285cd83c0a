// What the recruitment pages (招聘工作台, 招聘需求与进度) show of applications: the server's count of
// each job's applications per stage and in all (api/labor/applicationCounts), and the applications
// of the one job opened, both read again for that job after a step on one of its applications.
import { ref } from 'vue'
import { applicationCounts, applicationCountsByJob } from '@/api/labor/applicationCounts'
import type { JobApplicationCounts } from '@/api/labor/applicationCounts/types'
import { ledgerApi } from '@/api/ledger'
import type { LedgerRecord } from '@/api/ledger/types'
import type { Stage } from '@/utils/applicationStages'

// The most applications of one job listed (the server's largest page; a job has tens of openings).
// Its counts are the server's whatever the number.
const kListed = 1000

/** path: the applications ledger's API path (its meta's), once the meta has loaded. */
export function useJobApplications(path: () => string | undefined) {
  const counts = ref(new Map<number, JobApplicationCounts>())
  const opened = ref(0)
  const applications = ref<LedgerRecord[]>([])

  /** Counts the jobs shown (each job's stages and its total). */
  async function countJobs(jobIds: number[]) {
    const p = path()
    if (p) counts.value = await applicationCountsByJob(p, jobIds)
  }

  /** Lists the applications of job `jobId`, newest first; an answer for a job no longer open is dropped. */
  async function openJob(jobId: number) {
    const p = path()
    if (opened.value !== jobId) applications.value = []
    opened.value = jobId
    if (!p) return
    const page = await ledgerApi(p).list({ job_id: jobId, sort: '-id', page_size: kListed })
    if (opened.value === jobId) applications.value = page.items
  }

  /** After a step on an application of job `jobId`: its counts and (if open) its applications again. */
  async function refresh(jobId: number) {
    const p = path()
    if (!p) return
    const [c] = await Promise.all([applicationCounts(p, jobId), opened.value === jobId ? openJob(jobId) : null])
    counts.value = new Map(counts.value).set(jobId, c)
  }

  const stageCount = (jobId: number, stage: Stage) => counts.value.get(jobId)?.stages[stage] ?? 0
  const total = (jobId: number) => counts.value.get(jobId)?.total ?? 0

  return { applications, countJobs, openJob, refresh, stageCount, total }
}
