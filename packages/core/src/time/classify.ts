import { localDay } from './local-time'
import type { Timeliness } from './types'

/**
 * The one definition of timeliness (TIMELINESS.md), from stored timestamps, never a stored flag: without `dueAt`
 * 'noDeadline'; finished: 'late' after `dueAt`, 'early' on an earlier Vietnam day, else 'onTime'; not finished:
 * 'overdue' once `now` (or `pausedAt` while the clock is stopped) is after `dueAt`, else 'inTime'.
 * @example classify({ dueAt: new Date('2025-04-29T17:00:00+07:00'), doneAt: new Date('2025-04-28T10:00:00+07:00'), now: new Date() }) // 'early'
 */
export function classify(t: {
  dueAt: Date | null
  doneAt?: Date | null
  pausedAt?: Date | null
  now: Date
}): Timeliness {
  if (t.dueAt === null || t.dueAt === undefined) return 'noDeadline'
  const due = t.dueAt.getTime()
  if (t.doneAt) {
    const done = t.doneAt.getTime()
    if (done > due) return 'late'
    return localDay(done) < localDay(due) ? 'early' : 'onTime'
  }
  return (t.pausedAt ?? t.now).getTime() > due ? 'overdue' : 'inTime'
}
