import type { StageCounts } from '@/utils/applicationStages'

/** A job's applications as the server counts them in the reader's scope. */
export interface JobApplicationCounts {
  /** how many stand in each stage now */
  stages: StageCounts
  /** how many there are, whatever their state (ended ones too) */
  total: number
}
