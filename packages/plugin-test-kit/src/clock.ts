/** A span of time to move the clock by. */
export interface Duration {
  days?: number
  hours?: number
  minutes?: number
  seconds?: number
  ms?: number
}

/** The runtime's clock in a test: it stands still until the test sets or advances it. */
export interface TestClock {
  /** The time the runtime reads now. */
  now(): Date
  /** Moves the clock to `at` (forwards or backwards). */
  set(at: Date | string): void
  /** Moves the clock forwards by `by`. */
  advance(by: Duration): void
}

const parse = (at: Date | string): Date => {
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) throw new Error(`not a time: ${String(at)}`)
  return date
}

/** A clock standing at `at` (default: the real time now). */
export function createTestClock(at: Date | string = new Date()): TestClock {
  let current = parse(at)
  return {
    now: () => new Date(current),
    set(to) {
      current = parse(to)
    },
    advance({ days = 0, hours = 0, minutes = 0, seconds = 0, ms = 0 }) {
      current = new Date(current.getTime() + (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + ms)
    },
  }
}
