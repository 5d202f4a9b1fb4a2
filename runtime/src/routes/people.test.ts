import { accountChanges, users } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, openTestRuntime, type TestRuntime } from '../testing'

interface Account {
  id: string
  username: string
  fullName: string
  disabled: boolean
  isDemo: boolean
  grants: { role: string; unitCode: string | null; unitName: string | null }[]
}
interface Page {
  items: Account[]
  total: number
}

const NEW_PASSWORD = 'mot-hai-ba-bon-nam'

describe.each(testDrivers())('accounts, roles and units for administrators on $name', ({ open }) => {
  let runtime: TestRuntime
  const { as } = asOfficers(() => runtime)
  const json = async <T>(res: Promise<Response>, status = 200): Promise<T> => {
    const response = await res
    expect(response.status, await response.clone().text()).toBe(status)
    return (await response.json()) as T
  }
  const list = (user: string, query: string) => json<Page>(as(user, 'GET', `/api/admin/users?${query}`))
  const login = (username: string, password: string) =>
    runtime.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
  const idOf = async (username: string) =>
    (await runtime.database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
  })
  afterAll(() => runtime?.close())

  it('lists the units an administrator administers, parents first: the province’s all, a district’s its own', async () => {
    const all = await json<{ code: string; name: string; level: string; parentCode: string | null }[]>(
      as('admin', 'GET', '/api/admin/units'),
    )
    expect(all[0]).toEqual({ code: '22', name: 'Tỉnh Quảng Ninh', level: 'province', parentCode: null })
    expect(all.map((u) => u.code)).toEqual(expect.arrayContaining(['STP', '193', '06649']))
    const seen = new Set<string>()
    for (const unit of all) {
      if (unit.parentCode) expect(seen).toContain(unit.parentCode)
      seen.add(unit.code)
    }
    const halong = await json<typeof all>(as('quantri.193', 'GET', '/api/admin/units'))
    expect(halong[0]).toEqual({ code: '193', name: 'Thành phố Hạ Long', level: 'district', parentCode: '22' })
    expect(halong.map((u) => u.code)).toContain('06649')
    expect(halong.map((u) => u.code)).not.toContain('STP')
    expect(halong.length).toBe(all.filter((u) => u.parentCode === '193').length + 1)
    expect((await as('tiepnhan.193', 'GET', '/api/admin/units')).status).toBe(403)
    expect((await runtime.app.request('/api/admin/units')).status).toBe(401)
  })

  it('finds accounts by name with or without diacritics, a page at a time, never citizens', async () => {
    const found = await list('admin', `q=${encodeURIComponent('LÃNH ĐẠO hà khánh')}`)
    expect(found.items.map((a) => a.username)).toEqual(['lanhdao.06649'])
    expect(await list('admin', 'q=lanh%20dao%20ha%20khanh')).toEqual(found)
    expect(found.items[0]).toEqual({
      id: expect.any(String),
      username: 'lanhdao.06649',
      fullName: 'Lãnh đạo – Phường Hà Khánh (tài khoản demo)',
      disabled: false,
      isDemo: true,
      grants: [{ role: 'leader', unitCode: '06649', unitName: 'Phường Hà Khánh' }],
    })
    const first = await list('admin', 'unit=06649&pageSize=3')
    const second = await list('admin', 'unit=06649&pageSize=3&page=2')
    expect(first.total).toBe(4)
    expect([...first.items, ...second.items].map((a) => a.username)).toEqual([
      'chuyenvien.06649',
      'lanhdao.06649',
      'quantri.06649',
      'tiepnhan.06649',
    ])
    expect((await list('admin', 'q=congdan')).total).toBe(0)
    expect((await list('admin', 'role=unit_admin&unit=193')).items.map((a) => a.username)).toContain('quantri.06649')
    expect((await as('admin', 'GET', '/api/admin/users?unit=KHONGCO')).status).toBe(400)
    expect((await as('admin', 'GET', '/api/admin/users?pageSize=1000')).status).toBe(400)
  })

  it('shows a district’s administrator only the accounts and roles of its units', async () => {
    const mine = await list('quantri.193', 'pageSize=200')
    expect(mine.items.map((a) => a.username)).toContain('tiepnhan.06649')
    expect(mine.items.map((a) => a.username)).not.toContain('admin')
    expect(mine.items.map((a) => a.username)).not.toContain('tiepnhan.stp')
    expect((await list('quantri.193', 'unit=STP')).total).toBe(0)
    expect((await list('quantri.06649', 'q=ha%20long')).items.map((a) => a.username)).toEqual([])
  })

  it('creates an account with roles in the administrator’s units, which then signs in; never returns the password', async () => {
    const body = {
      username: 'tiepnhan2.06649',
      fullName: 'Lê Văn Cường',
      password: NEW_PASSWORD,
      grants: [{ role: 'receiving_officer', unitCode: '06649' }],
    }
    const res = await as('quantri.193', 'POST', '/api/admin/users', body)
    const text = await res.clone().text()
    expect(res.status, text).toBe(201)
    expect(text).not.toContain(NEW_PASSWORD)
    expect(text).not.toContain('argon2')
    expect(await res.json()).toEqual({
      id: expect.any(String),
      username: 'tiepnhan2.06649',
      fullName: 'Lê Văn Cường',
      disabled: false,
      isDemo: false,
      grants: [{ role: 'receiving_officer', unitCode: '06649', unitName: 'Phường Hà Khánh' }],
    })
    expect((await login('tiepnhan2.06649', NEW_PASSWORD)).status).toBe(200)
    const [audit] = await runtime.database.db
      .select()
      .from(accountChanges)
      .where(eq(accountChanges.userId, await idOf('tiepnhan2.06649')))
    expect(audit).toMatchObject({ kind: 'create', actorUserId: await idOf('quantri.193') })
    expect(JSON.stringify(audit!.detail)).not.toContain(NEW_PASSWORD)

    const taken = await as('admin', 'POST', '/api/admin/users', body)
    expect(taken.status).toBe(409)
    // two administrators taking the same new username at the same moment: one gets it
    const twice = await Promise.all(
      ['admin', 'quantri.193'].map((user) => as(user, 'POST', '/api/admin/users', { ...body, username: 'cung.ten' })),
    )
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409])
    const refused = async (grant: { role: string; unitCode: string }, status: number) =>
      expect(
        (await as('quantri.193', 'POST', '/api/admin/users', { ...body, username: 'moi.nguoi', grants: [grant] }))
          .status,
      ).toBe(status)
    await refused({ role: 'specialist', unitCode: 'STP' }, 403)
    await refused({ role: 'province_admin', unitCode: '193' }, 403)
    await refused({ role: 'specialist', unitCode: 'KHONGCO' }, 400)
    const bad = await as('admin', 'POST', '/api/admin/users', { ...body, username: 'Ten Sai', password: 'ngan' })
    expect(bad.status).toBe(400)
    expect(
      ((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path).sort(),
    ).toEqual(['/password', '/username'])
    expect((await list('admin', 'q=moi.nguoi')).total).toBe(0)
  })

  it('disables an account, which ends its sessions, and sets a new password; never one’s own account', async () => {
    const id = await idOf('tiepnhan2.06649')
    const session = ((await (await login('tiepnhan2.06649', NEW_PASSWORD)).json()) as { token: string }).token
    const me = () => runtime.app.request('/api/auth/me', { headers: { authorization: `Bearer ${session}` } })
    expect((await me()).status).toBe(200)
    const disabled = await json<Account>(as('quantri.193', 'PATCH', `/api/admin/users/${id}`, { disabled: true }))
    expect(disabled.disabled).toBe(true)
    expect((await me()).status).toBe(401)
    expect((await login('tiepnhan2.06649', NEW_PASSWORD)).status).toBe(401)
    await json(
      as('quantri.193', 'PATCH', `/api/admin/users/${id}`, {
        disabled: false,
        password: 'mat-khau-moi-dai-hon',
        fullName: 'Lê Văn Cường (Hà Khánh)',
      }),
    )
    expect((await login('tiepnhan2.06649', NEW_PASSWORD)).status).toBe(401)
    expect((await login('tiepnhan2.06649', 'mat-khau-moi-dai-hon')).status).toBe(200)
    const trail = await runtime.database.db
      .select({ kind: accountChanges.kind, detail: accountChanges.detail })
      .from(accountChanges)
      .where(eq(accountChanges.userId, id))
      .orderBy(asc(accountChanges.id))
    expect(trail.slice(1)).toEqual([
      { kind: 'update', detail: { disabled: { before: false, after: true } } },
      {
        kind: 'update',
        detail: {
          disabled: { before: true, after: false },
          fullName: { before: 'Lê Văn Cường', after: 'Lê Văn Cường (Hà Khánh)' },
          password: 'changed',
        },
      },
    ])
    const self = await as('quantri.193', 'PATCH', `/api/admin/users/${await idOf('quantri.193')}`, { disabled: true })
    expect(self.status).toBe(409)
    // a citizen's account, one outside the district, and no account at all are not there for it
    for (const target of [await idOf('congdan'), await idOf('lanhdao.stp'), 'khong-phai-id'])
      expect((await as('quantri.193', 'PATCH', `/api/admin/users/${target}`, { fullName: 'X' })).status).toBe(404)
  })

  it('replaces the roles within the administrator’s units and keeps the others; never one’s own last administrator role', async () => {
    const created = await json<Account>(
      as('admin', 'POST', '/api/admin/users', {
        username: 'chuyenvien.hai.noi',
        fullName: 'Phạm Thị Dung',
        password: NEW_PASSWORD,
        grants: [
          { role: 'specialist', unitCode: 'STP' },
          { role: 'specialist', unitCode: '06649' },
        ],
      }),
      201,
    )
    // the district sees only its own role, and may not change an account that works elsewhere too
    const seen = await list('quantri.193', 'q=pham%20thi%20dung')
    expect(seen.items[0]!.grants).toEqual([{ role: 'specialist', unitCode: '06649', unitName: 'Phường Hà Khánh' }])
    expect((await as('quantri.193', 'PATCH', `/api/admin/users/${created.id}`, { disabled: true })).status).toBe(403)
    const replaced = await json<Account>(
      as('quantri.193', 'PUT', `/api/admin/users/${created.id}/grants`, {
        grants: [
          { role: 'leader', unitCode: '06649' },
          { role: 'receiving_officer', unitCode: '193' },
        ],
      }),
    )
    expect(replaced.grants.map((g) => `${g.role}@${g.unitCode}`)).toEqual(['leader@06649', 'receiving_officer@193'])
    const whole = await list('admin', 'q=pham%20thi%20dung')
    expect(whole.items[0]!.grants.map((g) => `${g.role}@${g.unitCode}`).sort()).toEqual([
      'leader@06649',
      'receiving_officer@193',
      'specialist@STP',
    ])
    const [audit] = await runtime.database.db
      .select({ detail: accountChanges.detail })
      .from(accountChanges)
      .where(eq(accountChanges.kind, 'grants'))
    expect(audit!.detail).toMatchObject({
      removed: [{ role: 'specialist', unitCode: '06649' }],
      added: [
        { role: 'leader', unitCode: '06649' },
        { role: 'receiving_officer', unitCode: '193' },
      ],
    })
    expect(
      (
        await as('quantri.193', 'PUT', `/api/admin/users/${created.id}/grants`, {
          grants: [{ role: 'specialist', unitCode: 'STP' }],
        })
      ).status,
    ).toBe(403)
    // the same change sent twice at once is made once
    const twice = await Promise.all(
      [1, 2].map(() =>
        as('quantri.193', 'PUT', `/api/admin/users/${created.id}/grants`, {
          grants: [
            { role: 'leader', unitCode: '06649' },
            { role: 'receiving_officer', unitCode: '193' },
            { role: 'specialist', unitCode: '06649' },
          ],
        }),
      ),
    )
    expect(twice.map((r) => r.status)).toEqual([200, 200])
    const changes = await runtime.database.db
      .select({ id: accountChanges.id })
      .from(accountChanges)
      .where(eq(accountChanges.userId, created.id))
    expect(changes).toHaveLength(3) // created, the district's change, one of the two
    const own = await idOf('quantri.193')
    const last = await as('quantri.193', 'PUT', `/api/admin/users/${own}/grants`, {
      grants: [{ role: 'leader', unitCode: '193' }],
    })
    expect(last.status).toBe(409)
    expect(
      (await as('quantri.193', 'PUT', `/api/admin/users/${await idOf('admin')}/grants`, { grants: [] })).status,
    ).toBe(404)
    // an account left without any role drops out of the district's list, and stays in the province's
    const emptied = await json<Account>(
      as('quantri.193', 'PUT', `/api/admin/users/${await idOf('cung.ten')}/grants`, { grants: [] }),
    )
    expect(emptied.grants).toEqual([])
    expect((await list('quantri.193', 'q=cung.ten')).total).toBe(0)
    expect((await list('admin', 'q=cung.ten')).items).toEqual([
      expect.objectContaining({ username: 'cung.ten', grants: [] }),
    ])
  })

  it('documents every route under the administration tag', async () => {
    const doc = (await (await runtime.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags: string[] }>>
    }
    expect(doc.paths['/api/admin/users']?.post?.tags).toEqual(['administration'])
    expect(doc.paths['/api/admin/users/{id}']?.patch?.tags).toEqual(['administration'])
    expect(doc.paths['/api/admin/users/{id}/grants']?.put?.tags).toEqual(['administration'])
    expect(doc.paths['/api/admin/units']?.get?.tags).toEqual(['administration'])
  })
})
