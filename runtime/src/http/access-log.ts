import { randomUUID } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { log } from '../log'

/** The route pattern that answered (`/api/track/:receiptCode`), never the raw path, which may carry a code. */
export function routePattern(c: Context): string | null {
  return matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path !== '*' && r.path !== '/*')?.path ?? null
}

/**
 * Gives every request an id (returned as `X-Request-Id`, quoted in the error log) and, when `enabled`, logs one
 * line per request: id, method, route pattern, status and duration, nothing of its content.
 */
export function accessLog(enabled: boolean): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    const requestId = randomUUID()
    c.set('requestId', requestId)
    await next()
    c.res.headers.set('X-Request-Id', requestId)
    if (enabled)
      log('request', {
        requestId,
        method: c.req.method,
        route: routePattern(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      })
  }
}
