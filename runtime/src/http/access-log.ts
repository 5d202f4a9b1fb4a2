import { randomUUID } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppEnv } from '../app'
import { log } from '../log'
import { proxyRequestId } from './request-id'

/** The route pattern that answered (`/api/track/:receiptCode`), never the raw path, which may carry a code. */
export function routePattern(c: Context): string | null {
  return matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path !== '*' && r.path !== '/*')?.path ?? null
}

/**
 * Gives every request an id: a trusted proxy's `X-Request-Id` of a safe shape (`proxyRequestId`), else a new one.
 * It is answered as `X-Request-Id`, and the request's plugin host (`c.var.plugins`, see `PluginHost.forRequest`)
 * carries it into the outbox messages the request queues and the plugin calls it makes. When `enabled`, logs one
 * line per request: id, method, route pattern, status and duration, nothing of its content.
 */
export function accessLog(enabled: boolean, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    c.set('trustProxy', trustProxy)
    const requestId = proxyRequestId(c) ?? randomUUID()
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
