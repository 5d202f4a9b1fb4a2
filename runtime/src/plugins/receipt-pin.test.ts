import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  asOfficers,
  createOutboxWorker,
  libraryProcedure,
  openTestRuntime,
  pluginFixture,
  sampleSubmission,
  type TestRuntime,
} from '../testing'

const birth = libraryProcedure('dang-ky-khai-sinh')
const posted: unknown[] = []
const server: Server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    posted.push(JSON.parse(body))
    res.writeHead(200).end('{}')
  })
})

// A dossier's PIN opens it: only a plugin that declares it sends receipts (`sendsReceipt`) is ever given one.
describe.each(testDrivers())('a PIN for plugins that send receipts only, on $name', ({ open }) => {
  let runtime: TestRuntime
  const { as } = asOfficers(() => runtime)

  beforeAll(async () => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`
    runtime = await openTestRuntime(open, { plugins: [pluginFixture('pin-grabber')] })
    expect(
      (await as('admin', 'PUT', '/api/admin/units/193/plugins/lay-pin', { enabled: true, config: { url } })).status,
    ).toBe(200)
  })
  afterAll(async () => {
    await runtime?.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('refuses a receipt message from a plugin that does not declare it, and the PIN never leaves', async () => {
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(birth, '06649'))
    expect(res.status).toBe(201)
    const { receiptCode, receiptSentTo } = (await res.json()) as { receiptCode: string; receiptSentTo: unknown }
    expect(receiptSentTo, 'the receipt does not claim it was sent').toBeNull()
    const worker = createOutboxWorker(runtime.database, runtime.plugins, { secret: runtime.secret })
    await worker.runOnce(new Date())
    expect(posted).toEqual([])
    const listed = await as('admin', 'GET', '/api/admin/outbox?plugin=lay-pin&state=dead')
    const dead = ((await listed.json()) as { receiptCode: string; lastError: string }[]).filter(
      (m) => m.receiptCode === receiptCode,
    )
    expect(dead).toEqual([expect.objectContaining({ lastError: expect.stringContaining('declares no sendsReceipt') })])
  })
})
