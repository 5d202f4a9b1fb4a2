/**
 * What the statistics rollup counts for one month, unit and procedure (the columns of `dossier_stat_months`); sums
 * of these over months and units are what every figure is made of.
 */
export interface StatCounters {
  receivedCounter: number
  receivedOnline: number
  receivedPost: number
  resolvedEarly: number
  resolvedOnTime: number
  resolvedLate: number
  refused: number
  withdrawn: number
  stopped: number
  /** Received dossiers that ended without a result. */
  closed: number
  /** Received dossiers whose deadline passed while they were open. */
  fellDue: number
  /** Of those, the ones resolved or closed (after the deadline). */
  leftOverdue: number
  usedSeconds: number
  allowedSeconds: number
  /** Resolved dossiers with a deadline. */
  timed: number
  timedUsedSeconds: number
}

export const counterKeys = [
  'receivedCounter',
  'receivedOnline',
  'receivedPost',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'refused',
  'withdrawn',
  'stopped',
  'closed',
  'fellDue',
  'leftOverdue',
  'usedSeconds',
  'allowedSeconds',
  'timed',
  'timedUsedSeconds',
] as const satisfies readonly (keyof StatCounters)[]

export const zeroCounters = (): StatCounters => ({
  receivedCounter: 0,
  receivedOnline: 0,
  receivedPost: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  refused: 0,
  withdrawn: 0,
  stopped: 0,
  closed: 0,
  fellDue: 0,
  leftOverdue: 0,
  usedSeconds: 0,
  allowedSeconds: 0,
  timed: 0,
  timedUsedSeconds: 0,
})

/** Adds `b` into `a` (mutates and returns `a`). */
export function addCounters(a: StatCounters, b: Partial<StatCounters>): StatCounters {
  for (const k of counterKeys) a[k] += b[k] ?? 0
  return a
}

/** Received, resolved and closed in a set of counters: received − resolved − closed is what stays in progress. */
export const balanceOf = (c: StatCounters): number =>
  c.receivedCounter + c.receivedOnline + c.receivedPost - c.resolvedEarly - c.resolvedOnTime - c.resolvedLate - c.closed
