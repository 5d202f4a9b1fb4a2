import { readdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { vietnamDate } from '@motcua/core'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { defaultPluginsDir, pluginSources } from '../plugins/load-plugins'
import { createOutboxWorker } from '../plugins/outbox-worker'
import { defaultProceduresDir } from '../procedures/library'
import { createRegistry, type ProcedureRegistry } from '../procedures/registry'
import { libraryProcedure, openTestRuntime, pluginFixture, signIn, submissionForm, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const birth = libraryProcedure('dang-ky-khai-sinh') // 1.001193, every commune
const licence = libraryProcedure('doi-giay-phep-lai-xe') // QN-GPLX-01 at SGTVT, retired after 28/02/2025
const signature = libraryProcedure('chung-thuc-chu-ky') // 2.000884, every commune
const marital = libraryProcedure('xac-nhan-tinh-trang-hon-nhan') // 1.004873, every commune
const applicant = { fullName: 'Vũ Thị Hạnh', idNumber: '022190001234', phone: '0912345678' }

// every library procedure whose period has ended, with its last day
const retired = readdirSync(defaultProceduresDir())
  .sort()
  .flatMap((folder) => {
    const { to } = libraryProcedure(folder).definition.effective
    return to && to < vietnamDate(new Date()) ? [[folder, to] as const] : []
  })
// a stand-in for the national portal and a sector's system, so the outbox delivers somewhere real
const received: { path: string; body: { MaHoSo: string } }[] = []
const portal: Server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    received.push({ path: req.url ?? '', body: JSON.parse(body) })
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"error_code":0}')
  })
})
const portalUrl = (path: string) => `http://127.0.0.1:${(portal.address() as AddressInfo).port}${path}`
const pluginTestConfig = (): Record<string, Record<string, unknown>> => ({
  'national-portal-sync': { url: portalUrl('/dvcqg/DongBoHoSoMC'), maTinh: '22' },
})

type Lib = typeof birth
interface Issue {
  code: string
  path: string
  message: { vi: string; en: string }
}
interface ErrorBody {
  error: { message: { vi: string; en: string }; issues?: Issue[] }
}

describe.each(testDrivers())('retiring, scheduling and offering procedures on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2026-06-30T10:00:00')
  const call = async (user: string | null, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    // a fresh session at the clock's time: these tests move the clock by months
    if (user) headers.authorization = `Bearer ${await signIn(runtime, user)}`
    return runtime.app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  }
  const submit = (lib: Lib, unitCode: string, app = runtime.app) =>
    app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(lib.definition, {
        procedureCode: lib.definition.code,
        unitCode,
        applicant,
        formData: lib.sample,
      }),
    })
  const intake = async (lib: Lib, unitCode: string) => {
    const form = submissionForm(lib.definition, {
      procedureCode: lib.definition.code,
      unitCode,
      channel: 1,
      applicant,
      formData: lib.sample,
    })
    const token = await signIn(runtime, `tiepnhan.${unitCode.toLowerCase()}`)
    return runtime.app.request('/api/desk/intake', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    })
  }
  const catalogue = async (query = '') =>
    ((await (await runtime.app.request(`/api/procedures${query}`)).json()) as { code: string; version: number }[]).map(
      (p) => p.code,
    )
  const issuesOf = async (res: Response) => ((await res.json()) as ErrorBody).error.issues ?? []
  const publishDraft = async (
    code: string,
    change: (definition: Record<string, unknown>) => void,
    period = 'inForce',
  ) => {
    const draft = (await (await call('admin', 'POST', `/api/admin/procedures/${code}/drafts`, {})).json()) as {
      id: string
      definition: Record<string, unknown>
    }
    change(draft.definition)
    const saved = await call('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: draft.definition })
    expect(saved.status).toBe(200)
    // the studio tells when the draft would take dossiers once published
    expect(((await saved.json()) as { period: string }).period).toBe(period)
    return call('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})
  }
  /** Takes the way forward at each step, by the role the step names at the unit handling it, until it is returned. */
  const driveToTheEnd = async (receiptCode: string, unit: string) => {
    const account = { receiving_officer: 'tiepnhan', specialist: 'chuyenvien', leader: 'lanhdao' } as Record<
      string,
      string
    >
    const tokens: Record<string, string> = {}
    const statuses: number[] = []
    for (let hop = 0; hop < 12; hop++) {
      const lookAs = (tokens.tiepnhan ??= await signIn(runtime, `tiepnhan.${unit}`))
      const seen = (await (
        await runtime.app.request(`/api/desk/dossiers/${receiptCode}`, {
          headers: { authorization: `Bearer ${lookAs}` },
        })
      ).json()) as { step: { role: string } | null; currentUnitCode: string | null }
      if (!seen.step) break
      const user = `${account[seen.step.role]!}.${(seen.currentUnitCode ?? unit).toLowerCase()}`
      const auth = {
        authorization: `Bearer ${(tokens[user] ??= await signIn(runtime, user))}`,
        'content-type': 'application/json',
      }
      const desk = (await (
        await runtime.app.request(`/api/desk/dossiers/${receiptCode}`, { headers: auth })
      ).json()) as {
        version: number
        step: { key: string }
        actions: { key: string; type: string; requires: string[]; to?: string }[]
      }
      const next =
        desk.actions.find((a) => ['receive', 'forward', 'approve'].includes(a.type) && a.to !== desk.step.key) ??
        desk.actions.find((a) => a.type === 'return')
      const inputs = next!.requires.includes('deliveryMethod') ? { deliveryMethod: 'counter' } : {}
      const acted = await runtime.app.request(`/api/desk/dossiers/${receiptCode}/actions/${next!.key}`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ expectedVersion: desk.version, ...inputs }),
      })
      expect(acted.status, await acted.clone().text()).toBe(200)
      statuses.push(((await acted.json()) as { status: number }).status)
    }
    return statuses
  }

  beforeAll(async () => {
    if (!portal.listening) await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve))
    runtime = await openTestRuntime(open, {
      clock: () => now,
      plugins: [...pluginSources(defaultPluginsDir()), pluginFixture('local-rules')],
    })
    // quantri.193, the demo administrator of Hạ Long (193), whose scope covers its wards
  })
  afterAll(async () => {
    await runtime?.close()
    if (portal.listening) await new Promise((resolve) => portal.close(resolve))
  })

  it('keeps the current version until the day a scheduled one takes effect, then switches at midnight without a restart', async () => {
    now = vn('2026-06-30T10:00:00')
    const published = await publishDraft(
      '1.001193',
      (d) => {
        d.name = 'Đăng ký khai sinh (theo quy định mới)'
        d.effective = { from: '2026-07-01' }
      },
      'scheduled',
    )
    expect(published.status).toBe(201)

    const versions = (await (await call('admin', 'GET', '/api/admin/procedures/1.001193/versions')).json()) as {
      version: number
      state: string
      scheduledFrom?: string
    }[]
    expect(versions.map((v) => [v.version, v.state, v.scheduledFrom])).toEqual([
      [2, 'scheduled', '2026-07-01'],
      [1, 'inForce', undefined],
    ])
    const detail = (await (await runtime.app.request('/api/procedures/1.001193')).json()) as {
      version: number
      name: string
      scheduled: { version: number; from: string } | null
    }
    expect(detail).toMatchObject({
      version: 1,
      name: 'Đăng ký khai sinh',
      scheduled: { version: 2, from: '2026-07-01' },
    })

    now = vn('2026-06-30T23:59:00')
    const before = await submit(birth, '06649')
    expect(before.status).toBe(201)
    const filed = (await before.json()) as { receiptCode: string; procedure: { version: number } }
    expect(filed.procedure.version).toBe(1)

    now = vn('2026-07-01T00:00:30') // the same process, past midnight in Vietnam (17:00:30 UTC)
    expect(await (await runtime.app.request('/api/procedures/1.001193')).json()).toMatchObject({
      version: 2,
      name: 'Đăng ký khai sinh (theo quy định mới)',
      scheduled: null,
    })
    const after = (await (await submit(birth, '06649')).json()) as { procedure: { version: number; name: string } }
    expect(after.procedure).toMatchObject({ version: 2, name: 'Đăng ký khai sinh (theo quy định mới)' })

    // the dossier filed at 23:59 finishes under its own version
    now = vn('2026-07-01T08:00:00')
    const desk = (await (await call('tiepnhan.06649', 'GET', `/api/desk/dossiers/${filed.receiptCode}`)).json()) as {
      procedure: { name: string }
    }
    expect(desk.procedure.name).toBe('Đăng ký khai sinh')
    expect((await driveToTheEnd(filed.receiptCode, '06649')).at(-1)).toBe(10)
  })

  it('announces a new procedure ahead of its first day and withdraws one whose units are emptied', async () => {
    now = vn('2026-10-01T09:00:00')
    const announced = { ...signature.definition, code: 'QN-CTCK-02', effective: { from: '2026-10-15' } }
    const created = (await (await call('admin', 'POST', '/api/admin/drafts', { definition: announced })).json()) as {
      id: string
      period: string
    }
    expect(created.period).toBe('scheduled')
    expect((await call('admin', 'POST', `/api/admin/drafts/${created.id}/publish`, {})).status).toBe(201)
    const early = await runtime.app.request('/api/procedures/QN-CTCK-02')
    expect(early.status).toBe(404)
    expect(((await early.json()) as ErrorBody).error.message.vi).toBe(
      'Thủ tục QN-CTCK-02 có hiệu lực từ ngày 15/10/2026; từ ngày đó mới tiếp nhận hồ sơ.',
    )
    const lib = { ...signature, definition: announced }
    expect(await issuesOf(await submit(lib, '06649'))).toMatchObject([
      { code: 'procedure.notYetInForce', path: '/procedureCode' },
    ])
    expect(
      (
        (await (await call('admin', 'GET', '/api/admin/procedures/QN-CTCK-02/versions')).json()) as { state: string }[]
      )[0],
    ).toMatchObject({ state: 'scheduled', scheduledFrom: '2026-10-15' })
    now = vn('2026-10-15T07:00:00')
    expect(await catalogue('?unit=06649')).toContain('QN-CTCK-02')
    expect((await submit(lib, '06649')).status).toBe(201)

    // a version offered by no unit: off the catalogue, refused with why
    expect((await publishDraft('QN-CTCK-02', (d) => Object.assign(d, { units: [] }))).status).toBe(201)
    expect(await catalogue()).not.toContain('QN-CTCK-02')
    expect(await issuesOf(await submit(lib, '06649'))).toMatchObject([{ code: 'procedure.withdrawn' }])
  })

  it('retires a procedure after its last day: off the catalogue, refused online, at the counter and in drafts, while its dossiers run to the end', async () => {
    now = vn('2025-02-20T09:00:00')
    // the procedure requires the national portal sync: SGTVT does not offer it until that is enabled
    const refused = await submit(licence, 'SGTVT')
    expect(refused.status).toBe(400)
    expect(await issuesOf(refused)).toMatchObject([{ code: 'unit.pluginNotEnabled', path: '/unitCode' }])
    expect(await catalogue('?unit=SGTVT')).not.toContain('QN-GPLX-01')
    const offering = (await (await call('admin', 'GET', '/api/admin/procedures/QN-GPLX-01/offering')).json()) as {
      units: { unit: { code: string }; offered: boolean; reason: { code: string } | null }[]
    }
    expect(offering.units).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ code: 'SGTVT' }),
        offered: false,
        reason: expect.objectContaining({ code: 'unit.pluginNotEnabled' }),
      }),
    ])
    const enabled = await call('admin', 'PUT', '/api/admin/units/SGTVT/plugins/national-portal-sync', {
      enabled: true,
      config: pluginTestConfig()['national-portal-sync'],
    })
    expect(enabled.status).toBe(200)
    expect(await catalogue('?unit=SGTVT')).toContain('QN-GPLX-01')

    now = vn('2025-02-28T16:30:00') // the last day
    const lastDay = await submit(licence, 'SGTVT')
    expect(lastDay.status).toBe(201)
    const { receiptCode } = (await lastDay.json()) as { receiptCode: string }
    expect((await call('congdan', 'PUT', '/api/me/drafts/QN-GPLX-01', { formData: {} })).status).toBe(200)

    // a retry of a submission that went through at 23:59:59 on the last day gets its dossier after midnight
    now = vn('2025-02-28T23:59:59')
    const retried = () => ({
      method: 'POST',
      headers: { 'idempotency-key': 'gplx-2025-02-28-vu-thi-hanh' },
      body: submissionForm(licence.definition, {
        procedureCode: 'QN-GPLX-01',
        unitCode: 'SGTVT',
        applicant,
        formData: licence.sample,
      }),
    })
    const first = await runtime.app.request('/api/dossiers', retried())
    expect(first.status).toBe(201)
    now = vn('2025-03-01T00:00:01')
    const again = await runtime.app.request('/api/dossiers', retried())
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(((await again.json()) as { receiptCode: string }).receiptCode).toBe(
      ((await first.json()) as { receiptCode: string }).receiptCode,
    )

    now = vn('2025-03-01T07:30:00') // the police took over
    expect(await catalogue()).not.toContain('QN-GPLX-01')
    const gone = await runtime.app.request('/api/procedures/QN-GPLX-01')
    expect(gone.status).toBe(404)
    expect(((await gone.json()) as ErrorBody).error.message.vi).toBe(
      'Thủ tục QN-GPLX-01 đã hết hiệu lực từ ngày 01/03/2025: không tiếp nhận hồ sơ mới. Hồ sơ đã nộp vẫn được giải quyết và tra cứu bình thường.',
    )
    const online = await submit(licence, 'SGTVT')
    expect(online.status).toBe(400)
    expect(await issuesOf(online)).toMatchObject([{ code: 'procedure.retired', path: '/procedureCode' }])
    now = vn('2025-03-03T09:00:00') // Monday, the counter open
    const counter = await intake(licence, 'SGTVT')
    expect(counter.status).toBe(400)
    expect(await issuesOf(counter)).toMatchObject([{ code: 'procedure.retired', path: '/procedureCode' }])
    expect((await call('congdan', 'PUT', '/api/me/drafts/QN-GPLX-01', { formData: {} })).status).toBe(404)
    const drafts = (await (await call('congdan', 'GET', '/api/me/drafts')).json()) as {
      procedureCode: string
      inForce: boolean
      notice: { vi: string } | null
    }[]
    expect(drafts.find((d) => d.procedureCode === 'QN-GPLX-01')).toMatchObject({
      inForce: false,
      notice: { vi: expect.stringContaining('đã hết hiệu lực từ ngày 01/03/2025') },
    })
    const versions = (await (await call('admin', 'GET', '/api/admin/procedures/QN-GPLX-01/versions')).json()) as {
      state: string
    }[]
    expect(versions.map((v) => v.state)).toEqual(['retired'])

    // the dossier filed on the last day is tracked and processed to the returned result
    expect((await runtime.app.request(`/api/track/${receiptCode}`)).status).toBe(200)
    expect((await driveToTheEnd(receiptCode, 'sgtvt')).at(-1)).toBe(10)
  })

  it.each(retired)(
    '%s (retired after %s) takes dossiers on its last day and none the day after; they run to the end',
    async (folder, to) => {
      const lib = libraryProcedure(folder)
      const unitCode =
        lib.definition.units?.[0] ?? { commune: '06649', district: '193', province: 'STP' }[lib.definition.level]!
      now = vn(`${to}T09:00:00`)
      for (const use of lib.definition.plugins ?? [])
        if (use.required)
          expect(
            (
              await call('admin', 'PUT', `/api/admin/units/${unitCode}/plugins/${use.slug}`, {
                enabled: true,
                config: pluginTestConfig()[use.slug],
              })
            ).status,
          ).toBe(200)
      const filed = await submit(lib, unitCode)
      expect(filed.status).toBe(201)
      now = new Date(vn(`${to}T08:00:00`).getTime() + 86_400_000)
      const refused = await submit(lib, unitCode)
      expect(await issuesOf(refused)).toMatchObject([{ code: 'procedure.retired', path: '/procedureCode' }])
      const { receiptCode } = (await filed.json()) as { receiptCode: string }
      expect((await driveToTheEnd(receiptCode, unitCode.toLowerCase())).at(-1)).toBe(10)
    },
  )

  it('lets administrators turn a procedure off or on at units without a new version, audited, honoured at once', async () => {
    now = vn('2026-08-03T09:00:00') // Monday
    const filed = (await (await submit(signature, '06652')).json()) as { receiptCode: string }

    // a district administrator pauses Hà Phong (a ward of Hạ Long) for August, from tomorrow
    const paused = await call('quantri.193', 'PUT', '/api/admin/procedures/2.000884/offering', {
      units: [{ unit: '06652', offered: false, from: '2026-08-04', to: '2026-08-31' }],
      reason: 'Phường sắp xếp lại bộ phận một cửa',
    })
    expect(paused.status).toBe(200)
    const view = (await paused.json()) as {
      units: { unit: { code: string }; offered: boolean; by: string; setting: unknown }[]
      history: { by: string; unit: string; before: unknown; after: unknown; reason: string }[]
    }
    expect(view.units.every((u) => ['193', '22'].includes(u.unit.code) === false)).toBe(true)
    expect(view.units.find((u) => u.unit.code === '06652')).toMatchObject({
      offered: true, // not yet: from tomorrow
      setting: { offered: false, from: '2026-08-04', to: '2026-08-31' },
    })
    expect(view.history).toEqual([
      expect.objectContaining({
        by: 'quantri.193',
        unit: '06652',
        before: null,
        after: { offered: false, from: '2026-08-04', to: '2026-08-31' },
        reason: 'Phường sắp xếp lại bộ phận một cửa',
      }),
    ])

    now = vn('2026-08-04T08:00:00')
    expect(await catalogue('?unit=06652')).not.toContain('2.000884')
    expect(await catalogue('?unit=06649')).toContain('2.000884')
    const online = await submit(signature, '06652')
    expect(online.status).toBe(400)
    expect(await issuesOf(online)).toMatchObject([
      {
        code: 'unit.offeringOff',
        path: '/unitCode',
        message: { vi: expect.stringContaining('tạm ngừng tiếp nhận thủ tục "Chứng thực chữ ký') },
      },
    ])
    expect(await issuesOf(await intake(signature, '06652'))).toMatchObject([{ code: 'unit.offeringOff' }])
    expect((await submit(signature, '06649')).status).toBe(201)
    // the dossier filed before goes on
    expect((await driveToTheEnd(filed.receiptCode, '06652')).at(-1)).toBe(10)

    now = vn('2026-09-01T08:00:00') // the period is over: the definition decides again
    expect(await catalogue('?unit=06652')).toContain('2.000884')

    // back to the definition, audited with its before
    const reset = (await (
      await call('quantri.193', 'PUT', '/api/admin/procedures/2.000884/offering', {
        units: [{ unit: '06652', offered: null }],
      })
    ).json()) as typeof view
    expect(reset.history[0]).toMatchObject({
      unit: '06652',
      before: { offered: false, from: '2026-08-04', to: '2026-08-31' },
      after: null,
    })
  })

  it('extends a pilot beyond the units its definition names, and another process sees it through the database', async () => {
    now = vn('2026-09-07T08:00:00')
    // version 2 of the marital status certificate, piloted in Hà Khánh only
    expect((await publishDraft('1.004873', (d) => Object.assign(d, { units: ['06649'] }))).status).toBe(201)
    expect(await catalogue('?unit=06652')).not.toContain('1.004873')
    expect(await issuesOf(await submit(marital, '06652'))).toMatchObject([{ code: 'unit.notOffering' }])

    const registry: ProcedureRegistry = await createRegistry(runtime.database)
    const otherProcess = createApp({ ...runtime, registry })
    expect((await submit(marital, '06652', otherProcess)).status).toBe(400)
    try {
      const extended = await call('admin', 'PUT', '/api/admin/procedures/1.004873/offering', {
        units: [{ unit: '06652', offered: true }],
        reason: 'Mở rộng thí điểm',
      })
      expect(extended.status).toBe(200)
      expect(await catalogue('?unit=06652')).toContain('1.004873')
      expect((await submit(marital, '06652')).status).toBe(201)
      // the other process's registry reloads on the notification
      let status = 0
      for (let i = 0; i < 50 && status !== 201; i++) {
        status = (await submit(marital, '06652', otherProcess)).status
        if (status !== 201) await new Promise((r) => setTimeout(r, 50))
      }
      expect(status).toBe(201)
    } finally {
      await registry.close()
    }
  })

  it('refuses hostile or wrong offering changes with 4xx, each at its path', async () => {
    now = vn('2026-09-08T08:00:00')
    const put = (user: string, body: unknown, code = '2.000884') =>
      call(user, 'PUT', `/api/admin/procedures/${code}/offering`, body)
    const unknown = await put('admin', { units: [{ unit: '99999', offered: false }] })
    expect(unknown.status).toBe(400)
    expect(await issuesOf(unknown)).toMatchObject([{ code: 'unit.unknown', path: '/units/0/unit' }])
    const several = await put('admin', {
      units: [
        { unit: '06649', offered: false, from: '2026-10-01', to: '2026-09-30' },
        { unit: '06649', offered: true },
        { unit: '193', offered: true },
      ],
    })
    expect(several.status).toBe(400)
    expect((await issuesOf(several)).map((i) => [i.code, i.path])).toEqual([
      ['offering.toBeforeFrom', '/units/0/to'],
      ['key.duplicate', '/units/1/unit'],
      ['offering.levelMismatch', '/units/2/unit'],
    ])
    for (const body of [
      { units: [{ unit: '06649', offered: 'yes' }] },
      { units: [{ unit: '06649', offered: false, from: '2026-02-30' }] },
      { units: [{ unit: '06649', offered: false, note: 'x' }] },
      { units: [] },
      { units: Array.from({ length: 501 }, () => ({ unit: '06649', offered: true })) },
      { units: [{ unit: "06649'; drop table units; --", offered: true }] },
    ])
      expect((await put('admin', body)).status).toBe(400)
    // a district's administrator: not a ward of another district
    expect((await put('quantri.193', { units: [{ unit: '06709', offered: false }] })).status).toBe(403)
    expect((await put('tiepnhan.06649', { units: [{ unit: '06649', offered: false }] })).status).toBe(403)
    expect((await put('admin', { units: [{ unit: '06649', offered: false }] }, 'KHONG-CO')).status).toBe(404)
    expect((await call(null, 'GET', '/api/admin/procedures/2.000884/offering')).status).toBe(401)
  })

  it('checks a draft’s plugins against the installed ones, and honours a required plugin and its procedure config', async () => {
    now = vn('2026-09-09T08:00:00')
    const draft = (await (await call('admin', 'POST', '/api/admin/procedures/1.000656/drafts', {})).json()) as {
      id: string
      definition: Record<string, unknown>
    }
    const check = async (plugins: unknown) => {
      await call('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: { ...draft.definition, plugins } })
      return (
        (await (await call('admin', 'POST', `/api/admin/drafts/${draft.id}/validate`)).json()) as {
          issues: Issue[]
        }
      ).issues.map((i) => [i.code, i.path])
    }
    expect(await check([{ slug: 'thanh-toan-momo' }])).toEqual([['plugin.unknown', '/definition/plugins/0/slug']])
    expect(await check([{ slug: 'quy-dinh-dia-phuong', config: { phiDiaPhuong: 'hai mươi nghìn' } }])).toEqual([
      ['plugin.config', '/definition/plugins/0/config/phiDiaPhuong'],
    ])
    expect(await check([{ slug: 'vietnam-qr-pay', config: { webhookSecret: 'khoa-bi-mat-khong-duoc-ghi' } }])).toEqual([
      ['plugin.configSecret', '/definition/plugins/0/config/webhookSecret'],
    ])
    expect((await call('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})).status).toBe(400)
    expect(await check([{ slug: 'quy-dinh-dia-phuong', required: true, config: { phiDiaPhuong: 20000 } }])).toEqual([])
    expect((await call('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})).status).toBe(201)

    const death = libraryProcedure('dang-ky-khai-tu')
    // not enabled anywhere yet: no ward offers it, and the administrator sees why
    expect(await catalogue('?unit=06649')).not.toContain('1.000656')
    expect(await issuesOf(await submit(death, '06649'))).toMatchObject([
      { code: 'unit.pluginNotEnabled', path: '/unitCode' },
    ])
    const why = (await (await call('quantri.193', 'GET', '/api/admin/procedures/1.000656/offering')).json()) as {
      units: { unit: { code: string }; reason: { code: string; message: { vi: string } } | null }[]
    }
    expect(why.units.find((u) => u.unit.code === '06649')?.reason).toMatchObject({
      code: 'unit.pluginNotEnabled',
      message: { vi: expect.stringContaining('Quy định địa phương') },
    })

    // Hạ Long enables the plugin with its own fee: this procedure's dossiers take the procedure's, others the unit's
    const enabled = await call('admin', 'PUT', '/api/admin/units/193/plugins/quy-dinh-dia-phuong', {
      enabled: true,
      config: { phiDiaPhuong: 5000 },
    })
    expect(enabled.status).toBe(200)
    expect(await catalogue('?unit=06649')).toContain('1.000656')
    const fees = async (res: Response) => {
      expect(res.status).toBe(201)
      return ((await res.json()) as { fees: { key: string; amount: number }[] }).fees.find(
        (f) => f.key === 'phi_dia_phuong',
      )?.amount
    }
    expect(await fees(await submit(death, '06649'))).toBe(20000)
    expect(await fees(await submit(birth, '06649'))).toBe(5000)
  })

  it('delivers a procedure’s dossiers with its plugin config laid over the unit’s: hộ tịch to the sector’s system', async () => {
    now = vn('2026-09-10T08:00:00')
    const marriage = libraryProcedure('dang-ky-ket-hon')
    expect(
      (
        await call('admin', 'PUT', '/api/admin/units/193/plugins/national-portal-sync', {
          enabled: true,
          config: { url: portalUrl('/dvcqg/DongBoHoSoMC'), maTinh: '22' },
        })
      ).status,
    ).toBe(200)
    const published = await publishDraft(marriage.definition.code, (d) =>
      Object.assign(d, { plugins: [{ slug: 'national-portal-sync', config: { url: portalUrl('/hotich/dongbo') } }] }),
    )
    expect(published.status).toBe(201)
    const filed = async (lib: Lib) =>
      ((await (await submit(lib, '06649')).json()) as { receiptCode: string }).receiptCode
    const married = await filed(marriage)
    const born = await filed(birth)
    await createOutboxWorker(runtime.database, runtime.plugins).runOnce()
    const pathOf = (code: string) => [...new Set(received.filter((r) => r.body.MaHoSo === code).map((r) => r.path))]
    expect(pathOf(married)).toEqual(['/hotich/dongbo'])
    expect(pathOf(born)).toEqual(['/dvcqg/DongBoHoSoMC'])
  })
})
