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
 * The due date and the current step's due date a dossier's history gives under a calendar, computed as core's
 * `applyAction` computed them: the case's processing time from reception (`computeDue`), each supplement taken
 * (or a payment confirmed after a request that stopped the clock) moving it by the working time the clock was
 * stopped (`dueAfterResume`), an apology's new date replacing it.
 * The step's due date counts its budget from when the dossier entered the step; past a supplement request it
 * is null (the step's clock was stopped by working time nobody stored).
 * @example replayDue(calendar, definition, { receivedAt, caseKey: null, currentStep: 'xu_ly', events })
 */
export function replayDue(
  calendar: ResolvedCalendar,
  definition: ProcedureDefinition,
  history: DueHistory,
): { dueAt: Date | null; stepDueAt: Date | null } {
  let dueAt = computeDue(calendar, history.receivedAt, effectiveProcessingTime(definition, history.caseKey))
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
    }
    if (event.action === 'requestSupplement' || (event.action === 'requestPayment' && stopsClock(event.data)))
      entered = null
  }
  const budget = steps.find((s) => s.key === history.currentStep)?.budget
  const stepDueAt = entered && budget ? stepDueDates(calendar, entered, [budget])[0]! : null
  return { dueAt, stepDueAt }
}
