import { localDay } from './local-time'
import type { Timeliness } from './types'

/**
 * The one definition of timeliness, computed from stored timestamps (never stored as a flag).
 * - `dueAt` null → 'noDeadline' (không có thời hạn).
 * - Finished (`doneAt` set): 'late' (trễ hạn / quá hạn) if doneAt > dueAt; otherwise 'early' (trước hạn)
 *   if doneAt's local calendar date (UTC+07:00) is before dueAt's local date; otherwise 'onTime' (đúng hạn).
 * - Not finished: 'overdue' (quá hạn) if now > dueAt, else 'inTime' (trong hạn).
 * Finishing exactly at `dueAt` is on time.
 * @example classify({ dueAt: new Date('2025-04-29T17:00:00+07:00'), doneAt: new Date('2025-04-28T10:00:00+07:00'), now: new Date() }) // 'early'
 */
export function classify(t: { dueAt: Date | null; doneAt?: Date | null; now: Date }): Timeliness {
  if (t.dueAt === null || t.dueAt === undefined) return 'noDeadline'
  const due = t.dueAt.getTime()
  if (t.doneAt) {
    const done = t.doneAt.getTime()
    if (done > due) return 'late'
    return localDay(done) < localDay(due) ? 'early' : 'onTime'
  }
  return t.now.getTime() > due ? 'overdue' : 'inTime'
}
