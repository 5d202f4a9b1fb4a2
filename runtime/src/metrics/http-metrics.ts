import type { MiddlewareHandler } from 'hono'
import { routePattern } from '../http/access-log'
import type { RuntimeMetrics } from './runtime-metrics'

/** The label of every refused request no route pattern answered (a scanner's guesses): their paths never become series. */
export const UNMATCHED_ROUTE = 'unmatched'
/** The label of the portal's pages, which its catch-all route serves (`webRoutes`). */
export const PORTAL_ROUTE = '/*'

// Node's parser accepts some thirty methods; the API uses these, and the rest are one label
const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * Times every request into `motcua_http_request_duration_seconds`, labelled by the route pattern that answered
 * (`/api/track/:receiptCode`, never the path with its code), so the series stay as few as the routes.
 */
export function httpMetrics(metrics: RuntimeMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    metrics.http.observe(
      {
        method: methods.has(c.req.method) ? c.req.method : 'OTHER',
        route: routePattern(c) ?? (c.res.status < 400 ? PORTAL_ROUTE : UNMATCHED_ROUTE),
        status: c.res.status,
      },
      (performance.now() - started) / 1000,
    )
  }
}
