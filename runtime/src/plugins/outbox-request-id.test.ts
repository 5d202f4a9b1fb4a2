import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { outbox } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLog } from '../log'
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
const applicant = { fullName: 'Đoàn Thị Minh Khuê', idNumber: '036190001234' }
// the outside system: the first delivery is refused, the next taken
const received: { requestId: string | undefined }[] = []
const server: Server = createServer((req, res) => {
  received.push({ requestId: req.headers['x-request-id'] as string | undefined })
  req.resume()
  res.writeHead(received.length === 1 ? 503 : 200).end('{}')
})

// One request followed to the outside world: the submission's id is on the outbox rows it queued and on the rows its
// hook returned, on every log line of their delivery, and is what the plugin's outside call quotes.
describe.each(testDrivers())('the request id through a plugin hook and an outbox delivery, on $name', ({ open }) => {
  let runtime: TestRuntime
  const { as } = asOfficers(() => runtime)

  beforeAll(async () => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    received.length = 0
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`
    runtime = await openTestRuntime(open, { plugins: [pluginFixture('correlated-sync')] })
    const enabled = await as('admin', 'PUT', '/api/admin/units/193/plugins/dong-bo-ma', {
      enabled: true,
      config: { url },
    })
    expect(enabled.status).toBe(200)
  })
  afterAll(async () => {
    await runtime?.close()
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('keeps the id on the rows and logs the delivery, its failure and its retry with it, and no personal data', async () => {
    const captured = captureLog()
    let requestId: string
    let pin: string
    try {
      const res = await runtime.app.request('/api/dossiers', sampleSubmission(birth, '06649', applicant))
      expect(res.status).toBe(201)
      requestId = res.headers.get('x-request-id')!
      pin = ((await res.json()) as { pin: string }).pin
      const worker = createOutboxWorker(runtime.database, runtime.plugins, { secret: runtime.secret })
      const now = new Date()
      expect(await worker.runOnce(now)).toMatchObject({ hooks: 1, failed: 1 })
      expect(await worker.runOnce(new Date(now.getTime() + 3_600_000))).toMatchObject({ delivered: 1 })
    } finally {
      captured.stop()
    }

    const rows = await runtime.database.db.select().from(outbox).where(eq(outbox.pluginSlug, 'dong-bo-ma'))
    expect(rows.map((r) => [r.topic, r.state, r.requestId])).toEqual([
      ['hook.onSubmit', 'delivered', requestId],
      ['status', 'delivered', requestId],
    ])
    expect(received).toEqual([{ requestId }, { requestId }])

    const about = { requestId, plugin: 'dong-bo-ma' }
    expect(captured.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ...about, level: 'info', msg: 'outbox hook run', topic: 'hook.onSubmit' }),
        expect.objectContaining({
          ...about,
          level: 'warn',
          msg: 'plugin call failed',
          call: 'deliver',
          reason: 'threw',
        }),
        expect.objectContaining({
          ...about,
          level: 'warn',
          msg: 'outbox delivery failed',
          topic: 'status',
          attempt: 1,
        }),
        expect.objectContaining({ ...about, level: 'info', msg: 'outbox delivered', topic: 'status', attempt: 2 }),
      ]),
    )
    const text = JSON.stringify(captured.lines)
    for (const secret of [applicant.fullName, applicant.idNumber, pin, 'HTTP 503'])
      expect(text, secret).not.toContain(secret)
  })
})
