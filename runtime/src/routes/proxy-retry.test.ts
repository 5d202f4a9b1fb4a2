import { dossiers } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'

const birth = libraryProcedure('dang-ky-khai-sinh')

// nginx passes a submission on to another process when the first fails or answers 503 (deploy/nginx/motcua.conf),
// keeping its X-Request-Id: the first may have filed it already
describe.each(testDrivers())('a submission nginx tries twice, on $name', ({ open }) => {
  let runtime: TestRuntime
  let behindProxy: ReturnType<typeof createApp>
  const submit = (app: ReturnType<typeof createApp>, headers: Record<string, string>) =>
    app.request('/api/dossiers', { ...sampleSubmission(birth, '06649', { fullName: 'Lê Văn Tâm' }), headers })

  beforeAll(async () => {
    runtime = await openTestRuntime(open)
    behindProxy = createApp({ ...runtime, trustProxy: true })
  })
  afterAll(() => runtime?.close())

  it('files one dossier for two tries with one X-Request-Id behind a trusted proxy, the second a replay', async () => {
    const before = await runtime.database.db.$count(dossiers)
    const first = await submit(behindProxy, { 'x-request-id': '6f1c2a9be04d4e7a8f3b1c2d3e4f5a6b' })
    const again = await submit(behindProxy, { 'x-request-id': '6f1c2a9be04d4e7a8f3b1c2d3e4f5a6b' })
    expect([first.status, again.status]).toEqual([201, 200])
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const [a, b] = (await Promise.all([first.json(), again.json()])) as { receiptCode: string; pin: string }[]
    expect(b).toMatchObject({ receiptCode: a!.receiptCode, pin: a!.pin })
    expect(await runtime.database.db.$count(dossiers)).toBe(before + 1)
  })

  it('files two dossiers for two requests with different X-Request-Ids', async () => {
    const before = await runtime.database.db.$count(dossiers)
    const first = await submit(behindProxy, { 'x-request-id': 'aaaaaaaa-1111' })
    const second = await submit(behindProxy, { 'x-request-id': 'aaaaaaaa-2222' })
    expect([first.status, second.status]).toEqual([201, 201])
    expect(await runtime.database.db.$count(dossiers)).toBe(before + 2)
  })

  it('ignores X-Request-Id without TRUST_PROXY: anyone could send one', async () => {
    const before = await runtime.database.db.$count(dossiers)
    const first = await submit(runtime.app, { 'x-request-id': 'bbbbbbbb-1111' })
    const second = await submit(runtime.app, { 'x-request-id': 'bbbbbbbb-1111' })
    expect([first.status, second.status]).toEqual([201, 201])
    expect(await runtime.database.db.$count(dossiers)).toBe(before + 2)
  })

  it('keeps the client’s own Idempotency-Key over the proxy’s id', async () => {
    const before = await runtime.database.db.$count(dossiers)
    const first = await submit(behindProxy, { 'x-request-id': 'cccccccc-1111', 'idempotency-key': 'client-key-1' })
    const second = await submit(behindProxy, { 'x-request-id': 'cccccccc-2222', 'idempotency-key': 'client-key-1' })
    expect([first.status, second.status]).toEqual([201, 200])
    expect(await runtime.database.db.$count(dossiers)).toBe(before + 1)
  })

  it('answers a new request 503 at once while the process drains, the probes as usual', async () => {
    const draining = createApp({ ...runtime, readiness: { draining: true } })
    const before = await runtime.database.db.$count(dossiers)
    const refused = await submit(draining, {})
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(refused.headers.get('connection')).toBe('close')
    expect(await refused.json()).toMatchObject({
      error: { code: 'UNAVAILABLE', message: { vi: expect.stringMatching(/khởi động lại/), en: /restarting/ } },
    })
    expect(await runtime.database.db.$count(dossiers)).toBe(before)
    expect((await draining.request('/api/procedures')).status).toBe(503)
    expect((await draining.request('/healthz')).status).toBe(200)
    const ready = await draining.request('/readyz')
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({ checks: { process: 'draining' } })
  })
})
