import { units, userRoles, users } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestRuntime, TEST_PASSWORD, type TestRuntime } from '../testing'

interface Draft {
  id: string
  definition: Record<string, unknown> & { name: string; steps: { actions: { to?: string }[] }[] }
  validation: { ok: boolean; issues: { code: string; path: string }[] }
}

describe.each(testDrivers())('authoring API on $name', ({ open }) => {
  let runtime: TestRuntime
  const tokens = new Map<string, string>()
  const call = async (username: string | null, method: string, path: string, body?: unknown): Promise<Response> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (username) {
      if (!tokens.has(username)) {
        const res = await runtime.app.request('/api/auth/login', {
          method: 'POST',
          headers,
          body: JSON.stringify({ username, password: TEST_PASSWORD }),
        })
        tokens.set(username, ((await res.json()) as { token: string }).token)
      }
      headers.authorization = `Bearer ${tokens.get(username)}`
    }
    return runtime.app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
    // a district administrator for Hạ Long (193), whose scope covers its wards
    const { db } = runtime.database
    const [admin] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.username, 'admin'))
    const [user] = await db
      .insert(users)
      .values({
        username: 'quantri.193',
        passwordHash: admin!.passwordHash,
        fullName: 'Quản trị Hạ Long',
        isDemo: true,
      })
      .returning()
    const [halong] = await db.select({ id: units.id }).from(units).where(eq(units.code, '193'))
    await db.insert(userRoles).values({ userId: user!.id, role: 'unit_admin', unitId: halong!.id })
  })
  afterAll(() => runtime?.close())

  it('drafts from a published version, saves, publishes version 2, and citizens see it at once', async () => {
    const created = await call('admin', 'POST', '/api/admin/procedures/1.001193/drafts', {})
    expect(created.status).toBe(201)
    const draft = (await created.json()) as Draft
    expect(draft.validation.ok).toBe(true)
    const saved = await call('admin', 'PUT', `/api/admin/drafts/${draft.id}`, {
      definition: { ...draft.definition, name: 'Đăng ký khai sinh (sửa đổi)' },
    })
    expect(saved.status).toBe(200)
    const published = await call('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})
    expect(published.status).toBe(201)
    expect(await published.json()).toEqual({ code: '1.001193', version: 2 })
    expect(await (await runtime.app.request('/api/procedures/1.001193')).json()).toMatchObject({
      name: 'Đăng ký khai sinh (sửa đổi)',
      version: 2,
    })
    const versions = (await (await call('admin', 'GET', '/api/admin/procedures/1.001193/versions')).json()) as {
      version: number
      contentHash: string
    }[]
    expect(versions.map((v) => v.version)).toEqual([2, 1])
    expect(versions[0]!.contentHash).not.toBe(versions[1]!.contentHash)
    expect(await (await call('admin', 'GET', '/api/admin/procedures/1.001193/versions/1')).json()).toMatchObject({
      version: 1,
      definition: { name: 'Đăng ký khai sinh' },
    })
    expect((await call('admin', 'GET', `/api/admin/drafts/${draft.id}`)).status).toBe(404) // the draft became the version
  })

  it('saves a broken draft with its problems listed, and refuses to publish it', async () => {
    const draft = (await (await call('admin', 'POST', '/api/admin/procedures/2.000815/drafts', {})).json()) as Draft
    const broken = structuredClone(draft.definition)
    broken.steps[0]!.actions[0]!.to = 'khong_co_buoc_nay'
    const saved = (await (
      await call('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: broken })
    ).json()) as Draft
    expect(saved.validation.ok).toBe(false)
    expect(saved.validation.issues).toContainEqual(
      expect.objectContaining({ path: '/definition/steps/0/actions/0/to' }),
    )
    const refused = await call('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'INVALID_DATA',
        issues: expect.arrayContaining([expect.objectContaining({ path: '/definition/steps/0/actions/0/to' })]),
      },
    })
    expect(
      ((await (await call('admin', 'GET', '/api/admin/procedures/2.000815/versions')).json()) as unknown[]).length,
    ).toBe(1)
    const renamed = await call('admin', 'PUT', `/api/admin/drafts/${draft.id}`, {
      definition: { ...draft.definition, code: '2.999999' },
    })
    expect(renamed.status).toBe(400)
    expect(await renamed.json()).toMatchObject({ error: { issues: [{ path: '/definition/code' }] } })
  })

  it('publishes with a future effective date: the current version stays in force until then', async () => {
    const draft = (await (await call('admin', 'POST', '/api/admin/procedures/2.000635/drafts', {})).json()) as Draft
    await call('admin', 'PUT', `/api/admin/drafts/${draft.id}`, {
      definition: { ...draft.definition, name: 'Bản sau' },
    })
    const res = await call('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {
      effectiveFrom: '2099-01-01T00:00:00+07:00',
    })
    expect(res.status).toBe(201)
    expect(await (await runtime.app.request('/api/procedures/2.000635')).json()).toMatchObject({ version: 1 })
  })

  it('keeps administrators within their scope, and everyone else out', async () => {
    // a district administrator may not touch the province-wide library …
    expect((await call('quantri.193', 'POST', '/api/admin/procedures/1.001193/drafts', {})).status).toBe(403)
    // … but may create a procedure for a ward of its district, which the province administrator also sees
    const library = (await (await runtime.app.request('/api/procedures/1.001193')).json()) as Record<string, unknown>
    const own = await call('quantri.193', 'POST', '/api/admin/drafts', {
      ownerUnitCode: '06649',
      definition: { ...library, code: 'QN-HK-01' },
    })
    expect(own.status).toBe(201)
    const { id } = (await own.json()) as Draft
    expect((await call('admin', 'GET', `/api/admin/drafts/${id}`)).status).toBe(200)
    // not for a ward of Móng Cái (194)
    expect(
      (
        await call('quantri.193', 'POST', '/api/admin/drafts', {
          ownerUnitCode: '06709',
          definition: { code: 'QN-X-01' },
        })
      ).status,
    ).toBe(403)
    // officers and citizens cannot author; strangers must sign in
    expect((await call('lanhdao.06649', 'GET', `/api/admin/drafts/${id}`)).status).toBe(403)
    expect((await call('congdan', 'POST', '/api/admin/procedures/1.001193/drafts', {})).status).toBe(403)
    expect((await call(null, 'POST', '/api/admin/procedures/1.001193/drafts', {})).status).toBe(401)
  })
})
