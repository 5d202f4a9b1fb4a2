import { showNumber } from '../ajv/text'
import type { Issue } from '../errors'
import { isRecord, issue } from './issue'
import { HOURS_PER_WORKING_DAY } from './model'
import type { ProcedureDefinition, ProcessingTime, Step, StepBudget } from './procedure-definition.generated'
import { allSound, items, type Soundness } from './well-formed'

// How the kinds compare (FORMAT.md, "Steps and budgets"): 1 working day = 8 working hours, and 1 calendar day
// counts as 1 working day, the most working time a calendar day can hold, so a step list that passes never needs
// more working time than the total allows; whether calendar-day steps fit over weekends and holidays is the
// calendar's question, not this check's.

/** The unit a total is written in, and so the unit the sum of the steps is shown in. */
type Unit = 'workingDays' | 'workingHours' | 'calendarDays'

const unitNames: Record<Unit, { vi: string; en: string }> = {
  workingDays: { vi: 'ngày làm việc', en: 'working days' },
  workingHours: { vi: 'giờ làm việc', en: 'working hours' },
  calendarDays: { vi: 'ngày', en: 'calendar days' },
}

/** A total's limit in its own unit; `none` has none, a same-day time is one working day (8 working hours). */
function limitOf(time: ProcessingTime): { value: number; unit: Unit; sameDay?: true } | undefined {
  switch (time.kind) {
    case 'workingDays':
    case 'calendarDays':
      return { value: time.days, unit: time.kind }
    case 'workingHours':
      return { value: time.hours, unit: 'workingHours' }
    case 'sameDay':
      return { value: HOURS_PER_WORKING_DAY, unit: 'workingHours', sameDay: true }
    default:
      return undefined
  }
}

/** A total's limit in working hours (a calendar day counted as a working day); none for `none`. */
export function timeLimitHours(time: ProcessingTime): number | undefined {
  const limit = limitOf(time)
  return limit && (limit.unit === 'workingHours' ? limit.value : limit.value * HOURS_PER_WORKING_DAY)
}

/** A step budget in working hours (a calendar day counted as a working day). */
export const budgetHours = (budget: StepBudget): number =>
  budget.kind === 'workingHours' ? budget.hours : budget.days * HOURS_PER_WORKING_DAY

const amount = (value: number, unit: Unit, locale: 'vi' | 'en') =>
  `${showNumber(Math.round(value * 100) / 100, locale)} ${unitNames[unit][locale]}`

const budgetText = (budget: StepBudget, locale: 'vi' | 'en') =>
  budget.kind === 'workingHours'
    ? amount(budget.hours, 'workingHours', locale)
    : amount(budget.days, budget.kind, locale)

/**
 * The step budgets fit the total processing time, for the base definition and for each case. The message gives
 * both numbers in the total's unit (working days, working hours or days), the steps that count, and how budgets of
 * another kind were converted.
 */
export function checkBudget(def: ProcedureDefinition, sound: Soundness = allSound): Issue[] {
  const issues: Issue[] = []
  const check = (
    stepsPath: string,
    steps: Step[],
    time: ProcessingTime,
    timePath: string,
    path: string,
    name?: string,
  ) => {
    if (!sound(timePath) || steps.some((_, i) => !sound(`${stepsPath}/${i}/budget`))) return
    const limit = limitOf(time)
    const budgeted = steps
      .filter((step) => isRecord(step) && isRecord(step.budget))
      .map((step) => [step, step.budget!] as const)
    if (!limit || budgeted.length === 0) return
    const usedHours = budgeted.reduce((sum, [, budget]) => sum + budgetHours(budget), 0)
    const limitHours = limit.unit === 'workingHours' ? limit.value : limit.value * HOURS_PER_WORKING_DAY
    // Compare in minutes, rounded, so 0.1-day fractions do not fail on floating-point dust.
    if (Math.round(usedHours * 60) <= Math.round(limitHours * 60)) return
    const used = limit.unit === 'workingHours' ? usedHours : usedHours / HOURS_PER_WORKING_DAY
    const kinds = new Set(budgeted.map(([, budget]) => budget.kind))
    const mixed = kinds.size > 1 || !kinds.has(limit.unit)
    const total = (locale: 'vi' | 'en') =>
      limit.sameDay
        ? locale === 'vi'
          ? 'thời hạn giải quyết trong ngày (tính là 8 giờ làm việc)'
          : 'the same-day processing time (counted as 8 working hours)'
        : locale === 'vi'
          ? `thời hạn giải quyết ${amount(limit.value, limit.unit, 'vi')}`
          : `the processing time of ${amount(limit.value, limit.unit, 'en')}`
    const parts = (locale: 'vi' | 'en') =>
      budgeted.map(([step, budget]) => `${step.key} ${budgetText(budget, locale)}`).join(' + ')
    const calendar = kinds.has('calendarDays') || limit.unit === 'calendarDays'
    const conversion = mixed
      ? {
          vi: ` Quy đổi: 1 ngày làm việc = 8 giờ làm việc${calendar ? '; 1 ngày theo lịch tính như 1 ngày làm việc (mức thời gian làm việc tối đa của một ngày)' : ''}.`,
          en: ` Converted at 1 working day = 8 working hours${calendar ? '; a calendar day counts as a working day (the most working time a day can hold)' : ''}.`,
        }
      : { vi: '', en: '' }
    const where = name ? { vi: `Trường hợp “${name}”: `, en: `Case “${name}”: ` } : { vi: '', en: '' }
    issues.push(
      issue(
        'budget.exceedsTotal',
        path,
        `${where.vi}Tổng thời hạn các bước là ${amount(used, limit.unit, 'vi')} (${parts('vi')}), vượt ${total('vi')}.${conversion.vi} Hãy rút ngắn thời hạn của các bước hoặc sửa thời hạn giải quyết.`,
        `${where.en}The step budgets add up to ${amount(used, limit.unit, 'en')} (${parts('en')}), more than ${total('en')}.${conversion.en} Shorten the steps or change the processing time.`,
        { budget: used, limit: limit.value, unit: limit.unit, budgetHours: usedHours, limitHours },
      ),
    )
  }
  if (Array.isArray(def.steps)) check('/steps', def.steps, def.processingTime, '/processingTime', '/steps')
  items(def.cases).forEach((procedureCase, i) => {
    if (!isRecord(procedureCase)) return
    const { steps, processingTime, name } = procedureCase as {
      steps?: Step[]
      processingTime?: ProcessingTime
      name?: string
    }
    const caseName = typeof name === 'string' ? name : undefined
    const timePath = processingTime ? `/cases/${i}/processingTime` : '/processingTime'
    const time = processingTime ?? def.processingTime
    if (Array.isArray(steps)) check(`/cases/${i}/steps`, steps, time, timePath, `/cases/${i}/steps`, caseName)
    else if (processingTime && Array.isArray(def.steps))
      check('/steps', def.steps, time, timePath, `/cases/${i}/processingTime`, caseName)
  })
  return issues
}
