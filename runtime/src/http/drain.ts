import { DomainError } from '@motcua/core'
import type { MiddlewareHandler } from 'hono'
import { NOT_READY_RETRY_AFTER, type Readiness } from '../routes/health'

const PROBES = new Set(['/healthz', '/readyz'])

/**
 * While the process drains (SIGTERM), a new request is answered 503 at once, before anything is read or done, with
 * `Retry-After` and `Connection: close`: nginx passes it on to another process. The probes answer as usual.
 */
export function refuseWhileDraining(readiness: Readiness): MiddlewareHandler {
  return async (c, next) => {
    if (!readiness.draining || PROBES.has(c.req.path)) return next()
    c.header('Retry-After', String(NOT_READY_RETRY_AFTER))
    c.header('Connection', 'close')
    throw new DomainError('UNAVAILABLE', {
      vi: 'Máy chủ đang khởi động lại, vui lòng thử lại sau giây lát.',
      en: 'The server is restarting, try again.',
    })
  }
}
