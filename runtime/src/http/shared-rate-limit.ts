import { DomainError } from '@motcua/core'
import { type Db, rateLimits } from '@motcua/db'
import { inArray, lt, sql } from 'drizzle-orm'
import type { Context } from 'hono'
import { sha256 } from '../auth/tokens'
import type { WindowCount } from './batched-limit'

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
  await purgeNow(db, now)
  return waitOf(unique, rows, now, (count, limit) => count > limit)
}

// at most one statement's worth of parameters (PostgreSQL takes 65,535; three a row)
const ADD_CHUNK = 5000

/**
 * Adds counts kept in a process's memory (`batchedLimit`) to the shared counters of `kind`, in one upsert per
 * 5,000 keys, and answers the totals by the keys given. Counts of a window older than the row's are dropped (a
 * process that sent late); a newer window starts again at its count.
 * @example const totals = await addCounts(db, 'track.address', [{ key: address, windowStart, count: 12 }], new Date())
 */
export async function addCounts(db: Db, kind: string, counts: WindowCount[], now: Date): Promise<WindowCount[]> {
  const storedKeys = new Map(counts.map((c) => [c.key, limitKey(kind, c.key)]))
  const byStoredKey = new Map<string, WindowCount>()
  for (const count of counts) {
    const key = storedKeys.get(count.key)!
    const same = byStoredKey.get(key)
    if (same?.windowStart === count.windowStart) same.count += count.count
    else if (!same || same.windowStart < count.windowStart) byStoredKey.set(key, { ...count })
  }
  // every process writes its keys in the same order, so two batches never wait on each other's rows crosswise
  const rows = [...byStoredKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const totals = new Map<string, { windowStart: Date; count: number }>()
  for (let i = 0; i < rows.length; i += ADD_CHUNK) {
    const returned = await db
      .insert(rateLimits)
      .values(
        rows.slice(i, i + ADD_CHUNK).map(([key, c]) => ({ key, windowStart: new Date(c.windowStart), count: c.count })),
      )
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + excluded.count
            when ${rateLimits.windowStart} < excluded.window_start then excluded.count else ${rateLimits.count} end`,
          windowStart: sql`greatest(${rateLimits.windowStart}, excluded.window_start)`,
        },
      })
      .returning()
    for (const row of returned) totals.set(row.key, row)
  }
  await purgeNow(db, now)
  return counts.flatMap((count) => {
    const total = totals.get(storedKeys.get(count.key)!)
    return total ? [{ key: count.key, windowStart: total.windowStart.getTime(), count: total.count }] : []
  })
}

async function purgeNow(db: Db, now: Date): Promise<void> {
  if (now.getTime() - (lastPurge.get(db) ?? 0) <= PURGE_EVERY_MS) return
  lastPurge.set(db, now.getTime())
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - PURGE_AFTER_MS)))
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
