// The stages a job's applications are counted in on the recruitment pages (招聘工作台, 招聘需求与进度):
// where each application stands now, by its workflow state (src/domain/labor/applications_ledger.cc).
// Ended applications (面试未通过, 未到面试, 谢绝录用, 撤回) count in no stage. The counting itself is
// the server's (api/labor/applicationCounts).

export type Stage = 'applied' | 'interview' | 'hired' | 'placed'

export const kStages: Stage[] = ['applied', 'interview', 'hired', 'placed']

/** The workflow states that stand in each stage (the others have ended). */
export const kStageOfState: Readonly<Record<string, Stage>> = {
  applied: 'applied',
  interview_scheduled: 'interview',
  passed: 'interview',
  offered: 'hired',
  accepted: 'hired',
  placed: 'placed',
}

export type StageCounts = Record<Stage, number>

export const noCounts = (): StageCounts => ({ applied: 0, interview: 0, hired: 0, placed: 0 })
