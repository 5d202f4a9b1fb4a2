import type { ActionInput, ActionType } from '../definition'

/** The part of a dossier its lifecycle changes; everything here is derived from stored timestamps. */
export interface DossierState {
  /** Public status 1–10. */
  status: number
  /** The workflow step; null once the dossier has ended. */
  currentStep: string | null
  caseKey: string | null
  receivedAt: Date | null
  dueAt: Date | null
  /** Set while the clock is stopped: a supplement request (status 5) or a payment request with `pausesClock` (6). */
  pausedAt: Date | null
  /** When the result was ready (status 9) or the dossier otherwise finished processing. */
  doneAt: Date | null
  returnedAt: Date | null
}

/** Built-in actions every procedure has, beside those its steps define. */
export type BuiltInActionType = 'acceptSupplement' | 'completeConsultation'

/** What an officer supplies with an action. */
export interface ActionInputs {
  reason?: string
  note?: string
  missingItems?: string[]
  newDueAt?: Date
  deliveryMethod?: 'counter' | 'post' | 'online'
  amount?: number
}

/** An action the dossier allows now, as the desk lists it. */
export interface AvailableAction {
  key: string
  type: ActionType | BuiltInActionType
  label: string
  /** The roles that may take it (for the dossier's unit). */
  roles: string[]
  requires: ActionInput[]
  /** Target step key or terminal outcome; absent for actions that keep the step. */
  to?: string
}

/** The event an action writes to the log (the process control slip). */
export interface TransitionEvent {
  action: ActionType | BuiltInActionType
  actionKey: string
  label: string
  fromStep: string | null
  toStep: string | null
  fromStatus: number
  toStatus: number
  note: string | null
  stepDueAt: Date | null
  data: Record<string, unknown>
}
