import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  libraryProcedure,
  openTestRuntime,
  sampleSubmission,
  signIn,
  TEST_PASSWORD,
  type TestRuntime,
} from '../testing'

const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')

describe.each(testDrivers())('response headers on $name', ({ open }) => {
  let runtime: TestRuntime
  let code: string
  let pin: string
  let officer: string
  let citizen: string
  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    runtime.app.request(path, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } })

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
    officer = await signIn(runtime, 'tiepnhan.193')
    citizen = await signIn(runtime, 'congdan')
    const res = await runtime.app.request('/api/dossiers', {
      ...sampleSubmission(business, '193', { fullName: 'Hoàng Thị Lan' }),
      headers: { authorization: `Bearer ${citizen}` },
    })
    ;({ receiptCode: code, pin } = (await res.json()) as { receiptCode: string; pin: string })
    const { version } = (await (await get(`/api/desk/dossiers/${code}`, officer)).json()) as { version: number }
    await runtime.app.request(`/api/desk/dossiers/${code}/actions/tiep_nhan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion: version }),
    })
  })
  afterAll(() => runtime?.close())

  it('keeps responses with personal data or tokens out of every cache', async () => {
    const login = await runtime.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'congdan', password: TEST_PASSWORD }),
    })
    const responses = {
      login,
      tracking: await get(`/api/track/${code}`, undefined, { 'x-lookup-pin': pin }),
      'own dossiers': await get('/api/me/dossiers', citizen),
      'desk view': await get(`/api/desk/dossiers/${code}`, officer),
      queue: await get('/api/desk/dossiers', officer),
      slip: await get(`/api/desk/dossiers/${code}/slips/01`, officer),
      'an error': await get('/api/track/khong-co'),
    }
    for (const [what, res] of Object.entries(responses)) {
      expect(res.status, what).toBeLessThan(500)
      expect(res.headers.get('cache-control'), what).toBe('no-store')
    }
  })

  it('lets browsers keep the public catalogue and units a little while', async () => {
    expect((await get('/api/units')).headers.get('cache-control')).toBe('public, max-age=300')
    expect((await get('/api/procedures')).headers.get('cache-control')).toBe('public, max-age=60')
    expect((await get(`/api/procedures/${business.definition.code}`)).headers.get('cache-control')).toBe(
      'public, max-age=60',
    )
    // a failed lookup of the same routes is not cached
    expect((await get('/api/units?at=2026-13-45')).headers.get('cache-control')).toBe('no-store')
  })

  it('says nosniff on every response: API, errors, unknown routes, the portal', async () => {
    for (const path of ['/api/units', '/api/units?at=x', '/api/nothing', '/healthz', '/', '/tra-cuu/x'])
      expect((await get(path)).headers.get('x-content-type-options'), path).toBe('nosniff')
  })

  it('serves slips under a policy that allows no script, no outside resource and no framing', async () => {
    const csp = (await get(`/api/desk/dossiers/${code}/slips/01`, officer)).headers.get('content-security-policy')
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/script-src/)
  })

  it('gives every response its own request id', async () => {
    const [a, b] = [await get('/api/units'), await get('/api/nothing')]
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(b.headers.get('x-request-id')).not.toBe(a.headers.get('x-request-id'))
  })
})
