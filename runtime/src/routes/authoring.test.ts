import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, TEST_PASSWORD, type TestRuntime } from '../testing'

const copyRequest = libraryProcedure('cap-ban-sao-trich-luc-ho-tich') // commune level, no attachment required
const fileCopyRequest = (procedureCode: string, unitCode: string) =>
  JSON.stringify({
    procedureCode,
    unitCode,
    applicant: { fullName: 'Lê Văn Tâm' },
    formData: copyRequest.sample,
    declaration: true,
  })

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
    runtime = await openTestRuntime(open) // with quantri.193, the demo administrator of Hạ Long, whose scope covers its wards
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
  it('keeps a district’s procedures at its level or below and within its own units', async () => {
    const base = { ...copyRequest.definition, code: 'QN-HL-TRICH-LUC' } as Record<string, unknown>
    delete base.units
    // a province-level procedure, and one offered by a Móng Cái ward: both listed as problems, neither publishable
    const above = (await (
      await call('quantri.193', 'POST', '/api/admin/drafts', {
        ownerUnitCode: '193',
        definition: { ...base, level: 'province' },
      })
    ).json()) as Draft
    expect(above.validation.issues).toContainEqual(
      expect.objectContaining({ code: 'scope.levelAbove', path: '/definition/level' }),
    )
    expect((await call('quantri.193', 'POST', `/api/admin/drafts/${above.id}/publish`, {})).status).toBe(400)
    const saved = (await (
      await call('quantri.193', 'PUT', `/api/admin/drafts/${above.id}`, {
        definition: { ...base, units: ['06649', '06709'] },
      })
    ).json()) as Draft
    expect(saved.validation.issues).toEqual([
      expect.objectContaining({ code: 'scope.unitOutside', path: '/definition/units/1' }),
    ])
    const refused = await call('quantri.193', 'POST', `/api/admin/drafts/${above.id}/publish`, {})
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ error: { issues: [{ path: '/definition/units/1' }] } })

    // without a list of units, a commune-level procedure of Hạ Long is offered by Hạ Long's wards only
    await call('quantri.193', 'PUT', `/api/admin/drafts/${above.id}`, { definition: base })
    expect((await call('quantri.193', 'POST', `/api/admin/drafts/${above.id}/publish`, {})).status).toBe(201)
    const submit = (unitCode: string) =>
      runtime.app.request('/api/dossiers', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: fileCopyRequest('QN-HL-TRICH-LUC', unitCode),
      })
    expect((await submit('06649')).status).toBe(201) // Phường Hà Khánh, Hạ Long
    const outside = await submit('06709') // a ward of Móng Cái
    expect(outside.status).toBe(400)
    expect(await outside.json()).toMatchObject({ error: { issues: [{ code: 'unit.notOffering' }] } })
    const codes = async (unit: string) =>
      ((await (await runtime.app.request(`/api/procedures?unit=${unit}`)).json()) as { code: string }[]).map(
        (p) => p.code,
      )
    expect(await codes('06649')).toContain('QN-HL-TRICH-LUC')
    expect(await codes('06709')).not.toContain('QN-HL-TRICH-LUC')
  })

  it('lists each administrator’s drafts, and deleting an unpublished one frees its code', async () => {
    const definition = { ...copyRequest.definition, code: 'QN-HL-NHAP' }
    const created = (await (
      await call('quantri.193', 'POST', '/api/admin/drafts', { ownerUnitCode: '06649', definition })
    ).json()) as Draft
    const list = async (username: string, query = '') =>
      (await (await call(username, 'GET', `/api/admin/drafts${query}`)).json()) as {
        id: string
        procedureCode: string
        ownerUnitCode: string | null
        ok: boolean
      }[]
    expect(await list('quantri.193')).toContainEqual(
      expect.objectContaining({ id: created.id, procedureCode: 'QN-HL-NHAP', ownerUnitCode: '06649', ok: true }),
    )
    expect((await list('admin')).map((d) => d.id)).toContain(created.id)
    expect((await list('quantri.193', '?q=trich luc')).map((d) => d.id)).toContain(created.id)
    // the province's own drafts are not the district's to see
    const provinceDraft = (await (
      await call('admin', 'POST', '/api/admin/procedures/1.001193/drafts', {})
    ).json()) as Draft
    expect((await list('quantri.193')).map((d) => d.id)).not.toContain(provinceDraft.id)
    expect((await call('quantri.193', 'DELETE', `/api/admin/drafts/${provinceDraft.id}`)).status).toBe(403)

    expect((await call('quantri.193', 'DELETE', `/api/admin/drafts/${created.id}`)).status).toBe(204)
    expect((await call('quantri.193', 'GET', `/api/admin/drafts/${created.id}`)).status).toBe(404)
    const again = await call('quantri.193', 'POST', '/api/admin/drafts', { ownerUnitCode: '06649', definition })
    expect(again.status).toBe(201)
    // deleting a draft of a published procedure keeps the procedure
    expect((await call('admin', 'DELETE', `/api/admin/drafts/${provinceDraft.id}`)).status).toBe(204)
    expect((await runtime.app.request('/api/procedures/1.001193')).status).toBe(200)
  })

  it('withdraws a procedure from a day: no new dossiers, while those in flight go on', async () => {
    const code = copyRequest.definition.code
    const filed = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fileCopyRequest(code, '06649'),
    })
    expect(filed.status).toBe(201)
    const { receiptCode } = (await filed.json()) as { receiptCode: string }
    const early = await call('admin', 'POST', `/api/admin/procedures/${code}/withdraw`, { withdrawnFrom: '2015-06-01' })
    expect(early.status).toBe(400)

    const withdrawn = await call('admin', 'POST', `/api/admin/procedures/${code}/withdraw`, {})
    expect(withdrawn.status).toBe(201)
    expect((await runtime.app.request(`/api/procedures/${code}`)).status).toBe(404)
    const catalogue = (await (await runtime.app.request('/api/procedures')).json()) as { code: string }[]
    expect(catalogue.map((p) => p.code)).not.toContain(code)
    const late = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fileCopyRequest(code, '06649'),
    })
    expect(late.status).toBe(400)
    const versions = (await (await call('admin', 'GET', `/api/admin/procedures/${code}/versions`)).json()) as {
      version: number
      effective: { to?: string | null }
      inForce: boolean
    }[]
    expect(versions[0]!.effective.to).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(versions.some((v) => v.inForce)).toBe(false)

    // the dossier filed before goes on under its own version
    const officer = await call('tiepnhan.06649', 'POST', `/api/desk/dossiers/${receiptCode}/actions/tiep_nhan`, {
      expectedVersion: 1,
    })
    expect(officer.status).toBe(200)
  })
})
