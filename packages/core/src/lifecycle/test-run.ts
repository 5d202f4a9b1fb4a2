import { actionTargets } from '../definition/decision-actions'
import { effectiveProcessingTime, effectiveSteps, selectCase } from '../definition/evaluate'
import type { ProcedureDefinition, Step, StepBudget } from '../definition/procedure-definition.generated'
import type { RuleContext } from '../definition/rule-context'
import type { ResolvedCalendar } from '../time/calendar'
import { computeDue, stepDueDates } from '../time/due'
import { formatDate, localDay, weekday } from '../time/local-time'
import type { Duration } from '../time/types'

/** A day a step's time passes over that is not an ordinary working day. */
export interface DayOff {
  /** YYYY-MM-DD, Vietnam time. */
  date: string
  /** The holiday's name, or the weekday's ("Thứ bảy"); for a make-up day, its name. */
  name: string
  /** `holiday` (ngày nghỉ lễ, nghỉ bù), `weekend` (a weekday the office is closed), `makeUp` (ngày làm bù: worked). */
  kind: 'holiday' | 'weekend' | 'makeUp'
}

export interface TestRunStep {
  key: string
  name: string
  role: string
  budget: StepBudget | null
  /** When the step starts: the start of the run for the first, else when the previous step is due. */
  from: Date
  /** Its due time; null when the step has no budget (it takes no time). */
  due: Date | null
  daysOff: DayOff[]
}

/** A dry run of a procedure: its case, its total due time and each step of its main path on a calendar. */
export interface TestRun {
  case: string | null
  total: { kind: string; value: number | string | null; due: Date | null }
  steps: TestRunStep[]
}

const weekdayNames = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy']

/** The days between two instants (their local dates included) that are not ordinary working days. */
export function daysOffBetween(calendar: ResolvedCalendar, from: Date, to: Date): DayOff[] {
  const days: DayOff[] = []
  for (let day = localDay(from.getTime()); day <= localDay(to.getTime()); day++) {
    const holiday = calendar.holidays.get(day)
    const makeUp = calendar.makeUpDays.get(day)
    if (holiday !== undefined) days.push({ date: formatDate(day), name: holiday, kind: 'holiday' })
    else if (makeUp !== undefined) days.push({ date: formatDate(day), name: makeUp, kind: 'makeUp' })
    else if ((calendar.officeHours[weekday(day)]?.length ?? 0) === 0)
      days.push({ date: formatDate(day), name: weekdayNames[weekday(day)]!, kind: 'weekend' })
  }
  return days
}

/**
 * The main path of a step list: from the first step, each step's first action that leads to another step, until a
 * step whose actions lead to no other step (or back to one already walked).
 */
export function mainPath(steps: Step[]): Step[] {
  const byKey = new Map(steps.map((s) => [s.key, s]))
  const path: Step[] = []
  for (let step = steps[0]; step && !path.includes(step); ) {
    path.push(step)
    const next = step.actions
      .flatMap((action, i) => actionTargets(action, `/${i}`))
      .find(({ to }) => byKey.has(to) && to !== step!.key)
    step = next ? byKey.get(next.to) : undefined
  }
  return path
}

const amountOf = (time: Duration): number | string | null => {
  switch (time.kind) {
    case 'workingDays':
    case 'calendarDays':
      return time.days
    case 'workingHours':
      return time.hours
    case 'sameDay':
      return time.cutoff
    default:
      return null
  }
}

/**
 * Walks a (validated) definition as a dossier received at `start` would go, on a unit's working calendar: the case
 * its form data selects, the total due time as the desk computes it at reception (`computeDue`), and the steps of
 * the main path chained as the desk chains them (`stepDueDates`: a step starts when the previous one is due), each
 * with the days off it crosses — so a 3-working-day step started on the Friday before Tết shows Tết in its way.
 * @example testRun(def, calendar, new Date('2026-02-13T10:00:00+07:00')).steps[1]?.daysOff // [{ date: '2026-02-14', name: 'Thứ bảy', kind: 'weekend' }, …]
 */
export function testRun(
  def: ProcedureDefinition,
  calendar: ResolvedCalendar,
  start: Date,
  options: { formData?: unknown; context?: RuleContext } = {},
): TestRun {
  const caseKey = selectCase(def, options.formData ?? {}, options.context)?.key ?? null
  const total = effectiveProcessingTime(def, caseKey) as Duration
  const path = mainPath(effectiveSteps(def, caseKey))
  const budgets: Duration[] = path.map((s) => s.budget ?? { kind: 'none' })
  const dues = stepDueDates(calendar, start, budgets)
  let from = start
  const steps = path.map((step, i) => {
    const due = dues[i]!
    const walked: TestRunStep = {
      key: step.key,
      name: step.name,
      role: step.role,
      budget: step.budget ?? null,
      from,
      due,
      daysOff: due ? daysOffBetween(calendar, from, due) : [],
    }
    if (due) from = due
    return walked
  })
  return {
    case: caseKey,
    total: { kind: total.kind, value: amountOf(total), due: computeDue(calendar, start, total) },
    steps,
  }
}
