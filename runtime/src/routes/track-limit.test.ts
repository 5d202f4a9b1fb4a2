import { openDatabase } from '@motcua/db'
import { createScratchDatabase } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'

const url = process.env.DATABASE_URL
const birth = libraryProcedure('dang-ky-khai-sinh')

// two runtime processes as `npm run serve` starts them: each its own connection pool and memory, one database
describe.skipIf(!url)('the public lookup limit shared by two runtimes over one PostgreSQL database', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>
  let one: TestRuntime
  let two: TestRuntime
  let now = new Date('2026-03-02T02:00:10Z')
  const open = async () => {
    const database = await openDatabase({ driver: 'postgres', url: scratch.url, maxConnections: 5 })
    await database.migrate()
    return database
  }
  const from = (runtime: TestRuntime, address: string, path: string) =>
    runtime.app.request(path, {}, { incoming: { socket: { remoteAddress: address } } })

  beforeAll(async () => {
    scratch = await createScratchDatabase(url!)
    one = await openTestRuntime(open, { clock: () => now, trackLimitPerMinute: 5 })
    two = await openTestRuntime(open, { clock: () => now, trackLimitPerMinute: 5, demo: false })
  })
  afterAll(async () => {
    await one?.close()
    await two?.close()
    await scratch?.drop()
  })

  it('lets one address track the limit a minute on one process, then the other process refuses it', async () => {
    const filed = await one.app.request('/api/dossiers', sampleSubmission(birth, '06649'))
    expect(filed.status).toBe(201)
    const { receiptCode } = (await filed.json()) as { receiptCode: string }
    const track = `/api/track/${receiptCode}`

    for (let i = 0; i < 5; i++) expect((await from(one, '203.0.113.9', track)).status).toBe(200)
    const refused = await from(two, '203.0.113.9', track)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('50')
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'RATE_LIMITED',
        message: {
          vi: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 50 giây.',
          en: 'Too many attempts. Try again in 50 seconds.',
        },
      },
    })
    expect((await from(one, '203.0.113.9', track)).status).toBe(429)
    // another address, and the receipt PDF, are counted apart
    expect((await from(two, '203.0.113.10', track)).status).toBe(200)
    expect((await from(two, '203.0.113.9', `/api/dossiers/${receiptCode}/receipt.pdf`)).status).not.toBe(429)

    now = new Date(now.getTime() + 60_000)
    expect((await from(two, '203.0.113.9', track)).status).toBe(200)
  })
})
