import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { outbox } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { definePlugin } from '@motcua/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, signIn, submissionForm, type TestRuntime } from '../testing'
import { type LoadedPlugin, resolvePlugin } from './load-plugins'
import { createOutboxWorker } from './outbox-worker'

const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh') // district level
const birth = libraryProcedure('dang-ky-khai-sinh') // commune level

// a receiving end that refuses the first two deliveries, then accepts
const received: unknown[] = []
let refusalsLeft = 2
const server: Server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    if (refusalsLeft-- > 0) return res.writeHead(503).end('busy')
    received.push(JSON.parse(body))
    res.writeHead(200).end('{}')
  })
})

const statusSync = definePlugin<{ url: string }>({
  slug: 'dong-bo-thu',
  name: { vi: 'Đồng bộ thử', en: 'Test sync' },
  configSchema: {
    type: 'object',
    properties: { url: { type: 'string', format: 'uri' } },
    required: ['url'],
    additionalProperties: false,
  },
  hooks: {
    onSubmit: (_ctx, d) => [{ topic: 'status', payload: { code: d.receiptCode, status: d.status } }],
    afterAction: (_ctx, d, change) => [{ topic: 'status', payload: { code: d.receiptCode, status: change.toStatus } }],
  },
  async deliver(message, { config, signal, fetch }) {
    const res = await fetch(config.url, { method: 'POST', body: JSON.stringify(message.payload), signal })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
  },
})
const throwing = definePlugin({
  slug: 'hong',
  name: { vi: 'Hỏng', en: 'Broken' },
  configSchema: { type: 'object' },
  hooks: {
    afterAction: () => {
      throw new Error('lỗi trong tiện ích')
    },
  },
})
const hanging = definePlugin({
  slug: 'treo',
  name: { vi: 'Treo', en: 'Hangs' },
  configSchema: { type: 'object' },
  hooks: { afterAction: () => [{ topic: 'x', payload: {} }] },
  deliver: () => new Promise(() => {}), // never settles and ignores the abort signal
})

// a unit's rule: no dossier received while a requested fee is unpaid, and a local fee added to every submission
const localRules = definePlugin({
  slug: 'quy-dinh-dia-phuong',
  name: { vi: 'Quy định địa phương', en: 'Local rules' },
  configSchema: { type: 'object', properties: { phiDiaPhuong: { type: 'integer' } }, required: ['phiDiaPhuong'] },
  hooks: {
    beforeAction: (_ctx, d, action) =>
      action.type === 'receive' && d.status === 6
        ? { refuse: { vi: 'Chưa xác nhận nộp phí, chưa thể tiếp nhận.', en: 'The fee is not paid yet.' } }
        : undefined,
    fees: ({ config }, { fees }) => [
      ...fees,
      { key: 'phi_dia_phuong', name: 'Phí theo quy định địa phương', amount: config.phiDiaPhuong as number },
    ],
  },
})
const brokenFees = definePlugin({
  slug: 'phi-hong',
  name: { vi: 'Phí hỏng', en: 'Broken fees' },
  configSchema: { type: 'object' },
  hooks: {
    fees: () => {
      throw new Error('không tính được')
    },
  },
})

describe.each(testDrivers())('plugins and the outbox on $name', ({ open }) => {
  let runtime: TestRuntime
  let url: string
  let admin: string
  const put = (unit: string, slug: string, body: unknown) =>
    runtime.app.request(`/api/admin/units/${unit}/plugins/${slug}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const receive = async (unitCode: string, { definition, sample } = business) => {
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(definition, {
        procedureCode: definition.code,
        unitCode,
        applicant: { fullName: 'Vũ Văn Em' },
        formData: sample,
      }),
    })
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    const officer = await signIn(runtime, `tiepnhan.${unitCode}`)
    return runtime.app.request(`/api/desk/dossiers/${receiptCode}/actions/tiep_nhan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: '{"expectedVersion":1}',
    })
  }

  beforeAll(async () => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sync`
    const plugins = new Map<string, LoadedPlugin>(
      [statusSync, throwing, hanging, localRules, brokenFees].map((p) => [p.slug, resolvePlugin(p, 'test')]),
    )
    runtime = await openTestRuntime(open, { plugins })
    admin = await signIn(runtime, 'admin')
  })
  afterAll(async () => {
    await runtime?.close()
  })

  it('checks a unit’s configuration against the plugin’s schema before saving it', async () => {
    const bad = await put('193', 'dong-bo-thu', { enabled: true, config: { url: 'không phải địa chỉ' } })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { issues: [{ code: 'format', path: '/config/url' }] } })
    expect((await put('193', 'khong-co', { enabled: true, config: {} })).status).toBe(404)
  })

  it('delivers a change through the outbox after the receiver’s refusals, with backoff', async () => {
    refusalsLeft = 2
    received.length = 0
    expect((await put('193', 'dong-bo-thu', { enabled: true, config: { url } })).status).toBe(200)
    expect((await receive('193')).status).toBe(200)
    const worker = createOutboxWorker(runtime.database, runtime.plugins, { backoffMs: 1000 })
    let now = new Date()
    expect(await worker.runOnce(now)).toEqual({ delivered: 0, failed: 2 }) // submit and receive, both refused
    expect(await worker.runOnce(now)).toEqual({ delivered: 0, failed: 0 }) // not due again yet
    now = new Date(now.getTime() + 1000)
    expect(await worker.runOnce(now)).toEqual({ delivered: 2, failed: 0 })
    expect(received).toEqual([expect.objectContaining({ status: 1 }), expect.objectContaining({ status: 4 })])
    const listed = (await (
      await runtime.app.request('/api/admin/outbox?state=delivered', { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as { attempts: number }[]
    expect(listed.map((m) => m.attempts)).toEqual([2, 2])
    await put('193', 'dong-bo-thu', { enabled: false, config: { url } })
  })

  it('applies a district’s setting to its wards unless a ward says otherwise', async () => {
    await put('193', 'dong-bo-thu', { enabled: true, config: { url } })
    const before = await runtime.database.db.$count(outbox)
    await receive('06649', birth) // a ward of Hạ Long
    expect(await runtime.database.db.$count(outbox)).toBe(before + 2)
    await put('06649', 'dong-bo-thu', { enabled: false, config: { url } })
    await receive('06649', birth)
    expect(await runtime.database.db.$count(outbox)).toBe(before + 2)
    await put('193', 'dong-bo-thu', { enabled: false, config: { url } })
    // what was queued for a plugin since disabled is dropped, visibly
    await createOutboxWorker(runtime.database, runtime.plugins).runOnce()
    const dead = (await (
      await runtime.app.request('/api/admin/outbox?state=dead', { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as { plugin: string; lastError: string }[]
    expect(dead.filter((m) => m.plugin === 'dong-bo-thu').map((m) => m.lastError)).toEqual([
      expect.stringMatching(/no longer enabled/),
      expect.stringMatching(/no longer enabled/),
    ])
  })

  it('keeps the dossier moving when a plugin’s hook throws, and shows the failure to administrators', async () => {
    await put('194', 'hong', { enabled: true, config: {} })
    expect((await receive('194')).status).toBe(200)
    const dead = (await (
      await runtime.app.request('/api/admin/outbox?state=dead', { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as { plugin: string; lastError: string }[]
    expect(dead).toContainEqual(
      expect.objectContaining({ plugin: 'hong', lastError: 'hook threw: lỗi trong tiện ích' }),
    )
  })

  it('gives up on a delivery that hangs after its timeout and retries it later, without blocking others', async () => {
    await put('195', 'treo', { enabled: true, config: {} })
    expect((await receive('195')).status).toBe(200)
    const worker = createOutboxWorker(runtime.database, runtime.plugins, { timeoutMs: 100 })
    const started = Date.now()
    await worker.runOnce()
    expect(Date.now() - started).toBeLessThan(5000)
    const pending = (await (
      await runtime.app.request('/api/admin/outbox?state=pending', { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as { plugin: string; lastError: string; attempts: number }[]
    expect(pending).toContainEqual(
      expect.objectContaining({ plugin: 'treo', attempts: 1, lastError: 'timed out after 100 ms' }),
    )
  })

  it('lets a plugin add a fee at submission and refuse an action, and skips a fee hook that throws', async () => {
    expect((await put('196', 'quy-dinh-dia-phuong', { enabled: true, config: { phiDiaPhuong: 20_000 } })).status).toBe(
      200,
    )
    expect((await put('196', 'phi-hong', { enabled: true, config: {} })).status).toBe(200)
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(business.definition, {
        procedureCode: business.definition.code,
        unitCode: '196',
        applicant: { fullName: 'Lý Thị Mơ' },
        formData: business.sample,
      }),
    })
    expect(res.status).toBe(201)
    const { receiptCode, fees } = (await res.json()) as { receiptCode: string; fees: { key: string; amount: number }[] }
    expect(fees.at(-1)).toEqual({ key: 'phi_dia_phuong', name: 'Phí theo quy định địa phương', amount: 20_000 })
    const dead = (await (
      await runtime.app.request('/api/admin/outbox?state=dead', { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as { plugin: string; lastError: string }[]
    expect(dead).toContainEqual(
      expect.objectContaining({ plugin: 'phi-hong', lastError: 'hook threw: không tính được' }),
    )

    const receiver = await signIn(runtime, 'tiepnhan.196')
    const post = (action: string, body: object) =>
      runtime.app.request(`/api/desk/dossiers/${receiptCode}/actions/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${receiver}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await post('yeu_cau_nop_phi', { expectedVersion: 1, amount: 120_000 })).status).toBe(200)
    const refused = await post('tiep_nhan', { expectedVersion: 2 })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({
      error: { code: 'CONFLICT', message: { vi: 'Chưa xác nhận nộp phí, chưa thể tiếp nhận.' } },
    })
    expect((await post('xac_nhan_nop_phi', { expectedVersion: 2, amount: 120_000 })).status).toBe(200)
    expect((await post('tiep_nhan', { expectedVersion: 3 })).status).toBe(200)
  })
})
