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
 * moving it by the working time the clock was stopped (`dueAfterResume`), an apology's new date replacing it.
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
  for (const event of history.events) {
    if (event.toStep !== event.fromStep && event.toStep === history.currentStep) entered = event.at
    if (event.action === 'extend') dueAt = dateIn(event.data, 'newDueAt') ?? dueAt
    if (event.action === 'acceptSupplement') {
      const pausedFrom = dateIn(event.data, 'pausedFrom')
      if (dueAt && pausedFrom) dueAt = dueAfterResume(calendar, dueAt, pausedFrom, event.at)
    }
    if (event.action === 'requestSupplement') entered = null
  }
  const budget = effectiveSteps(definition, history.caseKey).find((s) => s.key === history.currentStep)?.budget
  const stepDueAt = entered && budget ? stepDueDates(calendar, entered, [budget])[0]! : null
  return { dueAt, stepDueAt }
}
