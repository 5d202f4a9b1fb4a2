import { balanceOf, type StatCounters } from './counters'

/** Dossiers in progress now, as the desk judges them (core's `classify`, pauses included). */
export interface LiveCounts {
  inTime: number
  overdue: number
  /** Of those in progress, waiting for the applicant: a supplement (status 5) or a payment (status 6). */
  supplement: number
  payment: number
}

/** The figures of one period, for the province, a level, a unit, a field or a procedure. */
export interface Figures {
  /** Received before the period and still in progress when it began (kỳ trước chuyển qua). */
  carriedOver: number
  /** Received in the period (mới tiếp nhận), by channel. */
  received: { counter: number; online: number; post: number; total: number }
  /** Online among those received, 0–1; null when none was received. */
  onlineShare: number | null
  /** Resolved in the period (đã giải quyết), judged by core's one definition of timeliness. */
  resolved: { early: number; onTime: number; late: number; total: number }
  /** Early or on time among those resolved, 0–1; null when none was. */
  onTimeShare: number | null
  /** In progress at the end of the period (đang giải quyết): within time or overdue. */
  inProgress: { inTime: number; overdue: number; total: number }
  /**
   * Waiting for the applicant at the end of the period: known only for a period that reaches today (null otherwise,
   * since the rollup keeps no history of pauses).
   */
  waiting: { supplement: number; payment: number } | null
  /** Ended in the period without a result. */
  refused: number
  withdrawn: number
  stopped: number
  /** Processing time of the dossiers resolved in the period, in days (24 h), against the time the law allowed. */
  time: {
    averageDays: number | null
    medianDays: number | null
    /** The average time allowed, over those with a deadline. */
    legalAverageDays: number | null
    /** The share of the allowed time not used, over those with a deadline (0.4 = 40 % saved); null without any. */
    savedShare: number | null
  }
}

const DAY_SECONDS = 86_400
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)
const days = (seconds: number, n: number): number | null =>
  n > 0 ? Math.round((seconds / n / DAY_SECONDS) * 10) / 10 : null

/**
 * The median of whole days from a histogram of resolved dossiers by days (the rollup's `dossier_stat_days`);
 * null when empty. With an even count, the lower middle.
 * @example medianOf([{ days: 1, resolved: 3 }, { days: 5, resolved: 1 }]) // 1
 */
export function medianOf(histogram: readonly { days: number; resolved: number }[]): number | null {
  const sorted = histogram.filter((h) => h.resolved > 0).sort((a, b) => a.days - b.days)
  const total = sorted.reduce((n, h) => n + h.resolved, 0)
  if (total === 0) return null
  let seen = 0
  for (const h of sorted) {
    seen += h.resolved
    if (seen * 2 >= total) return h.days
  }
  return null
}

/**
 * Figures of a period from the rollup's sums: `carriedOver` (the balance of every month before it), `during` over its months,
 * `overdueAtEnd` (fell due − left overdue over every month up to its end) and, for a period that reaches today,
 * the live counts, which replace the in-progress split the rollup can only approximate.
 */
export function figuresOf(input: {
  carriedOver: number
  during: StatCounters
  overdueAtEnd: number
  medianDays: number | null
  live?: LiveCounts | undefined
}): Figures {
  const { carriedOver, during, live } = input
  const receivedTotal = during.receivedCounter + during.receivedOnline + during.receivedPost
  const resolvedTotal = during.resolvedEarly + during.resolvedOnTime + during.resolvedLate
  const inProgressTotal = carriedOver + balanceOf(during)
  const overdue = live ? live.overdue : input.overdueAtEnd
  return {
    carriedOver,
    received: {
      counter: during.receivedCounter,
      online: during.receivedOnline,
      post: during.receivedPost,
      total: receivedTotal,
    },
    onlineShare: share(during.receivedOnline, receivedTotal),
    resolved: {
      early: during.resolvedEarly,
      onTime: during.resolvedOnTime,
      late: during.resolvedLate,
      total: resolvedTotal,
    },
    onTimeShare: share(during.resolvedEarly + during.resolvedOnTime, resolvedTotal),
    inProgress: live
      ? { inTime: live.inTime, overdue: live.overdue, total: live.inTime + live.overdue }
      : { inTime: inProgressTotal - overdue, overdue, total: inProgressTotal },
    waiting: live ? { supplement: live.supplement, payment: live.payment } : null,
    refused: during.refused,
    withdrawn: during.withdrawn,
    stopped: during.stopped,
    time: {
      averageDays: days(during.usedSeconds, resolvedTotal),
      medianDays: input.medianDays,
      legalAverageDays: days(during.allowedSeconds, during.timed),
      savedShare:
        during.allowedSeconds > 0
          ? Math.round((1 - during.timedUsedSeconds / during.allowedSeconds) * 1000) / 1000
          : null,
    },
  }
}
