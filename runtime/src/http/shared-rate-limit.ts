import { DomainError } from '@motcua/core'
import { type Db, rateLimits } from '@motcua/db'
import { inArray, lt, sql } from 'drizzle-orm'
import type { Context } from 'hono'
import { sha256 } from '../auth/tokens'

/** One counter: at most `limit` counts per key in fixed windows of `windowMs`. */
export interface LimitWindow {
  key: string
  limit: number
  windowMs: number
}

// Rows of windows that ended more than this long ago are purged; no window is longer.
const PURGE_AFTER_MS = 60 * 60_000
const PURGE_EVERY_MS = 10 * 60_000
const lastPurge = new WeakMap<Db, number>()

/**
 * A counter key that stores no address or name as such: `kind:` and a hash of the parts.
 * @example limitKey('pin.address', clientAddress(c))
 */
export const limitKey = (kind: string, ...parts: string[]): string => `${kind}:${sha256(parts.join('\n')).slice(0, 32)}`

const windowStart = (now: Date, windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs)
const secondsLeft = (start: Date, windowMs: number, now: Date) =>
  Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000))

/**
 * Seconds until the caller may try again when a window has already reached its limit, else undefined.
 * Reads the counters shared by every runtime process (table `rate_limits`).
 */
export async function blockedFor(db: Db, windows: LimitWindow[], now: Date): Promise<number | undefined> {
  const rows = await db
    .select()
    .from(rateLimits)
    .where(
      inArray(
        rateLimits.key,
        windows.map((w) => w.key),
      ),
    )
  return waitOf(windows, rows, now, (count, limit) => count >= limit)
}

/**
 * Counts one attempt in every window, atomically across processes (one upsert; a window that has ended starts
 * again at 1), and answers the seconds to wait when a window is now over its limit, else undefined.
 */
export async function countAttempt(db: Db, windows: LimitWindow[], now: Date): Promise<number | undefined> {
  const unique = [...new Map(windows.map((w) => [w.key, w])).values()].sort((a, b) => a.key.localeCompare(b.key))
  const rows = await db
    .insert(rateLimits)
    .values(unique.map((w) => ({ key: w.key, windowStart: windowStart(now, w.windowMs), count: 1 })))
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} >= excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`greatest(${rateLimits.windowStart}, excluded.window_start)`,
      },
    })
    .returning()
  if (now.getTime() - (lastPurge.get(db) ?? 0) > PURGE_EVERY_MS) {
    lastPurge.set(db, now.getTime())
    await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - PURGE_AFTER_MS)))
  }
  return waitOf(unique, rows, now, (count, limit) => count > limit)
}

function waitOf(
  windows: LimitWindow[],
  rows: { key: string; windowStart: Date; count: number }[],
  now: Date,
  over: (count: number, limit: number) => boolean,
): number | undefined {
  let wait: number | undefined
  for (const w of windows) {
    const row = rows.find((r) => r.key === w.key)
    if (!row || row.windowStart.getTime() !== windowStart(now, w.windowMs).getTime()) continue
    if (over(row.count, w.limit)) wait = Math.max(wait ?? 0, secondsLeft(row.windowStart, w.windowMs, now))
  }
  return wait
}

/** A 429 with Retry-After; `vi` says what was tried too often. */
export function tooManyAttempts(
  c: Context,
  seconds: number,
  what: { vi: string; en: string } = { vi: 'Bạn đã thử quá nhiều lần.', en: 'Too many attempts.' },
): DomainError {
  c.header('Retry-After', String(seconds))
  const wait =
    seconds >= 120
      ? { vi: `${Math.ceil(seconds / 60)} phút`, en: `${Math.ceil(seconds / 60)} minutes` }
      : { vi: `${seconds} giây`, en: `${seconds} seconds` }
  return new DomainError('RATE_LIMITED', {
    vi: `${what.vi} Vui lòng thử lại sau ${wait.vi}.`,
    en: `${what.en} Try again in ${wait.en}.`,
  })
}
