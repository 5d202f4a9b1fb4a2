import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { outbox } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { asc } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  asOfficers,
  libraryProcedure,
  openTestRuntime,
  pluginFixture,
  sampleSubmission,
  type TestRuntime,
} from '../testing'
import { createOutboxWorker } from './outbox-worker'

const permit = libraryProcedure('cap-giay-phep-xay-dung-nha-o-rieng-le') // QN-GPXD-01, district level
const declared = { procedure: 'QN-GPXD-01', data: { cong_trinh: permit.sample.cong_trinh } }

// the sector's system the call-out goes to: refuses while `refusing`, records what it takes
const received: { topic: string; payload: { snapshot: { form: unknown }; change: { actionKey: string } } }[] = []
let refusing = false
const server: Server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    if (refusing) return res.writeHead(503).end()
    received.push(JSON.parse(body))
    res.writeHead(200).end('{}')
  })
})

describe.each(testDrivers())('what plugins contribute, at work, on $name', ({ open }) => {
  let runtime: TestRuntime
  let url: string
  const { as } = asOfficers(() => runtime)
  const enable = async (unit: string, slug: string, config: unknown, enabled = true) =>
    expect((await as('admin', 'PUT', `/api/admin/units/${unit}/plugins/${slug}`, { enabled, config })).status).toBe(200)
  const file = async () => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(permit, '193'))
    expect(res.status).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }
  const act = async (user: string, receiptCode: string, action: string, body: object = {}) => {
    const view = await (await as(user, 'GET', `/api/desk/dossiers/${receiptCode}`)).json()
    return as(user, 'POST', `/api/desk/dossiers/${receiptCode}/actions/${action}`, {
      expectedVersion: (view as { version: number }).version,
      ...body,
    })
  }
  const rows = async (slug: string) =>
    (await runtime.database.db.select().from(outbox).orderBy(asc(outbox.id))).filter((r) => r.pluginSlug === slug)

  beforeAll(async () => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nhan`
    runtime = await openTestRuntime(open, {
      plugins: ['form-reader', 'status-sync', 'contributions'].map(pluginFixture),
    })
    await enable('193', 'doc-bieu-mau', {})
    await enable('193', 'dong-bo-thu', { url })
  })
  afterAll(async () => {
    await runtime?.close()
  })

  it('gives each plugin only the form fields it declared, in every hook it runs and through its routes', async () => {
    const code = await file()
    expect((await act('tiepnhan.193', code, 'tiep_nhan')).status).toBe(200)
    const mine = await rows('doc-bieu-mau')
    expect(mine.map((r) => r.topic)).toEqual(['hook.onSubmit', 'hook.afterAction'])
    for (const row of mine) expect((row.payload as { snapshot: { form: unknown } }).snapshot.form).toEqual(declared)
    // nothing else of the form: not the owner's căn cước number, not the plot
    expect(JSON.stringify(mine.map((r) => r.payload))).not.toContain(
      (permit.sample.chu_dau_tu as { so_dinh_danh: string }).so_dinh_danh,
    )
    // a plugin that declares nothing for the procedure sees no form at all
    for (const row of await rows('dong-bo-thu'))
      expect((row.payload as { snapshot: { form: unknown } }).snapshot.form).toBeNull()
    // the fee hook too was given the declared fields only (the form has no khong_co_trong_mau)
    const { fees } = (mine[0]!.payload as { snapshot: { fees: { key: string; name: string }[] } }).snapshot
    expect(fees.find((f) => f.key === 'truong_da_thay')?.name).toBe('cong_trinh')

    await createOutboxWorker(runtime.database, runtime.plugins).runOnce()
    const seen = (await rows('doc-bieu-mau')).filter((r) => r.topic.startsWith('seen.'))
    expect(seen.map((r) => r.payload)).toEqual([{ form: declared }, { form: declared, action: 'tiep_nhan' }])

    const route = await runtime.app.request(`/api/plugins/doc-bieu-mau/form/${code}`)
    expect(await route.json()).toEqual(declared)
  })

  it('shows a plugin’s beforeAction the declared fields only', async () => {
    const code = await file()
    await enable('193', 'doc-bieu-mau', { refuse: true })
    const refused = await act('tiepnhan.193', code, 'tiep_nhan')
    await enable('193', 'doc-bieu-mau', {})
    expect(refused.status).toBe(409)
    const { error } = (await refused.json()) as { error: { message: { vi: string } } }
    expect(JSON.parse(error.message.vi.replace(/^Thấy: /, ''))).toEqual(declared)
  })

  it('runs onComplete when the dossier leaves its last step, after that change’s afterAction', async () => {
    const before = (await rows('doc-bieu-mau')).length
    const code = await file()
    expect((await act('tiepnhan.193', code, 'tu_choi', { reason: 'Thiếu bản vẽ thiết kế' })).status).toBe(200)
    const queued = (await rows('doc-bieu-mau')).slice(before)
    expect(queued.map((r) => r.topic)).toEqual(['hook.onSubmit', 'hook.afterAction', 'hook.onComplete'])
    await createOutboxWorker(runtime.database, runtime.plugins).runOnce()
    const done = (await rows('doc-bieu-mau')).filter((r) => r.topic === 'seen.onComplete')
    expect(done.at(-1)!.payload).toEqual({ form: declared, action: 'tu_choi', step: null })
    // an action that does not end it runs no onComplete (the first test's receive)
    expect(done).toHaveLength(1)
  })

  it('calls out when an officer takes an action that names a plugin: queued with the change, delivered with retries', async () => {
    const publish = async (callOut: object) => {
      const draft = (await (await as('admin', 'POST', '/api/admin/procedures/QN-GPXD-01/drafts', {})).json()) as {
        id: string
        definition: { steps: { actions: { key: string }[] }[]; plugins?: unknown }
      }
      Object.assign(draft.definition.steps[0]!.actions.find((a) => a.key === 'tiep_nhan')!, { callOut })
      draft.definition.plugins = [{ slug: 'doc-bieu-mau' }]
      expect((await as('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: draft.definition })).status).toBe(
        200,
      )
      return as('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})
    }
    // checked against the plugin's declared actions before it is published
    const wrong = await publish({ plugin: 'doc-bieu-mau', action: 'gui-kho-bac' })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(await wrong.json())).toContain('callOut.unknownAction')
    expect((await publish({ plugin: 'doc-bieu-mau', action: 'gui-ho-so' })).status).toBe(201)

    // not enabled for the unit: the action is refused, nothing changes
    const code = await file()
    await enable('193', 'doc-bieu-mau', {}, false)
    const refused = await act('tiepnhan.193', code, 'tiep_nhan')
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain(
      'Đọc biểu mẫu',
    )
    expect((await rows('doc-bieu-mau')).filter((r) => r.topic.startsWith('action.'))).toEqual([])

    await enable('193', 'doc-bieu-mau', { url })
    expect((await act('tiepnhan.193', code, 'tiep_nhan')).status).toBe(200)
    const [queued] = (await rows('doc-bieu-mau')).filter((r) => r.topic.startsWith('action.'))
    expect(queued).toMatchObject({ topic: 'action.gui-ho-so', state: 'pending' })
    expect((queued!.payload as { snapshot: { form: unknown } }).snapshot.form).toEqual(declared)

    // the plugin's retry policy: its first retry a second later
    received.length = 0
    refusing = true
    const worker = createOutboxWorker(runtime.database, runtime.plugins)
    const now = new Date()
    await worker.runOnce(now)
    refusing = false
    await worker.runOnce(new Date(now.getTime() + 1000))
    const [sent] = (await rows('doc-bieu-mau')).filter((r) => r.topic.startsWith('action.'))
    expect(sent).toMatchObject({ state: 'delivered', attempts: 2 })
    const delivered = received.filter((m) => m.topic === 'action.gui-ho-so')
    expect(delivered).toHaveLength(1)
    expect(delivered[0]!.payload.snapshot.form).toEqual(declared)
    expect(delivered[0]!.payload.change.actionKey).toBe('tiep_nhan')
    // the desk's history says it went
    const view = (await (await as('chuyenvien.193', 'GET', `/api/desk/dossiers/${code}`)).json()) as {
      callOuts: unknown[]
    }
    expect(view.callOuts).toEqual([
      expect.objectContaining({
        plugin: { vi: 'Đọc biểu mẫu', en: 'Form reader' },
        action: expect.objectContaining({ vi: 'Gửi hồ sơ sang hệ thống ngành' }),
        state: 'delivered',
        attempts: 2,
      }),
    ])
  })

  it('checks a form field with a plugin’s format on the server, with its message, and gives the portal its widget', async () => {
    const draft = (await (await as('admin', 'POST', '/api/admin/procedures/QN-GPXD-01/drafts', {})).json()) as {
      id: string
      definition: {
        form: {
          schema: { properties: { dia_diem: { properties: { so_to_ban_do: { format?: string } } } } }
          uiSchema?: Record<string, Record<string, unknown>>
        }
      }
    }
    const { form } = draft.definition
    form.schema.properties.dia_diem.properties.so_to_ban_do.format = 'so-to-ban-do'
    form.uiSchema = { ...form.uiSchema, dia_diem: { ...form.uiSchema?.dia_diem, so_thua: { 'ui:widget': 'so-thua' } } }
    expect((await as('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: draft.definition })).status).toBe(
      200,
    )
    expect((await as('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})).status).toBe(201)

    const detail = (await (await runtime.app.request('/api/procedures/QN-GPXD-01')).json()) as Record<string, unknown>
    expect(detail.formats).toEqual({
      'so-to-ban-do': {
        pattern: '^[0-9]{1,4}$',
        message: { vi: 'Số tờ bản đồ gồm 1–4 chữ số', en: 'A map sheet number has 1–4 digits' },
      },
    })
    expect(detail.widgets).toEqual({
      'so-thua': { name: { vi: 'Số thửa', en: 'Plot number' }, inputMode: 'numeric', maxLength: 6 },
    })

    const plot = permit.sample.dia_diem as Record<string, unknown>
    const bad = { ...permit.sample, dia_diem: { ...plot, so_to_ban_do: '32a' } }
    const refused = await runtime.app.request('/api/dossiers', sampleSubmission({ ...permit, sample: bad }, '193'))
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { issues: unknown[] } }).error.issues).toContainEqual({
      code: 'format',
      path: '/formData/dia_diem/so_to_ban_do',
      message: { vi: 'Số tờ bản đồ gồm 1–4 chữ số', en: 'A map sheet number has 1–4 digits' },
      params: { format: 'so-to-ban-do' },
    })
    expect((await file()).length).toBeGreaterThan(0) // the sample's sheet 32 fits
  })
})
