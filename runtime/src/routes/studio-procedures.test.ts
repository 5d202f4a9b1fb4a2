import { procedures, procedureVersions, unitSettingChanges, units, userRoles, users } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, type TestRuntime } from '../testing'

const requester = alias(users, 'requester')

interface Draft {
  id: string
  procedureCode: string
  ownerUnitCode: string | null
  definition: Record<string, unknown> & { name: string; steps: { budget?: unknown }[] }
  validation: { ok: boolean; issues: { code: string; path: string }[] }
  awaitingApproval: { requestedBy: string; requestedByMe: boolean; effectiveFrom: string | null } | null
  lastRejection: { by: string; note: string | null } | null
}
interface AdminProcedure {
  code: string
  name: string
  ownerUnitCode: string | null
  ownerUnitName: string | null
  state: string
  version: number | null
  scheduled: { version: number; from: string } | null
  draft: { id: string; ok: boolean; problems: number; awaitingApproval: unknown } | null
  unpublishedChanges: boolean
}

// a commune-level library procedure with no list of units, for procedures of Hạ Long's wards
const copyRequest = libraryProcedure('cap-ban-sao-trich-luc-ho-tich').definition as unknown as Record<string, unknown>
const wardProcedure = (code: string) => {
  const definition: Record<string, unknown> = { ...structuredClone(copyRequest), code }
  delete definition.units
  return definition
}

describe.each(testDrivers())('studio procedures API on $name', ({ open }) => {
  let runtime: TestRuntime
  const { as } = asOfficers(() => runtime)
  const json = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
    const response = await res
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(status)
    return body as T
  }
  const list = async (user: string, query = '') =>
    (await json<{ items: AdminProcedure[] }>(as(user, 'GET', `/api/admin/procedures${query}`))).items

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
    const { db } = runtime.database
    const [admin] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.username, 'admin'))
    // a second administrator of Hạ Long (193), beside the seeded quantri.193, quantri.194 and quantri.06649
    for (const [username, unitCode] of [['quantri2.193', '193']] as const) {
      const [user] = await db
        .insert(users)
        .values({ username, passwordHash: admin!.passwordHash, fullName: `Quản trị ${username}`, isDemo: true })
        .returning()
      const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, unitCode))
      await db.insert(userRoles).values({ userId: user!.id, role: 'unit_admin', unitId: unit!.id })
    }
  })
  afterAll(() => runtime?.close())

  it('lists the procedures each administrator administers, with their state, and filters them', async () => {
    const all = await list('admin')
    expect(all.find((p) => p.code === '1.001193')).toEqual({
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      level: 'commune',
      field: 'Hộ tịch',
      ownerUnitCode: null,
      ownerUnitName: null,
      state: 'published',
      version: 1,
      scheduled: null,
      draft: null,
      unpublishedChanges: false,
    })
    // the driving licence procedures' effective period ended in February 2025
    expect(all.find((p) => p.code === 'QN-GPLX-01')).toMatchObject({ state: 'retired', version: 1 })
    // a district administrator sees none of the province-wide library, only its own
    expect(await list('quantri.193')).toEqual([])
    const own = await json<Draft>(
      as('quantri.193', 'POST', '/api/admin/drafts', { ownerUnitCode: '06649', definition: wardProcedure('QN-HL-01') }),
      201,
    )
    const mine = await list('quantri.193')
    expect(mine).toEqual([
      expect.objectContaining({
        code: 'QN-HL-01',
        name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
        ownerUnitCode: '06649',
        ownerUnitName: expect.stringContaining('Hà Khánh'),
        state: 'draft',
        version: null,
        draft: expect.objectContaining({ id: own.id, ok: true, problems: 0, awaitingApproval: null }),
        unpublishedChanges: false,
      }),
    ])
    expect(await list('quantri.194')).toEqual([])
    expect((await as('quantri.194', 'GET', `/api/admin/drafts/${own.id}`)).status).toBe(403)

    // a draft over a published procedure is an unpublished change
    await json(as('admin', 'POST', '/api/admin/procedures/1.000656/drafts', {}), 201)
    expect((await list('admin', '?state=changes')).map((p) => p.code)).toEqual(['1.000656'])
    expect((await list('admin', '?state=draft')).map((p) => p.code)).toEqual(['QN-HL-01'])
    // diacritics and case do not matter; the code matches too
    expect((await list('admin', '?q=dang%20ky%20KHAI%20SINH')).map((p) => p.code)).toEqual(['1.001193'])
    expect((await list('admin', '?q=1.000656')).map((p) => p.code)).toEqual(['1.000656'])
    expect((await list('admin', '?unit=193')).map((p) => p.code)).toEqual(['QN-HL-01'])
    const districts = await list('admin', '?level=district')
    expect(districts.length).toBeGreaterThan(0)
    expect(districts.every((p) => p.code !== '1.001193')).toBe(true)
    expect((await list('admin', '?field=ho%20tich')).every((p) => p.code !== 'QN-XD-02')).toBe(true)
    expect((await as('admin', 'GET', '/api/admin/procedures?state=lost')).status).toBe(400)
    expect((await as('lanhdao.06649', 'GET', '/api/admin/procedures')).status).toBe(403)
  })

  it('shows a procedure published for a later day as scheduled', async () => {
    const draft = await json<Draft>(
      as('admin', 'POST', '/api/admin/drafts', { definition: wardProcedure('QN-SAU') }),
      201,
    )
    await json(
      as('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, { effectiveFrom: '2099-01-01T00:00:00+07:00' }),
      201,
    )
    expect((await list('admin', '?q=QN-SAU'))[0]).toMatchObject({
      state: 'scheduled',
      version: null,
      scheduled: { version: 1, from: '2099-01-01' },
    })
  })

  it('starts a new procedure from the library, under a new code when the library’s is taken', async () => {
    const library = await json<{ folder: string; code: string; name: string; taken: boolean }[]>(
      as('quantri.193', 'GET', '/api/admin/library'),
    )
    expect(library).toContainEqual({
      folder: 'dang-ky-khai-sinh',
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      level: 'commune',
      field: 'Hộ tịch',
      taken: true,
    })
    const taken = await as('quantri.193', 'POST', '/api/admin/drafts/from-library', {
      folder: 'dang-ky-khai-sinh',
      ownerUnitCode: '193',
    })
    expect(taken.status).toBe(409)
    expect(await taken.json()).toMatchObject({
      error: { message: { vi: expect.stringContaining('hãy chọn một mã mới') }, issues: [{ path: '/code' }] },
    })
    const draft = await json<Draft>(
      as('quantri.193', 'POST', '/api/admin/drafts/from-library', {
        folder: 'dang-ky-khai-sinh',
        code: 'QN-HL-KS',
        ownerUnitCode: '193',
      }),
      201,
    )
    expect(draft).toMatchObject({
      procedureCode: 'QN-HL-KS',
      ownerUnitCode: '193',
      definition: { code: 'QN-HL-KS', name: 'Đăng ký khai sinh' },
      validation: { ok: true },
    })
    // not for Móng Cái, not for the province, not from a folder the library lacks
    const into = (user: string, body: unknown) => as(user, 'POST', '/api/admin/drafts/from-library', body)
    expect((await into('quantri.193', { folder: 'dang-ky-khai-tu', code: 'X-1', ownerUnitCode: '194' })).status).toBe(
      403,
    )
    expect((await into('quantri.193', { folder: 'dang-ky-khai-tu', code: 'X-1' })).status).toBe(403)
    expect((await into('admin', { folder: 'khong-co', code: 'X-1' })).status).toBe(404)
  })

  it('copies any published procedure into a new one of a unit the caller administers', async () => {
    const copy = await json<Draft>(
      as('quantri.193', 'POST', '/api/admin/procedures/2.000815/copy', {
        code: 'QN-HL-CT',
        ownerUnitCode: '193',
        name: 'Chứng thực bản sao (Hạ Long)',
      }),
      201,
    )
    expect(copy).toMatchObject({
      procedureCode: 'QN-HL-CT',
      ownerUnitCode: '193',
      definition: { code: 'QN-HL-CT', name: 'Chứng thực bản sao (Hạ Long)', field: 'Chứng thực' },
    })
    expect((await list('quantri.193', '?q=chung%20thuc')).map((p) => p.code)).toEqual(['QN-HL-CT'])
    const copyAs = (user: string, source: string, body: unknown) =>
      as(user, 'POST', `/api/admin/procedures/${source}/copy`, body)
    expect((await copyAs('quantri.193', '2.000815', { code: 'QN-MC-CT', ownerUnitCode: '194' })).status).toBe(403)
    expect((await copyAs('quantri.193', '2.000815', { code: 'QN-HL-CT', ownerUnitCode: '193' })).status).toBe(409)
    expect((await copyAs('quantri.193', 'KHONG-CO', { code: 'QN-HL-X', ownerUnitCode: '193' })).status).toBe(404)
    // a draft never published is not a published procedure
    expect((await copyAs('admin', 'QN-HL-01', { code: 'QN-HL-Y' })).status).toBe(404)
  })

  it('keeps four-eyes settings per unit, inherited downwards and audited', async () => {
    expect(await json(as('quantri.193', 'GET', '/api/admin/units/193/settings'))).toEqual({
      fourEyes: false,
      inheritedFrom: null,
      own: null,
    })
    expect((await as('quantri.194', 'PUT', '/api/admin/units/193/settings', { fourEyes: true })).status).toBe(403)
    expect((await as('quantri.193', 'GET', '/api/admin/units/194/settings')).status).toBe(403)
    expect((await as('quantri.193', 'GET', '/api/admin/units/KHONG/settings')).status).toBe(404)
    expect(await json(as('quantri.193', 'PUT', '/api/admin/units/193/settings', { fourEyes: true }))).toEqual({
      fourEyes: true,
      inheritedFrom: null,
      own: true,
    })
    expect(await json(as('admin', 'GET', '/api/admin/units/06649/settings'))).toEqual({
      fourEyes: true,
      inheritedFrom: '193',
      own: null,
    })
    // a ward's own administrator cannot turn off what its district requires; the district's can
    const loosen = await as('quantri.06649', 'PUT', '/api/admin/units/06649/settings', { fourEyes: false })
    expect(loosen.status).toBe(403)
    expect(((await loosen.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain('(193)')
    expect(await json(as('quantri.193', 'PUT', '/api/admin/units/06649/settings', { fourEyes: false }))).toMatchObject({
      fourEyes: false,
      inheritedFrom: null,
    })
    expect(await json(as('quantri.193', 'PUT', '/api/admin/units/06649/settings', { fourEyes: null }))).toMatchObject({
      fourEyes: true,
      inheritedFrom: '193',
    })
    const trail = await runtime.database.db.select().from(unitSettingChanges)
    expect(trail.map((t) => [t.setting, t.before, t.after])).toEqual([
      ['fourEyes', null, true],
      ['fourEyes', null, false],
      ['fourEyes', false, null],
    ])
  })

  it('publishes a four-eyes unit’s draft only once another of its administrators approves', async () => {
    const draft = await json<Draft>(
      as('quantri.193', 'POST', '/api/admin/drafts', { ownerUnitCode: '06649', definition: wardProcedure('QN-HL-4M') }),
      201,
    )
    const requested = await json<Record<string, unknown>>(
      as('quantri.193', 'POST', `/api/admin/drafts/${draft.id}/publish`, {
        effectiveFrom: '2026-01-01T00:00:00+07:00',
      }),
      202,
    )
    expect(requested).toMatchObject({
      awaitingApproval: true,
      requestedBy: 'Quản trị – Thành phố Hạ Long (tài khoản demo)',
      effectiveFrom: '2025-12-31T17:00:00.000Z',
    })
    expect((await runtime.app.request('/api/procedures/QN-HL-4M')).status).toBe(404) // not published yet
    // frozen while it waits, and shown waiting
    const edit = await as('quantri.193', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: draft.definition })
    expect(edit.status).toBe(409)
    expect(((await edit.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain(
      'đang chờ phê duyệt',
    )
    expect(await json<Draft>(as('quantri2.193', 'GET', `/api/admin/drafts/${draft.id}`))).toMatchObject({
      awaitingApproval: { requestedBy: 'Quản trị – Thành phố Hạ Long (tài khoản demo)', requestedByMe: false },
    })
    const drafts = await json<{ id: string; awaitingApproval: unknown }[]>(
      as('quantri.193', 'GET', '/api/admin/drafts'),
    )
    expect(drafts.find((d) => d.id === draft.id)?.awaitingApproval).toMatchObject({ requestedByMe: true })
    expect((await list('admin', '?q=QN-HL-4M'))[0]?.draft?.awaitingApproval).toMatchObject({
      requestedBy: 'Quản trị – Thành phố Hạ Long (tài khoản demo)',
    })
    expect((await as('quantri.193', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})).status).toBe(409)

    // not by the one who asked, not by Móng Cái's administrator
    const own = await as('quantri.193', 'POST', `/api/admin/drafts/${draft.id}/approve`)
    expect(own.status).toBe(403)
    expect(((await own.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain(
      'không thể tự phê duyệt',
    )
    expect((await as('quantri.194', 'POST', `/api/admin/drafts/${draft.id}/approve`)).status).toBe(403)
    expect(await json(as('quantri2.193', 'POST', `/api/admin/drafts/${draft.id}/approve`), 201)).toEqual({
      code: 'QN-HL-4M',
      version: 1,
    })
    expect((await runtime.app.request('/api/procedures/QN-HL-4M')).status).toBe(200)
    // the version keeps both: who asked, and who approved
    const [version] = await runtime.database.db
      .select({ requestedBy: requester.username, publishedBy: users.username })
      .from(procedureVersions)
      .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
      .innerJoin(users, eq(users.id, procedureVersions.publishedBy))
      .innerJoin(requester, eq(requester.id, procedureVersions.requestedBy))
      .where(eq(procedures.code, 'QN-HL-4M'))
    expect(version).toEqual({ requestedBy: 'quantri.193', publishedBy: 'quantri2.193' })
    expect((await as('quantri2.193', 'POST', `/api/admin/drafts/${draft.id}/approve`)).status).toBe(404)
  })

  it('lets a request be turned down or withdrawn, and problems block both asking and approving', async () => {
    const draft = await json<Draft>(
      as('quantri.193', 'POST', '/api/admin/drafts', { ownerUnitCode: '06649', definition: wardProcedure('QN-HL-TL') }),
      201,
    )
    await json(as('quantri.193', 'POST', `/api/admin/drafts/${draft.id}/publish`, {}), 202)
    const rejected = await json<Draft>(
      as('quantri2.193', 'POST', `/api/admin/drafts/${draft.id}/reject`, { note: 'Thiếu căn cứ pháp lý' }),
    )
    expect(rejected).toMatchObject({
      awaitingApproval: null,
      lastRejection: { by: 'Quản trị quantri2.193', note: 'Thiếu căn cứ pháp lý' },
    })
    expect((await as('quantri2.193', 'POST', `/api/admin/drafts/${draft.id}/approve`)).status).toBe(409)
    expect((await as('quantri.193', 'POST', `/api/admin/drafts/${draft.id}/reject`, {})).status).toBe(409)
    // editable again; a broken draft can be neither asked for nor, once broken after asking, approved
    const broken = { ...draft.definition, level: 'province' }
    await json(as('quantri.193', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: broken }))
    expect((await as('quantri.193', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})).status).toBe(400)
    await json(as('quantri.193', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: draft.definition }))
    await json(as('quantri.193', 'POST', `/api/admin/drafts/${draft.id}/publish`, {}), 202)
    // the requester withdraws their own request
    expect(await json<Draft>(as('quantri.193', 'POST', `/api/admin/drafts/${draft.id}/reject`, {}))).toMatchObject({
      awaitingApproval: null,
      lastRejection: { by: 'Quản trị – Thành phố Hạ Long (tài khoản demo)', note: null },
    })
    // province-wide procedures follow the province's setting (off): the province administrator publishes at once
    const library = await json<Draft>(as('admin', 'POST', '/api/admin/procedures/1.004873/drafts', {}), 201)
    expect(await json(as('admin', 'POST', `/api/admin/drafts/${library.id}/publish`, {}), 201)).toEqual({
      code: '1.004873',
      version: 2,
    })
  })

  it('refuses to publish an editing note citizens would read, saying where it is', async () => {
    const draft = await json<Draft>(as('admin', 'POST', '/api/admin/procedures/1.001193/drafts', {}), 201)
    const definition = structuredClone(draft.definition) as unknown as { fees: { name: string }[] }
    definition.fees[0]!.name = `${definition.fees[0]!.name} (mức thu: verify)`
    await json(as('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition }))
    const refused = await json<{ error: { issues: { code: string; path: string }[] } }>(
      as('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {}),
      400,
    )
    expect(refused.error.issues).toContainEqual(
      expect.objectContaining({ code: 'text.editingMark', path: '/definition/fees/0/name' }),
    )
    const published = await json<{ version: number; fees: { name: string }[] }>(
      runtime.app.request('/api/procedures/1.001193'),
    )
    expect(published.fees[0]!.name).not.toContain('verify')
    expect((await as('admin', 'DELETE', `/api/admin/drafts/${draft.id}`)).status).toBe(204)
  })

  it('says what a draft changes against the version in force', async () => {
    const draft = await json<Draft>(as('admin', 'POST', '/api/admin/procedures/1.001022/drafts', {}), 201)
    const changed = structuredClone(draft.definition)
    changed.name = 'Đăng ký nhận cha, mẹ, con (sửa đổi)'
    changed.steps[1]!.budget = { kind: 'workingDays', days: 2 }
    await json(as('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: changed }))
    const diff = await json<{ against: unknown; changes: { path: string; kind: string; label: { vi: string } }[] }>(
      as('admin', 'GET', `/api/admin/drafts/${draft.id}/diff`),
    )
    expect(diff.against).toEqual({ version: 1 })
    expect(diff.changes).toHaveLength(2)
    expect(diff.changes[0]).toMatchObject({
      path: '/name',
      kind: 'changed',
      label: { vi: 'Tên thủ tục: Đăng ký nhận cha, mẹ, con → Đăng ký nhận cha, mẹ, con (sửa đổi)' },
    })
    expect(diff.changes[1]).toMatchObject({
      path: '/steps/1/budget',
      label: { vi: expect.stringContaining('2 ngày làm việc') },
    })
    // a procedure never published has nothing to compare with
    const fresh = (await list('admin', '?q=QN-HL-01'))[0]!.draft!.id
    expect(await json(as('admin', 'GET', `/api/admin/drafts/${fresh}/diff`))).toEqual({ against: null, changes: [] })
    expect((await as('quantri.194', 'GET', `/api/admin/drafts/${fresh}/diff`)).status).toBe(403)
  })

  it('runs a definition dry on a unit’s calendar: a step started on the Friday before Tết ends after it', async () => {
    const { definition } = libraryProcedure('dang-ky-khai-sinh')
    const run = await json<{
      case: string | null
      total: { kind: string; value: unknown; due: string }
      steps: { key: string; from: string; due: string; daysOff: { date: string; name: string; kind: string }[] }[]
      provisional: boolean
    }>(
      as('quantri.193', 'POST', '/api/admin/test-run', {
        definition,
        start: '2026-02-13T16:00:00+07:00',
        unitCode: '06649',
      }),
    )
    expect(run.case).toBeNull()
    expect(run.total).toMatchObject({ kind: 'sameDay', value: '15:00' })
    expect(run.steps.map((s) => s.key)).toEqual(['tiep_nhan', 'xu_ly', 'phe_duyet', 'tra_ket_qua'])
    const [reception, processing] = run.steps
    expect(reception).toMatchObject({ from: '2026-02-13T09:00:00.000Z', due: '2026-02-13T10:00:00.000Z', daysOff: [] })
    // 4 working hours from Friday 17:00: Monday 23/2 11:00, after the weekends and Tết
    expect(processing!.due).toBe('2026-02-23T04:00:00.000Z')
    expect(processing!.daysOff.map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ])
    expect(processing!.daysOff.find((d) => d.date === '2026-02-17')).toMatchObject({
      kind: 'holiday',
      name: expect.stringContaining('Tết'),
    })
    expect(typeof run.provisional).toBe('boolean')

    const broken = { ...definition, steps: [] }
    const refused = await as('quantri.193', 'POST', '/api/admin/test-run', {
      definition: broken,
      start: '2026-02-13T16:00:00+07:00',
    })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({
      error: { issues: [expect.objectContaining({ path: expect.stringMatching(/^\/definition\/steps/) })] },
    })
    expect(
      (
        await as('quantri.193', 'POST', '/api/admin/test-run', {
          definition,
          start: '2026-02-13T16:00:00+07:00',
          unitCode: 'KHONG',
        })
      ).status,
    ).toBe(400)
    expect(
      (await as('lanhdao.06649', 'POST', '/api/admin/test-run', { definition, start: '2026-02-13T16:00:00+07:00' }))
        .status,
    ).toBe(403)
  })

  it('documents every route under the authoring tag', async () => {
    const document = (await (await runtime.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags: string[] }>>
    }
    for (const [path, method] of [
      ['/api/admin/procedures', 'get'],
      ['/api/admin/library', 'get'],
      ['/api/admin/drafts/from-library', 'post'],
      ['/api/admin/procedures/{code}/copy', 'post'],
      ['/api/admin/units/{unitCode}/settings', 'put'],
      ['/api/admin/drafts/{id}/approve', 'post'],
      ['/api/admin/drafts/{id}/reject', 'post'],
      ['/api/admin/drafts/{id}/diff', 'get'],
      ['/api/admin/test-run', 'post'],
    ] as const)
      expect(document.paths[path]?.[method]?.tags).toEqual(['authoring'])
  })
})
