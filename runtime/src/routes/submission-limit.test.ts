import { dossiers } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { libraryProcedure, openTestRuntime, sampleSubmission, signIn, type TestRuntime } from '../testing'

const birth = libraryProcedure('dang-ky-khai-sinh')

describe.each(testDrivers())('anonymous submissions per address on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = new Date('2026-03-02T02:00:10Z')
  let otherProcess: ReturnType<typeof createApp>
  const submit = (address: string, headers: Record<string, string> = {}, app = runtime.app) =>
    app.request(
      '/api/dossiers',
      { ...sampleSubmission(birth, '06649', { fullName: 'Lê Văn Tâm' }), headers },
      { incoming: { socket: { remoteAddress: address } } },
    )

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now, submitLimitPerMinute: 4 })
    otherProcess = createApp({ ...runtime, clock: () => now, submitLimitPerMinute: 4 })
  })
  afterAll(() => runtime?.close())

  it('accepts the limit per minute from one address, then 429 with Retry-After, storing nothing', async () => {
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await submit('203.0.113.5')).status)
    expect(statuses).toEqual([201, 201, 201, 201])
    const before = await runtime.database.db.$count(dossiers)
    const refused = await submit('203.0.113.5')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', message: { vi: expect.stringMatching(/quá nhiều hồ sơ.*thử lại sau/) } },
    })
    expect(await runtime.database.db.$count(dossiers)).toBe(before)
    // another runtime process over the same database: the counts are shared, so it refuses too
    expect((await submit('203.0.113.5', {}, otherProcess)).status).toBe(429)

    expect((await submit('203.0.113.6')).status).toBe(201)
    const citizen = await signIn(runtime, 'congdan')
    expect((await submit('203.0.113.5', { authorization: `Bearer ${citizen}` })).status).toBe(201)
    now = new Date(now.getTime() + 60_000)
    expect((await submit('203.0.113.5')).status).toBe(201)
  })
})
