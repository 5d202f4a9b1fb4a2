import { sessions, users } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestRuntime, TEST_PASSWORD as PASSWORD, type TestRuntime } from '../testing'

describe.each(testDrivers())('accounts on $name', ({ open }) => {
  let runtime: TestRuntime
  const app = { request: (...args: Parameters<TestRuntime['app']['request']>) => runtime.app.request(...args) }
  const login = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { library: false })
  })
  afterAll(() => runtime?.close())

  it('seeds the marked demo accounts: admin, two citizens, three officers and an administrator for every unit', async () => {
    const all = await runtime.database.db.select({ username: users.username, isDemo: users.isDemo }).from(users)
    expect(all).toHaveLength(3 + 4 * 222) // 221 units of 2019 and the tax office
    expect(all.every((u) => u.isDemo)).toBe(true)
    expect(all.map((u) => u.username)).toEqual(
      expect.arrayContaining([
        'admin',
        'congdan',
        'congdan2',
        'tiepnhan.06649',
        'chuyenvien.193',
        'lanhdao.stp',
        'quantri.06649',
      ]),
    )
  })

  it('signs in with a bearer token and an httpOnly cookie, and says who is signed in', async () => {
    const res = await login({ username: 'TiepNhan.06649 ', password: PASSWORD })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { token: string; csrfToken: string; user: unknown }
    expect(body.user).toMatchObject({
      username: 'tiepnhan.06649',
      isDemo: true,
      roles: [{ role: 'receiving_officer', unitCode: '06649' }],
    })
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^motcua_session=[^;]+;.*HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)

    const viaBearer = await app.request('/api/auth/me', { headers: { authorization: `Bearer ${body.token}` } })
    expect(await viaBearer.json()).toMatchObject({ user: { username: 'tiepnhan.06649' } })
    const viaCookie = await app.request('/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } })
    expect(viaCookie.status).toBe(200)
  })

  it('refuses a session once it has expired', async () => {
    const { token } = (await (await login({ username: 'congdan2', password: PASSWORD })).json()) as { token: string }
    const me = () => app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })
    expect((await me()).status).toBe(200)
    await runtime.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) })
    expect((await me()).status).toBe(401)
  })

  it('refuses a wrong password and an unknown user with the same Vietnamese message', async () => {
    const wrong = await login({ username: 'congdan', password: 'sai' })
    const unknown = await login({ username: 'khong-co-ai', password: 'sai' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const [a, b] = [await wrong.json(), await unknown.json()]
    expect(a).toEqual(b)
    expect(a).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: { vi: expect.stringMatching(/mật khẩu không đúng/) } },
    })
  })

  it('answers malformed bodies with a 400 that points at the field', async () => {
    const notJson = await login('{username:')
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toMatchObject({
      error: { code: 'INVALID_DATA', message: { vi: expect.stringMatching(/JSON/) } },
    })
    const missing = await login({ username: 'congdan' })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ error: { issues: [{ code: 'required', path: '/password' }] } })
  })

  it('requires the CSRF token for a cookie-authenticated change, then signs out', async () => {
    const res = await login({ username: 'congdan', password: PASSWORD })
    const { csrfToken, token } = (await res.json()) as { csrfToken: string; token: string }
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!
    const noCsrf = await app.request('/api/auth/logout', { method: 'POST', headers: { cookie } })
    expect(noCsrf.status).toBe(403)
    const ok = await app.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })
    expect(ok.status).toBe(204)
    expect((await app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    expect((await app.request('/api/auth/me')).status).toBe(401)
  })

  it('counts one account however its name is spelled: a leading space or other case shares the limit', async () => {
    const from = (username: string, password: string) =>
      runtime.app.request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        },
        { incoming: { socket: { remoteAddress: '192.0.2.7' } } },
      )
    expect((await from(' Admin', PASSWORD)).status).toBe(200)
    const spellings = [' Admin', 'ADMIN', 'admin', 'aDmIn ', '\tadmin']
    for (let i = 0; i < 10; i++) expect((await from(spellings[i % spellings.length]!, `sai-${i}`)).status).toBe(401)
    for (const spelling of spellings) expect((await from(spelling, PASSWORD)).status).toBe(429)
    // another account from the same address is not held back by admin's count
    expect((await from('congdan', PASSWORD)).status).toBe(200)
  })

  it('slows password guessing: the 11th try within five minutes gets a 429 with Retry-After', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await login({ username: 'congdan2', password: `sai-${i}` })).status)
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
    const limited = await login({ username: 'congdan2', password: PASSWORD })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', message: { vi: expect.stringMatching(/thử lại sau/) } },
    })
  })
})
