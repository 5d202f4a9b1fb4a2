import type { Context } from 'hono'
import type { AppEnv } from '../app'

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/

/**
 * The id a trusted reverse proxy gave this request (`X-Request-Id`, nginx's `$request_id`; TRUST_PROXY=1), when it
 * has a safe shape; else undefined. nginx keeps it when it passes the request on to another process, so the same
 * id on two requests means one request tried twice.
 */
export function proxyRequestId(c: Context): string | undefined {
  if (!(c as Context<AppEnv>).var.trustProxy) return undefined
  const id = c.req.header('x-request-id')
  return id && SAFE_ID.test(id) ? id : undefined
}
