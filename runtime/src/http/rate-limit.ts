import { DomainError } from '@motcua/core'
import type { Context, MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app'

export interface RateLimit {
  /** Requests allowed per window and key. */
  limit: number
  windowMs: number
  /** What a request is counted by (default: the client address). */
  key?: (c: Context) => string | Promise<string>
}

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
 * Fixed-window counts kept in this process's memory: `count(key, now)` counts one attempt and answers the seconds
 * to wait when the key is over its limit, else undefined. Several runtime processes each keep their own counts.
 * @example const count = windowCounter(30, 60_000); const wait = count(clientAddress(c), Date.now())
 */
export function windowCounter(limit: number, windowMs: number): (key: string, now: number) => number | undefined {
  const windows = new Map<string, { start: number; count: number }>()
  return (key, now) => {
    let w = windows.get(key)
    if (!w || now - w.start >= windowMs) {
      if (windows.size > 10_000) for (const [old, v] of windows) if (now - v.start >= windowMs) windows.delete(old)
      w = { start: now, count: 0 }
      windows.set(key, w)
    }
    return ++w.count > limit ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : undefined
  }
}

/**
 * A fixed-window limiter kept in this process's memory: it slows guessing (the public receipt lookup) per runtime
 * process; several processes each keep their own count.
 */
export function rateLimit({ limit, windowMs, key = clientAddress }: RateLimit): MiddlewareHandler {
  const count = windowCounter(limit, windowMs)
  return createMiddleware(async (c, next) => {
    const retryAfter = count(await key(c), Date.now())
    if (retryAfter !== undefined) {
      c.header('Retry-After', String(retryAfter))
      throw new DomainError('RATE_LIMITED', {
        vi: `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${retryAfter} giây.`,
        en: `Too many attempts. Try again in ${retryAfter} seconds.`,
      })
    }
    await next()
  })
}
