import { timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import type { Context } from 'hono'
import type { AppEnv } from '../app'
import { clientAddress } from '../http/rate-limit'

/** 127.0.0.0/8, ::1 and 127.x written as IPv6; `local` is `app.request` in the same process (no socket at all). */
export function isLoopback(address: string): boolean {
  if (address === 'local' || address === '::1') return true
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return isIP(v4) === 4 && v4.startsWith('127.')
}

const socketAddress = (c: Context): string =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ??
  'local'

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Who may read `/metrics`: a caller on this machine (the socket's address and, behind a trusted proxy, the client's
 * are loopback; a request a proxy forwarded without TRUST_PROXY is not taken for local), or one presenting
 * `Authorization: Bearer <METRICS_TOKEN>` when a token is configured.
 */
export function mayReadMetrics(c: Context<AppEnv>, token: string | undefined): boolean {
  const bearer = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1]
  if (token && bearer !== undefined) return sameToken(bearer, token)
  if (!isLoopback(socketAddress(c))) return false
  if (c.var.trustProxy) return isLoopback(clientAddress(c))
  return c.req.header('x-forwarded-for') === undefined
}
