import type { ProcessingTime, StepBudget } from '@motcua/core'

/** 1 working day = 8 working hours; a calendar day counts as one working day (as the validator compares). */
const HOURS_PER_DAY = 8

export type TimeUnit = 'workingDays' | 'workingHours' | 'calendarDays'

/** The sum of a step list's budgets beside the total processing time, in the total's unit. */
export interface BudgetSummary {
  /** The sum, in `unit`. */
  used: number
  /** The total's limit in `unit`; undefined when the total is `none` or missing. */
  limit?: number
  unit: TimeUnit
  /** Steps with no budget of their own. */
  unbudgeted: number
  exceeds: boolean
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A budget in working hours, or undefined when it is not a well-formed budget. */
export function budgetHours(budget: unknown): number | undefined {
  if (!isRecord(budget)) return undefined
  const value = budget.kind === 'workingHours' ? budget.hours : budget.days
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  if (budget.kind === 'workingHours') return value
  return budget.kind === 'workingDays' || budget.kind === 'calendarDays' ? value * HOURS_PER_DAY : undefined
}

function limitOf(total: unknown): { value: number; unit: TimeUnit } | undefined {
  if (!isRecord(total)) return undefined
  if ((total.kind === 'workingDays' || total.kind === 'calendarDays') && typeof total.days === 'number')
    return { value: total.days, unit: total.kind }
  if (total.kind === 'workingHours' && typeof total.hours === 'number')
    return { value: total.hours, unit: 'workingHours' }
  if (total.kind === 'sameDay') return { value: HOURS_PER_DAY, unit: 'workingHours' }
  return undefined
}

/**
 * The budgets of `steps` summed in the unit of `total`, and whether they exceed it (compared in minutes, as the
 * validator's `budget.exceedsTotal` does).
 * @example budgetSummary([{ budget: { kind: 'workingHours', hours: 4 } }, { budget: { kind: 'workingDays', days: 1 } }], { kind: 'workingDays', days: 1 })
 *   // { used: 1.5, limit: 1, unit: 'workingDays', unbudgeted: 0, exceeds: true }
 */
export function budgetSummary(steps: { budget?: unknown }[], total: ProcessingTime | unknown): BudgetSummary {
  const limit = limitOf(total)
  const unit = limit?.unit ?? 'workingDays'
  let hours = 0
  let unbudgeted = 0
  for (const step of steps) {
    const h = budgetHours(step.budget)
    if (h === undefined) unbudgeted++
    else hours += h
  }
  const used = unit === 'workingHours' ? hours : hours / HOURS_PER_DAY
  const limitHours = limit && (limit.unit === 'workingHours' ? limit.value : limit.value * HOURS_PER_DAY)
  return {
    used: Math.round(used * 100) / 100,
    ...(limit ? { limit: limit.value } : {}),
    unit,
    unbudgeted,
    exceeds: limitHours !== undefined && Math.round(hours * 60) > Math.round(limitHours * 60),
  }
}

/** A budget's number and unit, for its editor; a missing budget reads as no time. */
export const budgetParts = (budget: StepBudget | undefined): { value: number | undefined; unit: TimeUnit | 'none' } =>
  !budget
    ? { value: undefined, unit: 'none' }
    : budget.kind === 'workingHours'
      ? { value: budget.hours, unit: 'workingHours' }
      : { value: budget.days, unit: budget.kind }

/** A budget from its editor's number and unit; undefined for no time. */
export function budgetFrom(value: number | undefined, unit: TimeUnit | 'none'): StepBudget | undefined {
  if (unit === 'none') return undefined
  const amount = value ?? 1
  return unit === 'workingHours' ? { kind: 'workingHours', hours: amount } : { kind: unit, days: amount }
}
