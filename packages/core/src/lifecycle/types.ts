import type { ActionInput, ActionType, Decisions, InputSchema } from '../definition'

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
  /** The officer's answers to actions that asked for input, by action key (absent = none yet). */
  decisions?: Decisions
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
  /** The answers to the action's own `input` schema (officer decisions). */
  input?: Record<string, unknown>
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
  /** What the officer must enter (a JSON Schema the desk renders with @rjsf), and its UI schema. */
  input?: InputSchema
  inputUi?: Record<string, unknown>
  /** The officer's input chooses the dossier's case (and so its processing time). */
  setsCase?: boolean
  /** It may be taken on many dossiers at once (ký duyệt hàng loạt). */
  bulk?: boolean
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
