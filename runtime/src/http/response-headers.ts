import type { MiddlewareHandler } from 'hono'

const isApi = (path: string) => path.startsWith('/api/') || path === '/healthz' || path === '/readyz'

/**
 * Every response `X-Content-Type-Options: nosniff`; API responses `Cache-Control: no-store` (they may carry personal
 * data or tokens) unless the route chose a public cache (the catalogue, the units).
 */
export const responseHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  c.res.headers.set('X-Content-Type-Options', 'nosniff')
  if (isApi(c.req.path) && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store')
}
