import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestRuntime, TestKitError, type TestRuntime } from './index'

// A receiving end that refuses while `refusing` is set and records what it takes.
const received: { code: string; status: number; dueAt: string | null }[] = []
let refusing = false
const server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    if (refusing) return res.writeHead(503).end()
    received.push(JSON.parse(body))
    res.writeHead(200).end('{}')
  })
})

beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)))
afterAll(() => server.close())

describe.each(testDrivers())('the plugin test kit on $name', ({ open }) => {
  let rt: TestRuntime
  let url: string
  beforeAll(async () => {
    received.length = 0
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`
    rt = await startTestRuntime({
      plugins: [new URL('./fixtures/status-relay.ts', import.meta.url).href],
      procedures: ['dang-ky-khai-sinh'],
      at: '2026-12-01T08:00:00+07:00',
      database: open,
    })
  })
  afterAll(() => rt?.close())

  it('files a sample dossier, acts on it as the right officer and delivers what the plugin returns', async () => {
    await rt.enable('chuyen-trang-thai', { unit: '193', config: { url } }) // Hạ Long: its wards inherit it
    const { receiptCode, status } = await rt.submit({ procedure: 'dang-ky-khai-sinh', unit: '06649' })
    expect(status).toBe(1)
    expect(await rt.act(receiptCode, 'tiep_nhan')).toMatchObject({ status: 2 })
    expect(await rt.runOutbox()).toEqual({ hooks: 2, delivered: 2, failed: 0 })
    expect(received.map((r) => [r.code, r.status])).toEqual([
      [receiptCode, 1],
      [receiptCode, 2],
    ])
    const sent = await rt.outbox({ plugin: 'chuyen-trang-thai', topic: 'status' })
    expect(sent.map((m) => [m.receiptCode, m.state, m.attempts])).toEqual([
      [receiptCode, 'delivered', 1],
      [receiptCode, 'delivered', 1],
    ])
    // the due date is counted in working days from the clock's time of reception
    expect(new Date(received[1]!.dueAt!).getTime()).toBeGreaterThan(Date.parse('2026-12-01T08:00:00+07:00'))
  })

  it('retries a refused delivery only once the clock has moved past its backoff', async () => {
    received.length = 0
    refusing = true
    const { receiptCode } = await rt.submit({ procedure: 'dang-ky-khai-sinh', unit: '06649' })
    expect(await rt.runOutbox()).toEqual({ hooks: 1, delivered: 0, failed: 1 })
    refusing = false
    expect(await rt.runOutbox()).toEqual({ hooks: 0, delivered: 0, failed: 0 }) // not due yet
    const [waiting] = await rt.outbox({ plugin: 'chuyen-trang-thai', topic: 'status', state: 'pending' })
    expect(waiting).toMatchObject({ receiptCode, attempts: 1, lastError: 'HTTP 503' })
    rt.clock.advance({ seconds: 5 })
    expect(await rt.runOutbox()).toEqual({ hooks: 0, delivered: 1, failed: 0 })
    expect(received).toEqual([expect.objectContaining({ code: receiptCode, status: 1 })])
  })

  it('reports a refusal by the plugin with its status and message', async () => {
    const { receiptCode } = await rt.submit({
      procedure: 'dang-ky-khai-sinh',
      unit: '06649',
      applicant: { fullName: 'Không Từ Chối' },
    })
    const refused = await rt.act(receiptCode, 'tu_choi', { inputs: { reason: 'Thiếu giấy tờ' } }).catch((e) => e)
    expect(refused).toBeInstanceOf(TestKitError)
    expect(refused).toMatchObject({ status: 409, body: { error: { message: { vi: 'Không được từ chối hồ sơ này' } } } })
    expect(await rt.runOutbox()).toEqual({ hooks: 1, delivered: 1, failed: 0 }) // its submission only
  })

  it('stops a plugin where a unit disables it, and answers requests as a demo account', async () => {
    await rt.enable('chuyen-trang-thai', { unit: '06649', enabled: false, config: { url } })
    await rt.submit({ procedure: 'dang-ky-khai-sinh', unit: '06649' })
    expect(await rt.runOutbox()).toEqual({ hooks: 0, delivered: 0, failed: 0 })
    const res = await rt.request('/api/admin/units/06649/plugins', { as: 'admin' })
    expect(res.status).toBe(200)
    expect(JSON.stringify(await res.json())).toContain('chuyen-trang-thai')
    expect((await rt.request('/api/admin/units/06649/plugins')).status).toBe(401)
  })
})
