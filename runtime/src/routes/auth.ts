import { DomainError } from '@motcua/core'
import { users } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../app'
import { requirePrincipal, SESSION_COOKIE } from '../auth/middleware'
import { verifyPassword } from '../auth/passwords'
import { loadPrincipal, type Principal } from '../auth/principal'
import { createSession, deleteSession, SESSION_HOURS } from '../auth/sessions'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { clientAddress } from '../http/rate-limit'
import { blockedFor, countAttempt, type LimitWindow, limitKey, tooManyAttempts } from '../http/shared-rate-limit'

export const loginBody = jsonBody<{ username: string; password: string }>({
  type: 'object',
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 100 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
  required: ['username', 'password'],
  additionalProperties: false,
})

const publicUser = (p: Principal) => ({
  username: p.username,
  fullName: p.fullName,
  isDemo: p.isDemo,
  roles: p.grants.map((g) => ({ role: g.role, unitCode: g.unitCode })),
})

/** Failed sign-ins allowed per five minutes: per address, and per address and account. */
export const LOGIN_LIMITS = {
  perAddress: { limit: 30, windowMs: 5 * 60_000 },
  perAccount: { limit: 10, windowMs: 5 * 60_000 },
}

/**
 * The one spelling of a username, for the lookup and the attempt counters alike: ` Admin` and `ADMIN` are `admin`.
 * @example normaliseUsername(' CongDan ') // 'congdan'
 */
export const normaliseUsername = (name: string): string => name.normalize('NFC').trim().toLowerCase()

const wrongCredentials = () =>
  new DomainError('UNAUTHENTICATED', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra lại.',
    en: 'Wrong username or password.',
  })

/**
 * Sign in (cookie + bearer token), sign out, and who am I. Failed sign-ins count in counters shared by every
 * process; past a limit even the right password waits for the window to end.
 */
export const authRoutes = () =>
  new Hono<AppEnv>()
    .post('/api/auth/login', async (c) => {
      const body = await loginBody.read(c)
      const username = normaliseUsername(body.username)
      const { db } = c.var.database
      const address = clientAddress(c)
      const windows: LimitWindow[] = [
        { key: limitKey('login.address', address), ...LOGIN_LIMITS.perAddress },
        { key: limitKey('login.account', address, username), ...LOGIN_LIMITS.perAccount },
      ]
      const tooMany = { vi: 'Bạn đã đăng nhập sai quá nhiều lần.', en: 'Too many failed sign-ins.' }
      const blocked = await blockedFor(db, windows, c.var.clock())
      if (blocked) throw tooManyAttempts(c, blocked, tooMany)
      const [user] = await db
        .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
        .from(users)
        .where(eq(users.username, username))
      const ok = await verifyPassword(user?.passwordHash, body.password)
      if (!user || !ok || user.disabled) {
        const wait = await countAttempt(db, windows, c.var.clock())
        throw wait ? tooManyAttempts(c, wait, tooMany) : wrongCredentials()
      }
      const session = await createSession(db, user.id)
      const principal = (await loadPrincipal(db, user.id))!
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: SESSION_HOURS * 3600,
      })
      return c.json({
        token: session.token,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
        user: publicUser(principal),
      })
    })
    .post('/api/auth/logout', async (c) => {
      const token = c.var.sessionToken
      if (token) await deleteSession(c.var.database.db, token)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    })
    .get('/api/auth/me', (c) => c.json({ user: publicUser(requirePrincipal(c)) }))

export const authDocs: Operation[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'accounts',
    summary: 'Sign in: a bearer token, and the session cookie with its CSRF token',
    access: 'public',
    body: loginBody,
    responses: {
      200: '{token, csrfToken, expiresAt, user}',
      400: 'malformed',
      401: 'wrong username or password',
      429: 'too many attempts',
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    tag: 'accounts',
    summary: 'Sign out (ends the session)',
    access: 'public',
    responses: { 204: 'signed out', 403: 'cookie session without the CSRF token' },
  },
  {
    method: 'get',
    path: '/api/auth/me',
    tag: 'accounts',
    summary: 'The signed-in account and its roles',
    access: 'signedIn',
    responses: { 200: '{user}', 401: 'not signed in' },
  },
]
