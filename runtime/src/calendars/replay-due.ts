import {
  computeDue,
  dueAfterResume,
  effectiveProcessingTime,
  effectiveSteps,
  type ProcedureDefinition,
  type ResolvedCalendar,
  stepDueDates,
} from '@motcua/core'

/** What of a dossier its due dates follow from: its reception, its case, and the logged events after. */
export interface DueHistory {
  receivedAt: Date
  caseKey: string | null
  currentStep: string | null
  /** The dossier's events in order (only those that move a deadline or enter a step are needed). */
  events: { action: string; at: Date; fromStep: string | null; toStep: string | null; data: unknown }[]
}

const dateIn = (data: unknown, key: string): Date | undefined => {
  const value = (data as Record<string, unknown> | null)?.[key]
  return typeof value === 'string' || value instanceof Date ? new Date(value) : undefined
}

/**
 * The times a dossier's clock stopped and started again, oldest first: each supplement taken and each payment
 * confirmed after a request that stopped the clock (their events keep `pausedFrom`).
 * @example clockStopsOf(events) // [{ from: <supplement requested>, to: <supplement taken> }]
 */
export function clockStopsOf(events: DueHistory['events']): { from: Date; to: Date }[] {
  return events.flatMap((event) => {
    if (event.action !== 'acceptSupplement' && event.action !== 'confirmPayment') return []
    const from = dateIn(event.data, 'pausedFrom')
    return from ? [{ from, to: event.at }] : []
  })
}

const caseChangeOf = (data: unknown): { from: string | null; to: string | null } | undefined => {
  const change = (data as { caseChange?: { from?: unknown; to?: unknown } } | null)?.caseChange
  return change ? { from: (change.from as string | null) ?? null, to: (change.to as string | null) ?? null } : undefined
}

/**
 * The due date and the current step's due date a dossier's history gives under a calendar, computed as core's
 * `applyAction` computed them: the case's processing time from reception (`computeDue`), each supplement taken
 * (or a payment confirmed after a request that stopped the clock) moving it by the working time the clock was
 * stopped (`dueAfterResume`), an apology's new date replacing it, an officer's choice of case computing it again
 * from reception with that case's time and the stops so far.
 * The step's due date counts its budget from when the dossier entered the step; past a supplement request it
 * is null (the step's clock was stopped by working time nobody stored).
 * @example replayDue(calendar, definition, { receivedAt, caseKey: null, currentStep: 'xu_ly', events })
 */
export function replayDue(
  calendar: ResolvedCalendar,
  definition: ProcedureDefinition,
  history: DueHistory,
): { dueAt: Date | null; stepDueAt: Date | null } {
  // the case at reception: the one the first change of case left, or the dossier's own
  const firstChange = history.events.map((e) => caseChangeOf(e.data)).find(Boolean)
  const dueUnder = (caseKey: string | null) =>
    computeDue(calendar, history.receivedAt, effectiveProcessingTime(definition, caseKey))
  let dueAt = dueUnder(firstChange ? firstChange.from : history.caseKey)
  const stops: { from: Date; to: Date }[] = []
  let entered: Date | null = null
  const steps = effectiveSteps(definition, history.caseKey)
  const stopsClock = (data: unknown) => {
    const key = (data as { actionKey?: unknown } | null)?.actionKey
    return steps.some((s) => s.actions.some((a) => a.key === key && a.type === 'requestPayment' && a.pausesClock))
  }
  for (const event of history.events) {
    if (event.toStep !== event.fromStep && event.toStep === history.currentStep) entered = event.at
    if (event.action === 'extend') dueAt = dateIn(event.data, 'newDueAt') ?? dueAt
    // taking a supplement, or confirming a payment that stopped the clock, moves the due date by the time stopped
    if (event.action === 'acceptSupplement' || event.action === 'confirmPayment') {
      const pausedFrom = dateIn(event.data, 'pausedFrom')
      if (dueAt && pausedFrom) dueAt = dueAfterResume(calendar, dueAt, pausedFrom, event.at)
      if (pausedFrom) stops.push({ from: pausedFrom, to: event.at })
    }
    const change = caseChangeOf(event.data)
    if (change && event.at >= history.receivedAt) {
      dueAt = stops.reduce<Date | null>(
        (due, stop) => (due ? dueAfterResume(calendar, due, stop.from, stop.to) : null),
        dueUnder(change.to),
      )
    }
    if (event.action === 'requestSupplement' || (event.action === 'requestPayment' && stopsClock(event.data)))
      entered = null
  }
  const budget = steps.find((s) => s.key === history.currentStep)?.budget
  const stepDueAt = entered && budget ? stepDueDates(calendar, entered, [budget])[0]! : null
  return { dueAt, stepDueAt }
}
