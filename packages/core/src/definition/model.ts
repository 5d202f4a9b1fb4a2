import type { ActionType } from './procedure-definition.generated'

/** Terminal outcomes an action may lead to, with the public status (trạng thái) each ends in. */
export const terminalOutcomes = {
  $returned: 10,
  $refused: 3,
  $withdrawn: 7,
  $stopped: 8,
} as const

export type TerminalOutcome = keyof typeof terminalOutcomes

/**
 * Whether an action target is a terminal outcome rather than a step key.
 * @example isTerminalOutcome('$returned') // true
 */
export const isTerminalOutcome = (to: string): to is TerminalOutcome => Object.hasOwn(terminalOutcomes, to)

/** Action types that end the dossier, each in exactly one terminal outcome. */
export const terminalActionOutcome: Partial<Record<ActionType, TerminalOutcome>> = {
  return: '$returned',
  refuse: '$refused',
  withdraw: '$withdrawn',
  stop: '$stopped',
}

/** Action types that keep the dossier at its step (the tracks beside the status): no `to`. */
export const stayingActionTypes: readonly ActionType[] = [
  'requestSupplement',
  'requestPayment',
  'confirmPayment',
  'extend',
]

/**
 * Public statuses a step may show. 1 (Mới đăng ký) only on the first step, where online dossiers wait;
 * 5 and 6 are set by the runtime while a supplement or payment request is open; 3, 7, 8 and 10 are
 * terminal outcomes, never steps.
 */
export const firstStepStatuses: readonly number[] = [1, 2, 4]
export const stepStatuses: readonly number[] = [2, 4, 9]

/** 1 working day = 8 working hours, for budget arithmetic. */
export const HOURS_PER_WORKING_DAY = 8

/**
 * Another unit a definition names (schema `definitions/unitRef`): `"receiving"` = where the dossier was received;
 * `{ up: level }` = the nearest unit of that level above the dossier's resolving unit; `{ code }` = a fixed unit.
 * Where optional, absent means the dossier's resolving unit.
 */
export type UnitRef = 'receiving' | { up: string } | { code: string }
