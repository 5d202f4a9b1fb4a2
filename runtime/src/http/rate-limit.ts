import type { Db } from '@motcua/db'
import type { Context, MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app'
import { errorFields, log } from '../log'
import { type BatchedLimit, batchedLimit } from './batched-limit'
import { addCounts, tooManyAttempts } from './shared-rate-limit'

/** The client address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy (TRUST_PROXY=1). */
export function clientAddress(c: Context): string {
  if ((c as Context<AppEnv>).var.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  return incoming?.socket?.remoteAddress ?? 'local'
}

/**
 * `limit` requests per key a minute, all runtime processes together, counted in memory and added to the table
 * `rate_limits` as `kind` about once a second (see `batchedLimit` for what may pass over the limit, and why no
 * request pays a write).
 * @example const track = perMinute(database.db, 'track.address', 60)
 */
export const perMinute = (db: Db, kind: string, limit: number): BatchedLimit =>
  batchedLimit({
    limit,
    windowMs: 60_000,
    store: (counts, now) => addCounts(db, kind, counts, new Date(now)),
    // the counts are kept and sent with the next flush
    onStoreError: (error) => log('rate limit counts not stored', { kind, ...errorFields(error) }, 'error'),
  })

/**
 * Refuses with 429 and Retry-After (`tooManyAttempts`) a client address over `limit`: slows guessing receipt codes
 * on the public lookups.
 */
export const limitByAddress = (limit: BatchedLimit): MiddlewareHandler<AppEnv> =>
  createMiddleware<AppEnv>(async (c, next) => {
    const wait = await limit.count(clientAddress(c), c.var.clock().getTime())
    if (wait !== undefined) throw tooManyAttempts(c, wait)
    await next()
  })
