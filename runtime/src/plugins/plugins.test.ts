import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { outbox } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  libraryProcedure,
  openTestRuntime,
  pluginFixture,
  sampleSubmission,
  signIn,
  type TestRuntime,
} from '../testing'
import { createOutboxWorker } from './outbox-worker'

const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh') // district level
const birth = libraryProcedure('dang-ky-khai-sinh') // commune level

// A receiving end: /sync refuses the first `refusalsLeft` deliveries, /ok takes everything, /hang answers only
// when the test lets it.
const received: { path: string; body: unknown }[] = []
let refusalsLeft = 0
const hanging: ServerResponse[] = []
const server: Server = createServer((req: IncomingMessage, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    if (req.url === '/hang') return void hanging.push(res)
    if (req.url === '/sync' && refusalsLeft-- > 0) return res.writeHead(503).end('busy')
    received.push({ path: req.url!, body: JSON.parse(body) })
    res.writeHead(200).end('{}')
  })
})

interface Listed {
  plugin: string
  topic: string
  receiptCode: string | null
  lastError: string
  attempts: number
}

describe.each(testDrivers())('plugins and the outbox on $name', ({ open }) => {
  let runtime: TestRuntime
  let base: string
  let admin: string
  const put = (unit: string, slug: string, body: unknown) =>
    runtime.app.request(`/api/admin/units/${unit}/plugins/${slug}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const enable = async (unit: string, slug: string, config: unknown) =>
    expect((await put(unit, slug, { enabled: true, config })).status).toBe(200)
  const listed = async (state: string) =>
    (await (
      await runtime.app.request(`/api/admin/outbox?state=${state}`, { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as Listed[]
  const submit = (unitCode: string, { definition, sample } = business) =>
    runtime.app.request('/api/dossiers', sampleSubmission({ definition, sample }, unitCode, { fullName: 'Vũ Văn Em' }))
  const act = async (unitCode: string, receiptCode: string, action: string, body: object) =>
    runtime.app.request(`/api/desk/dossiers/${receiptCode}/actions/${action}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await signIn(runtime, `tiepnhan.${unitCode}`)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    })
  const receive = async (unitCode: string, procedure = business) => {
    const res = await submit(unitCode, procedure)
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    return { receiptCode, res: await act(unitCode, receiptCode, 'tiep_nhan', { expectedVersion: 1 }) }
  }

  beforeAll(async () => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const fixtures = ['second-sync', 'status-sync', 'throwing', 'hanging-delivery', 'local-rules', 'broken-fees']
    runtime = await openTestRuntime(open, {
      plugins: [...fixtures, 'misbehaving', 'routes'].map(pluginFixture),
      pluginLimits: { routeMs: 1000 },
    })
    admin = await signIn(runtime, 'admin')
  })
  afterAll(async () => {
    for (const res of hanging.splice(0)) res.destroy()
    await runtime?.close()
  })

  it('checks a unit’s configuration against the plugin’s schema before saving it', async () => {
    const bad = await put('193', 'dong-bo-thu', { enabled: true, config: { url: 'không phải địa chỉ' } })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { issues: [{ code: 'format', path: '/config/url' }] } })
    expect((await put('193', 'khong-co', { enabled: true, config: {} })).status).toBe(404)
  })

  it('runs the hooks and delivers what they return through the outbox after the receiver’s refusals, with backoff', async () => {
    refusalsLeft = 2
    received.length = 0
    await enable('193', 'dong-bo-thu', { url: `${base}/sync` })
    expect((await receive('193')).res.status).toBe(200)
    const worker = createOutboxWorker(runtime.database, runtime.plugins, { backoffMs: 1000 })
    let now = new Date()
    // the submit and receive hooks, then their two messages, both refused
    expect(await worker.runOnce(now)).toEqual({ hooks: 2, delivered: 0, failed: 2 })
    expect(await worker.runOnce(now)).toEqual({ hooks: 0, delivered: 0, failed: 0 }) // not due again yet
    now = new Date(now.getTime() + 1000)
    expect(await worker.runOnce(now)).toEqual({ hooks: 0, delivered: 2, failed: 0 })
    expect(received.map((r) => r.body)).toEqual([
      expect.objectContaining({ status: 1 }),
      expect.objectContaining({ status: 2 }),
    ])
    const delivered = (await listed('delivered')).filter((m) => m.plugin === 'dong-bo-thu')
    expect(delivered.map((m) => [m.topic, m.attempts])).toEqual([
      ['status', 2],
      ['status', 2],
      ['hook.afterAction', 1],
      ['hook.onSubmit', 1],
    ])
    await put('193', 'dong-bo-thu', { enabled: false, config: { url: `${base}/sync` } })
  })

  it('applies a district’s setting to its wards unless a ward says otherwise', async () => {
    await enable('193', 'dong-bo-thu', { url: `${base}/sync` })
    const before = await runtime.database.db.$count(outbox)
    await receive('06649', birth) // a ward of Hạ Long
    expect(await runtime.database.db.$count(outbox)).toBe(before + 2)
    await put('06649', 'dong-bo-thu', { enabled: false, config: { url: `${base}/sync` } })
    await receive('06649', birth)
    expect(await runtime.database.db.$count(outbox)).toBe(before + 2)
    await put('193', 'dong-bo-thu', { enabled: false, config: { url: `${base}/sync` } })
    // what was queued for a plugin since disabled is dropped, visibly
    await createOutboxWorker(runtime.database, runtime.plugins).runOnce()
    const dead = (await listed('dead')).filter((m) => m.plugin === 'dong-bo-thu')
    expect(dead.map((m) => m.lastError)).toEqual([
      expect.stringMatching(/no longer enabled/),
      expect.stringMatching(/no longer enabled/),
    ])
  })

  it('keeps the dossier moving when a plugin’s hook throws, and shows the failure to administrators', async () => {
    await enable('194', 'hong', {})
    const { receiptCode, res } = await receive('194')
    expect(res.status).toBe(200)
    await createOutboxWorker(runtime.database, runtime.plugins).runOnce()
    expect(await listed('dead')).toContainEqual(
      expect.objectContaining({
        plugin: 'hong',
        topic: 'hook.afterAction',
        receiptCode,
        lastError: 'afterAction threw: lỗi trong tiện ích',
      }),
    )
  })

  it('gives up on a delivery that hangs after its timeout, stops it, and retries it later', async () => {
    await enable('195', 'treo', {})
    expect((await receive('195')).res.status).toBe(200)
    const worker = createOutboxWorker(runtime.database, runtime.plugins, { timeoutMs: 100, graceMs: 100 })
    expect(await worker.runOnce()).toMatchObject({ hooks: 1, failed: 1 })
    expect((await listed('pending')).filter((m) => m.plugin === 'treo')).toEqual([
      expect.objectContaining({
        attempts: 1,
        lastError: 'timed out after 100 ms and did not stop when aborted: the plugin was restarted',
      }),
    ])
    await put('195', 'treo', { enabled: false, config: {} })
  })

  it('delivers one plugin’s messages while another plugin’s delivery hangs', async () => {
    received.length = 0
    await enable('203', 'dong-bo-hai', { url: `${base}/hang` })
    await enable('204', 'dong-bo-thu', { url: `${base}/ok` })
    const worker = createOutboxWorker(runtime.database, runtime.plugins, { timeoutMs: 30_000 })
    worker.start(50)
    try {
      const held = await submit('203')
      expect(held.status).toBe(201)
      const heldCode = ((await held.json()) as { receiptCode: string }).receiptCode
      await expect.poll(() => hanging.length, { timeout: 10_000 }).toBe(1)
      const res = await submit('204')
      const { receiptCode } = (await res.json()) as { receiptCode: string }
      await expect
        .poll(() => received.map((r) => r.body), { timeout: 10_000 })
        .toEqual([{ code: receiptCode, status: 1 }])
      expect(hanging[0]!.writableEnded || hanging[0]!.destroyed).toBe(false) // still waiting for its answer
      hanging.shift()!.writeHead(200).end('{}')
      await expect
        .poll(async () => (await listed('delivered')).some((m) => m.topic === 'status' && m.receiptCode === heldCode))
        .toBe(true)
    } finally {
      await worker.stop()
    }
    await put('203', 'dong-bo-hai', { enabled: false, config: { url: `${base}/hang` } })
    await put('204', 'dong-bo-thu', { enabled: false, config: { url: `${base}/ok` } })
  })

  it('lets a plugin add a fee at submission and refuse an action, and skips a fee hook that throws', async () => {
    await enable('196', 'quy-dinh-dia-phuong', { phiDiaPhuong: 20_000 })
    await enable('196', 'phi-hong', {})
    await enable('196', 'tuyen', {})
    const res = await submit('196')
    expect(res.status).toBe(201)
    const { receiptCode, fees } = (await res.json()) as { receiptCode: string; fees: { key: string; amount: number }[] }
    const localFee = { key: 'phi_dia_phuong', name: 'Phí theo quy định địa phương', amount: 20_000 }
    expect(fees.at(-1)).toEqual(localFee)
    expect(await listed('dead')).toContainEqual(
      expect.objectContaining({ plugin: 'phi-hong', lastError: 'fees threw: không tính được' }),
    )
    // the unit's own administrator sees it too, though it was recorded before the dossier existed
    const seenByUnit = (await (
      await runtime.app.request('/api/admin/outbox?state=dead', {
        headers: { authorization: `Bearer ${await signIn(runtime, 'quantri.196')}` },
      })
    ).json()) as Listed[]
    expect(seenByUnit.map((m) => [m.plugin, m.lastError])).toEqual([['phi-hong', 'fees threw: không tính được']])
    // plugins see the fees fixed at submission, not recomputed from the rules
    const seen = await runtime.app.request(`/api/plugins/tuyen/dossiers/${receiptCode}`)
    expect(((await seen.json()) as { fees: unknown[] }).fees).toEqual(fees)

    expect((await act('196', receiptCode, 'yeu_cau_nop_phi', { expectedVersion: 1, amount: 120_000 })).status).toBe(200)
    const refused = await act('196', receiptCode, 'tiep_nhan', { expectedVersion: 2 })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({
      error: { code: 'CONFLICT', message: { vi: 'Chưa xác nhận nộp phí, chưa thể tiếp nhận.' } },
    })
    expect((await act('196', receiptCode, 'xac_nhan_nop_phi', { expectedVersion: 2, amount: 120_000 })).status).toBe(
      200,
    )
    expect((await act('196', receiptCode, 'tiep_nhan', { expectedVersion: 3 })).status).toBe(200)
  })

  it('keeps the record of a plugin’s failure when another plugin refuses the action', async () => {
    await enable('202', 'quy-dinh-dia-phuong', { phiDiaPhuong: 0 })
    await enable('202', 'hong-hoc', { mode: 'non-array', only: 'beforeAction' })
    const res = await submit('202')
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    expect((await act('202', receiptCode, 'yeu_cau_nop_phi', { expectedVersion: 1, amount: 1000 })).status).toBe(200)
    expect((await act('202', receiptCode, 'tiep_nhan', { expectedVersion: 2 })).status).toBe(409)
    const failures = (await listed('dead')).filter((m) => m.receiptCode === receiptCode)
    expect(failures.map((m) => m.lastError)).toEqual([
      'beforeAction returned an object, not undefined or { refuse: { vi, en } }', // the refused receipt
      'beforeAction returned an object, not undefined or { refuse: { vi, en } }', // the fee request
    ])
  })

  it.each([
    [
      '198',
      'non-array',
      ['fees returned an object, not an array of fee lines', 'onSubmit returned an object, not an array of messages'],
    ],
    [
      '199',
      'promise',
      [
        'fees threw: returned a Promise: hooks are synchronous and pure; do I/O in deliver',
        'afterAction threw: returned a Promise: hooks are synchronous and pure; do I/O in deliver',
      ],
    ],
    [
      '200',
      'bigint',
      [
        'fees returned fee line 0 whose amount is not a whole, non-negative number of đồng',
        'onSubmit returned message 0 whose payload has a bigint at /soTien',
      ],
    ],
  ])(
    'serves submissions and officers at unit %s whose plugin’s hooks return %s, and records why',
    async (unit, mode, reasons) => {
      await enable(unit, 'hong-hoc', { mode })
      const { receiptCode, res } = await receive(unit)
      expect(res.status).toBe(200)
      await createOutboxWorker(runtime.database, runtime.plugins).runOnce()
      const dead = (await listed('dead')).filter((m) => m.plugin === 'hong-hoc')
      for (const reason of reasons) expect(dead.map((m) => m.lastError)).toContain(reason)
      // every hook of the dossier failed, and nothing else was queued for it
      expect(
        dead
          .filter((m) => m.receiptCode === receiptCode)
          .map((m) => m.topic)
          .sort(),
      ).toEqual(['hook.afterAction', 'hook.failed', 'hook.onSubmit'])
      expect((await listed('pending')).filter((m) => m.receiptCode === receiptCode)).toEqual([])
    },
  )

  it('answers a submission whose fee hook never returns at the hook’s limit, serving others meanwhile', async () => {
    await enable('201', 'hong-hoc', { mode: 'loop', only: 'fees' })
    let settled = false
    const looping = Promise.resolve(submit('201')).then((res) => {
      settled = true
      return res
    })
    const [units, elsewhere] = await Promise.all([runtime.app.request('/api/units'), submit('204')])
    expect(units.status).toBe(200)
    expect(elsewhere.status).toBe(201)
    expect(settled).toBe(false)
    expect((await looping).status).toBe(201)
    expect(await listed('dead')).toContainEqual(
      expect.objectContaining({ plugin: 'hong-hoc', lastError: 'fees took longer than 1000 ms and was stopped' }),
    )
    // and the plugin works again for the next call
    await enable('201', 'hong-hoc', { mode: 'non-array', only: 'fees' })
    expect((await submit('201')).status).toBe(201)
    expect(await listed('dead')).toContainEqual(
      expect.objectContaining({ plugin: 'hong-hoc', lastError: 'fees returned an object, not an array of fee lines' }),
    )
  })

  it('passes a plugin route only the headers it declares, never Authorization or Cookie', async () => {
    const res = await runtime.app.request('/api/plugins/tuyen/headers', {
      headers: {
        authorization: `Bearer ${admin}`,
        cookie: 'phien=bi-mat',
        'x-signature': 'chu-ky',
        'x-ma-giao-dich': 'FT1',
        'x-khac': 'không khai báo',
      },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ 'x-signature': 'chu-ky', 'x-ma-giao-dich': 'FT1' })
  })

  it('answers 503 when a plugin route exceeds its limit or answers wrongly, and records it', async () => {
    for (const path of ['/loop', '/bad']) {
      const res = await runtime.app.request(`/api/plugins/tuyen${path}`)
      expect(res.status).toBe(503)
      expect(await res.json()).toMatchObject({ error: { code: 'UNAVAILABLE', message: { vi: expect.any(String) } } })
    }
    const failed = (await listed('dead')).filter((m) => m.topic === 'route.failed').map((m) => m.lastError)
    expect(failed).toContain('GET /loop took longer than 1000 ms and was stopped')
    expect(failed).toContain('GET /bad returned a status that is not an integer from 200 to 599')
    expect((await runtime.app.request('/api/plugins/tuyen/headers')).status).toBe(200)
  })
})
