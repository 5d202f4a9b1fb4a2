import type { RuleChannel, StepBudget } from '@motcua/core'

/** `POST /api/admin/test-run`'s body (runtime/src/routes/test-run.ts). */
export interface TestRunRequest {
  definition: unknown
  /** ISO date-time with its offset. */
  start: string
  unitCode?: string
  data?: Record<string, unknown>
  channel?: RuleChannel
}

export interface DayOff {
  date: string
  name: string
  kind: 'holiday' | 'weekend' | 'makeUp'
}

/** Its answer, dates as ISO strings. */
export interface TestRunResult {
  case: string | null
  total: { kind: string; value: number | string | null; due: string | null }
  steps: {
    key: string
    name: string
    role: string
    budget: StepBudget | null
    from: string
    due: string | null
    daysOff: DayOff[]
  }[]
  provisional: boolean
}

/** A step's days off as shown: the holidays and make-up days by name, the weekend days counted. */
export function summarizeDaysOff(daysOff: DayOff[]): { named: DayOff[]; weekends: number } {
  return {
    named: daysOff.filter((d) => d.kind !== 'weekend'),
    weekends: daysOff.filter((d) => d.kind === 'weekend').length,
  }
}
