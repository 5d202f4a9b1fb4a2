import { openNotifications } from '@motcua/db'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, sampleSubmission } from '../../runtime/src/testing'
import { hasPrivatePostgres, type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres'
import { type RuntimeProcess, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'
import { logLines } from '../support/serve-process'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// A PostgreSQL server of the test's own, stopped and started again while a runtime process works on it (never
// the shared server other test files use).
describe.skipIf(!hasPrivatePostgres)('LISTEN across a PostgreSQL restart', () => {
  let pg: PrivatePostgres
  beforeAll(async () => {
    pg = await startPrivatePostgres()
  })
  afterAll(() => pg?.cleanup())

  it('subscribes again once the server is back, says so with a null payload, and delivers notifications again', async () => {
    const notifications = openNotifications(pg.url)
    const sender = postgres(pg.url, { max: 1, onnotice: () => {} })
    try {
      const received: (string | null)[] = []
      await notifications.listen('motcua_restart', (payload) => received.push(payload))
      await sender`select pg_notify('motcua_restart', 'before')`
      await expect.poll(() => received).toEqual(['before'])
      await pg.restart(1500)
      await expect.poll(() => received, { timeout: 10_000 }).toEqual(['before', null])
      // the sender's pool may hand out a connection the server closed: its first query can fail once
      await sender`select 1`.catch(() => {})
      await sender`select pg_notify('motcua_restart', 'after')`
      await expect.poll(() => received).toEqual(['before', null, 'after'])
    } finally {
      await notifications.close()
      await sender.end({ timeout: 1 })
    }
  })
})

interface Attempt {
  status: number | 'connection error'
  retryAfter: string | null
  code?: string
}

describe.skipIf(!hasPrivatePostgres)('the runtime as a process while PostgreSQL restarts under load', () => {
  const birth = libraryProcedure('dang-ky-khai-sinh')
  let pg: PrivatePostgres
  let runtime: RuntimeProcess
  let sql: postgres.Sql

  beforeAll(async () => {
    pg = await startPrivatePostgres()
    runtime = await startRuntimeProcess({
      ...process.env,
      DATABASE_URL: pg.url,
      // all the load comes from one address
      SUBMIT_RATE_LIMIT: '0',
      TRACK_RATE_LIMIT: '100000',
    })
    sql = postgres(pg.url, { max: 2, onnotice: () => {} })
  }, 120_000)
  afterAll(async () => {
    if (runtime) await stopRuntimeProcess(runtime)
    await sql?.end({ timeout: 1 })
    pg?.cleanup()
  })

  it('answers 503 with Retry-After while the database is away, recovers by itself, and loses no acknowledged dossier', async () => {
    const { url } = runtime
    const attempts: Attempt[] = []
    /** idempotency key → the receipt code of the answer that acknowledged it, and how many tries it took */
    const acknowledged = new Map<string, { receiptCode: string; tries: number }>()
    const ready: { at: number; status: number | 'connection error' }[] = []
    let stopping = false

    // a citizen who retries with the same key until the submission is acknowledged
    const submitUntilAcknowledged = async (key: string) => {
      for (let tries = 1; tries <= 200; tries++) {
        const res = await fetch(`${url}/api/dossiers`, {
          ...sampleSubmission(birth, '06649'),
          headers: { 'idempotency-key': key },
        }).catch(() => undefined)
        if (!res) {
          attempts.push({ status: 'connection error', retryAfter: null })
        } else {
          const body = (await res.json().catch(() => ({}))) as { receiptCode?: string; error?: { code: string } }
          attempts.push({
            status: res.status,
            retryAfter: res.headers.get('retry-after'),
            ...(body.error ? { code: body.error.code } : {}),
          })
          if ((res.status === 201 || res.status === 200) && body.receiptCode)
            return acknowledged.set(key, { receiptCode: body.receiptCode, tries })
          if (res.status !== 503) return // a 4xx or 500: recorded, asserted below
        }
        await sleep(100)
      }
    }
    const client = async (n: number) => {
      for (let i = 0; !stopping; i++) await submitUntilAcknowledged(`restart-${n}-${i}`)
    }
    const watchReadiness = async () => {
      while (!stopping) {
        const res = await fetch(`${url}/readyz`).catch(() => undefined)
        ready.push({ at: Date.now(), status: res?.status ?? 'connection error' })
        if (res?.status === 503) expect(res.headers.get('retry-after')).not.toBeNull()
        await res?.body?.cancel()
        await sleep(100)
      }
    }

    const load = Promise.all([...Array.from({ length: 6 }, (_, n) => client(n)), watchReadiness()])
    await sleep(1500)
    const restartedAt = Date.now()
    await pg.restart(1500)
    const upAt = Date.now()
    // keep the load on until the process has served again for a while, then let the clients finish their key
    const deadline = upAt + 15_000
    while (Date.now() < deadline && !ready.some((r) => r.at > upAt && r.status === 200)) await sleep(100)
    await sleep(1500)
    stopping = true
    await load

    const firstReady = ready.find((r) => r.at > upAt && r.status === 200)?.at
    console.info(
      `database restart: ${acknowledged.size} acknowledged, ${attempts.filter((a) => a.status === 503).length} answered 503, ` +
        `${attempts.filter((a) => a.status === 'connection error').length} connection errors; ` +
        `down ${upAt - restartedAt} ms, ready again ${firstReady ? firstReady - upAt : '-'} ms after the server was`,
    )
    // the process was never restarted: the same one answers
    expect(runtime.child.exitCode, runtime.output().slice(-4000)).toBeNull()
    expect(ready.filter((r) => r.at > restartedAt && r.at < upAt).map((r) => r.status)).toContain(503)
    expect(ready.at(-1)?.status).toBe(200)
    expect(ready.filter((r) => r.status === 'connection error')).toEqual([])

    // while down: 503 with Retry-After, never a 500
    const failed = attempts.filter((a) => a.status !== 201 && a.status !== 200)
    expect(failed.filter((a) => a.status !== 503 && a.status !== 'connection error')).toEqual([])
    expect(failed.filter((a) => a.status === 503 && (a.retryAfter === null || a.code !== 'UNAVAILABLE'))).toEqual([])
    expect(failed.some((a) => a.status === 503)).toBe(true)

    // every acknowledged submission is in the database, once, under the receipt code it was answered with
    const keys = [...acknowledged.keys()]
    const rows = await sql<{ key: string; receiptCode: string }[]>`
      select idempotency_key as key, receipt_code as "receiptCode" from dossiers where idempotency_key = any(${keys})`
    expect(rows).toHaveLength(keys.length)
    expect(new Map(rows.map((r) => [r.key, r.receiptCode]))).toEqual(
      new Map([...acknowledged].map(([key, { receiptCode }]) => [key, receiptCode])),
    )
    // nothing filed that no client holds a receipt for (a retried key made one dossier)
    const [{ n } = { n: -1 }] = await sql<
      { n: number }[]
    >`select count(*)::int as n from dossiers where idempotency_key like 'restart-%'`
    expect(n).toBe(keys.length)
    expect([...acknowledged.values()].some((a) => a.tries > 1)).toBe(true)

    for (const { receiptCode } of acknowledged.values())
      expect((await fetch(`${url}/api/track/${receiptCode}`)).status).toBe(200)

    // one log line for the outage, not one per failed request
    const logged = runtime
      .output()
      .split('\n')
      .filter((line) => line.includes('"msg":"database unavailable"'))
    expect(logged.length).toBeLessThanOrEqual(1)
    expect(runtime.output()).not.toContain('"msg":"unhandled error"')
  }, 90_000)

  it('keeps serving cache reloads after the restart: a unit renamed and notified shows at once', async () => {
    const named = async () =>
      ((await (await fetch(`${runtime.url}/api/units`)).json()) as { code: string; name: string }[]).find(
        (u) => u.code === '207',
      )?.name
    expect((await fetch(`${runtime.url}/readyz`)).status).toBe(200)
    // read once so the process holds the units in memory
    expect(await named()).toBe('Huyện Cô Tô')
    await sql`update units set name = 'Đặc khu Cô Tô' where code = '207'`
    await sql`select pg_notify('motcua_units_changed', '207')`
    await expect.poll(named, { timeout: 10_000 }).toBe('Đặc khu Cô Tô')
  })
})

describe.skipIf(!hasPrivatePostgres)('a runtime process started before its database', () => {
  let pg: PrivatePostgres | undefined
  let runtime: RuntimeProcess | undefined
  afterAll(async () => {
    if (runtime) await stopRuntimeProcess(runtime)
    pg?.cleanup()
  })

  it('waits for the database, saying so without its password, then migrates, seeds and serves', async () => {
    pg = await startPrivatePostgres()
    await pg.stop()
    const url = new URL(pg.url)
    url.password = 'not-logged-secret'
    let refused = () => {}
    const firstRefusal = new Promise<void>((resolve) => (refused = resolve))
    const starting = startRuntimeProcess({ ...process.env, DATABASE_URL: url.href }, [], (output) => {
      if (output.includes('database unreachable at start')) refused()
    })
    await Promise.race([firstRefusal, starting]) // a process that exits instead fails here, with its output
    await pg.start()
    runtime = await starting
    const waited = logLines(runtime.output()).filter((l) => String(l.msg).startsWith('database unreachable at start'))
    expect(waited.length).toBeGreaterThanOrEqual(1)
    expect(waited[0]).toMatchObject({ level: 'warn', address: `127.0.0.1:${pg.port}`, tries: 1, retryInMs: 1000 })
    expect(runtime.output()).not.toContain('not-logged-secret')
    expect((await fetch(`${runtime.url}/readyz`)).status).toBe(200)
    // seeded on its first start, as on any other
    expect((await fetch(`${runtime.url}/api/units`)).status).toBe(200)
  }, 120_000)
})

describe.runIf(!hasPrivatePostgres)('PostgreSQL restarts', () => {
  it.skip('SKIPPED: needs the PostgreSQL server binaries (apt-get install -y postgresql)', () => {})
})
