import { errorFields, log } from './log'

export interface FailureBurst {
  /** Counts a failed run; logs only the first of a burst. Returns whether it logged. */
  failed(error: unknown, fields?: Record<string, unknown>): boolean
  /** Ends a burst: logs once that the loop recovered, and how many runs failed. */
  succeeded(fields?: Record<string, unknown>): void
}

/**
 * The log of a background loop that runs every few seconds (outbox, sweeps, schedules): while the database is
 * down every run fails, and one line per run would bury the log. This logs the first failure of a burst and the
 * recovery after it.
 * @example const failures = failureBurst('outbox run failed'); run().then(() => failures.succeeded(), failures.failed)
 */
export function failureBurst(msg: string): FailureBurst {
  let failures = 0
  return {
    failed(error, fields = {}) {
      if (failures++ > 0) return false
      log(msg, { ...fields, ...errorFields(error) }, 'error')
      return true
    },
    succeeded(fields = {}) {
      if (failures > 0) log(`${msg}: recovered`, { ...fields, failedRuns: failures })
      failures = 0
    },
  }
}
