import { DomainError, type Role } from '@motcua/core'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app'
import { loadPrincipal, type Principal } from './principal'
import { findSession } from './sessions'
import { sameSecret } from './tokens'

export const SESSION_COOKIE = 'motcua_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const unauthenticated = () =>
  new DomainError('UNAUTHENTICATED', { vi: 'Vui lòng đăng nhập để tiếp tục.', en: 'Please sign in to continue.' })
export const forbidden = () =>
  new DomainError('FORBIDDEN', {
    vi: 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
    en: 'Your account may not do this.',
  })

function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization')
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined
}

/**
 * Finds the caller from `Authorization: Bearer …` or the session cookie. A cookie-authenticated request
 * that changes something must echo the session's CSRF token in `X-CSRF-Token`; a bearer token is not
 * sent by browsers on their own, so it needs none.
 */
export const authenticate: MiddlewareHandler<AppEnv> = createMiddleware<AppEnv>(async (c, next) => {
  const bearer = bearerToken(c)
  const token = bearer ?? getCookie(c, SESSION_COOKIE)
  if (token) {
    const { db } = c.var.database
    const session = await findSession(db, token)
    if (!session) {
      if (bearer) throw unauthenticated()
    } else {
      if (
        !bearer &&
        !SAFE_METHODS.has(c.req.method) &&
        !sameSecret(c.req.header('x-csrf-token') ?? '', session.csrfHash)
      ) {
        throw new DomainError('FORBIDDEN', {
          vi: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang rồi thử lại.',
          en: 'Missing or wrong CSRF token. Reload the page and try again.',
        })
      }
      const principal = await loadPrincipal(db, session.userId)
      if (principal) {
        c.set('principal', principal)
        c.set('sessionToken', token)
      }
    }
  }
  await next()
})

/** The signed-in caller, or a 401. */
export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.var.principal
  if (!principal) throw unauthenticated()
  return principal
}

/** Route guard: the caller must hold one of these roles (for some unit; unit scope is checked per resource). */
export const requireRole = (...roles: Role[]): MiddlewareHandler<AppEnv> =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = requirePrincipal(c)
    if (!principal.grants.some((g) => roles.includes(g.role))) throw forbidden()
    await next()
  })
