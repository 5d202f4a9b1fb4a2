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
 * A fixed-window limiter kept in this process's memory: it slows guessing (login, receipt lookup)
 * per runtime process; several processes each keep their own count.
 */
export function rateLimit({ limit, windowMs, key = clientAddress }: RateLimit): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>()
  return createMiddleware(async (c, next) => {
    const now = Date.now()
    const k = await key(c)
    let w = windows.get(k)
    if (!w || now - w.start >= windowMs) {
      if (windows.size > 10_000) for (const [old, v] of windows) if (now - v.start >= windowMs) windows.delete(old)
      w = { start: now, count: 0 }
      windows.set(k, w)
    }
    if (++w.count > limit) {
      const retryAfter = Math.ceil((w.start + windowMs - now) / 1000)
      c.header('Retry-After', String(retryAfter))
      throw new DomainError('RATE_LIMITED', {
        vi: `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${retryAfter} giây.`,
        en: `Too many attempts. Try again in ${retryAfter} seconds.`,
      })
    }
    await next()
  })
}
