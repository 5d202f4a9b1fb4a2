import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'
import { PIN_LIMITS } from './pin-check'

const birth = libraryProcedure('dang-ky-khai-sinh')

describe.each(testDrivers())('lookup PIN guessing on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = new Date('2026-03-02T02:00:00Z')
  // a second runtime process on the same database: the counters must be shared, not kept in memory
  let otherProcess: ReturnType<typeof createApp>
  let addresses = 0
  const newAddress = () => `10.0.${Math.floor(++addresses / 250)}.${addresses % 250}`

  const from = (address: string, path: string, init: RequestInit = {}, app = runtime.app) =>
    app.request(path, init, { incoming: { socket: { remoteAddress: address } } })
  const submit = async () => {
    const res = await from(
      newAddress(),
      '/api/dossiers',
      sampleSubmission(birth, '06649', { fullName: 'Phạm Thị Hoa' }),
    )
    expect(res.status).toBe(201)
    const { receiptCode, pin } = (await res.json()) as { receiptCode: string; pin: string }
    const tracked = await from(newAddress(), `/api/track/${receiptCode}`, { headers: { 'x-lookup-pin': pin } })
    const { attachments } = (await tracked.json()) as { attachments: { id: string }[] }
    return { code: receiptCode, pin, wrong: pin === '00000000' ? '00000001' : '00000000', fileId: attachments[0]!.id }
  }
  type Dossier = Awaited<ReturnType<typeof submit>>
  const missingFile = '00000000-0000-4000-8000-000000000000'
  // the three places a PIN is checked
  const endpoints = (d: Dossier, pin: string | undefined) => {
    const headers: Record<string, string> = pin === undefined ? {} : { 'x-lookup-pin': pin }
    return [
      [`/api/track/${d.code}`, { headers }],
      [`/api/track/${d.code}/files/${d.fileId}`, { headers }],
      [`/api/track/${d.code}/supplement`, { method: 'POST', headers, body: new FormData() }],
    ] as const
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    otherProcess = createApp({ ...runtime, clock: () => now })
  })
  afterAll(() => runtime?.close())

  it('answers a wrong PIN with the same 403 on tracking, download and supplement, and a missing one likewise', async () => {
    const d = await submit()
    const answers = new Set<string>()
    // without a PIN, tracking shows the public part; the other two need one
    for (const [pin, from_] of [
      [d.wrong, 0],
      [undefined, 1],
    ] as const)
      for (const [path, init] of endpoints(d, pin).slice(from_)) {
        const res = await from(newAddress(), path, init)
        expect(res.status, path).toBe(403)
        answers.add(await res.text())
      }
    expect([...answers]).toHaveLength(1)
    expect(JSON.parse([...answers][0]!)).toMatchObject({
      error: { code: 'FORBIDDEN', message: { vi: expect.stringMatching(/Mã tra cứu \(PIN\) không đúng/) } },
    })
  })

  it('checks the PIN of a download before it looks at the file: only a right PIN learns that a file is missing', async () => {
    const d = await submit()
    const download = (id: string, pin: string) =>
      from(newAddress(), `/api/track/${d.code}/files/${id}`, { headers: { 'x-lookup-pin': pin } })
    expect((await download(missingFile, d.wrong)).status).toBe(403)
    expect((await download('not-a-uuid', d.wrong)).status).toBe(403)
    expect((await download(d.fileId, d.wrong)).status).toBe(403)
    expect((await download(missingFile, d.pin)).status).toBe(404)
    expect((await download(d.fileId, d.pin)).status).toBe(200)
  })

  it('refuses even the right PIN of a code after 10 wrong ones from any addresses and processes, until the window ends', async () => {
    const d = await submit()
    for (let i = 0; i < PIN_LIMITS.perCode.limit; i++) {
      const [path, init] = endpoints(d, d.wrong)[i % 3]!
      expect((await from(newAddress(), path, init, i % 2 ? otherProcess : runtime.app)).status).toBe(403)
    }
    const bodies = new Set<string>()
    for (const pin of [d.pin, d.wrong])
      for (const [path, init] of endpoints(d, pin)) {
        const res = await from(newAddress(), path, init)
        expect(res.status, path).toBe(429)
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
        bodies.add((await res.text()).replace(/\d+ phút|\d+ minutes|\d+ giây|\d+ seconds/g, '…'))
      }
    expect(bodies.size).toBe(1)
    expect(JSON.parse([...bodies][0]!)).toMatchObject({
      error: { code: 'RATE_LIMITED', message: { vi: expect.stringMatching(/thử lại sau/) } },
    })
    now = new Date(now.getTime() + PIN_LIMITS.perCode.windowMs)
    expect((await from(newAddress(), `/api/track/${d.code}`, { headers: { 'x-lookup-pin': d.pin } })).status).toBe(200)
  })

  it('counts wrong PINs sent at the same moment exactly: 30 at once, 10 answered as wrong and 20 as too many', async () => {
    const d = await submit()
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        from(
          newAddress(),
          `/api/track/${d.code}`,
          { headers: { 'x-lookup-pin': d.wrong } },
          i % 2 ? otherProcess : runtime.app,
        ),
      ).map(async (res) => (await res).status),
    )
    expect(statuses.filter((s) => s === 403)).toHaveLength(PIN_LIMITS.perCode.limit)
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - PIN_LIMITS.perCode.limit)
  })

  it('stops one address that tries wrong PINs on many codes, and only that address', async () => {
    const guesser = newAddress()
    const targets = [await submit(), await submit(), await submit(), await submit()]
    for (let i = 0; i < PIN_LIMITS.perAddress.limit; i++) {
      const d = targets[i % targets.length]!
      const res = await from(guesser, `/api/track/${d.code}`, { headers: { 'x-lookup-pin': d.wrong } })
      expect(res.status).toBe(403)
    }
    const fresh = await submit()
    const right = { headers: { 'x-lookup-pin': fresh.pin } }
    expect((await from(guesser, `/api/track/${fresh.code}`, right)).status).toBe(429)
    expect((await from(guesser, `/api/track/${fresh.code}`, right, otherProcess)).status).toBe(429)
    expect((await from(newAddress(), `/api/track/${fresh.code}`, right)).status).toBe(200)
  })

  it('never takes the PIN from the query string', async () => {
    const d = await submit()
    const tracked = await from(newAddress(), `/api/track/${d.code}?pin=${d.pin}`)
    expect(tracked.status).toBe(400)
    expect(await tracked.json()).toMatchObject({ error: { issues: [{ path: '/query/pin' }] } })
    expect((await from(newAddress(), `/api/track/${d.code}/files/${d.fileId}?pin=${d.pin}`)).status).toBe(403)
  })
})
