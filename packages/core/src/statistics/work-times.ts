import type { Figures } from './figures'
import type { StatPeriod } from './period'

/**
 * Hours are wall-clock hours between two logged instants (nights, weekends, holidays and the applicant's pauses
 * included): a working-time figure would need each unit's calendar replayed over every stay.
 */
export interface StepTime {
  procedureCode: string
  procedureName: string
  stepKey: string
  stepName: string
  /** How many times a dossier left the step in the period. */
  left: number
  averageHours: number | null
  medianHours: number | null
  /** Of those, how many left after the step's own deadline (set when the dossier entered it). */
  late: number
}

/** How long one unit held the dossiers handed between units (liên thông), over the holds that ended in the period. */
export interface HoldTime {
  unit: { code: string; name: string }
  dossiers: number
  /** Stays between hand-overs (a dossier handed out and back counts twice for the unit that sent it). */
  holds: number
  averageHours: number | null
  medianHours: number | null
}

/** One officer's work on the unit's dossiers in the period. */
export interface OfficerTime {
  username: string
  fullName: string
  /** Actions taken (a hand-over or a counter filing logged beside the action is not counted again). */
  actions: number
  /** Dossiers the officer moved on to another step or to their end. */
  dossiers: number
  /** From the dossier entering its step to the officer's action, on average. */
  averageHours: number | null
  /** Actions taken after the step's own deadline. */
  late: number
}

/** The times of a unit's work in a period, from the event log. */
export interface WorkTimes {
  steps: StepTime[]
  units: HoldTime[]
  officers: OfficerTime[]
}

/** `GET /api/desk/units/:unitCode/statistics`: the leader's statistics of a unit at the desk. */
export interface DeskUnitStatistics extends WorkTimes {
  unit: { code: string; name: string }
  period: StatPeriod
  /** When the figures were read (ISO instant). */
  asOf: string
  figures: Figures
}
