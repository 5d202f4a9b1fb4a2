import type { Issue } from '../errors'
import { issue } from './issue'
import { HOURS_PER_WORKING_DAY } from './model'
import type { ProcedureDefinition, ProcessingTime, Step } from './procedure-definition.generated'

/**
 * Upper bound of a processing time in working hours: sameDay ≈ 1 working day, calendar days N ≤ N working
 * days; `none` has no bound.
 */
export function timeLimitHours(time: ProcessingTime): number | undefined {
  switch (time.kind) {
    case 'workingDays':
    case 'calendarDays':
      return time.days * HOURS_PER_WORKING_DAY
    case 'workingHours':
      return time.hours
    case 'sameDay':
      return HOURS_PER_WORKING_DAY
    case 'none':
      return undefined
  }
}

/** Sum of the step budgets in working hours. */
export const budgetHours = (steps: readonly Step[]): number =>
  steps.reduce((sum, { budget }) => {
    if (!budget) return sum
    return sum + (budget.kind === 'workingDays' ? budget.days * HOURS_PER_WORKING_DAY : budget.hours)
  }, 0)

/** The step budgets fit the total processing time, for the base definition and for each case. */
export function checkBudget(def: ProcedureDefinition): Issue[] {
  const issues: Issue[] = []
  const check = (steps: Step[], time: ProcessingTime, path: string) => {
    const limit = timeLimitHours(time)
    const used = budgetHours(steps)
    // Compare in minutes, rounded, so 0.1-day fractions do not fail on floating-point dust.
    if (limit === undefined || Math.round(used * 60) <= Math.round(limit * 60)) return
    issues.push(
      issue(
        'budget.exceedsTotal',
        path,
        `Tổng thời gian các bước (${used} giờ làm việc) vượt thời hạn giải quyết (${limit} giờ làm việc)`,
        `The step budgets add up to ${used} working hours, more than the processing time (${limit} working hours)`,
        { budgetHours: used, limitHours: limit },
      ),
    )
  }
  check(def.steps, def.processingTime, '/steps')
  def.cases?.forEach((procedureCase, i) => {
    if (procedureCase.steps) {
      check(procedureCase.steps, procedureCase.processingTime ?? def.processingTime, `/cases/${i}/steps`)
    } else if (procedureCase.processingTime) {
      check(def.steps, procedureCase.processingTime, `/cases/${i}/processingTime`)
    }
  })
  return issues
}
