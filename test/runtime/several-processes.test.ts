import { createScratchDatabase } from '@motcua/db/testing'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, sampleSubmission } from '../../runtime/src/testing'
import { hasNginx, type RunningNginx, startNginx } from '../support/nginx'
import { logLines, type ServeProcess, startServe, stopServe } from '../support/serve-process'

// `npm run serve -- --workers 2` on one PostgreSQL database behind the repository's nginx site, as in production:
// a rolling restart and a process killed outright, each under a load of real requests.
const DATABASE_URL = process.env.DATABASE_URL
if (!DATABASE_URL)
  console.warn('\n!!! DATABASE_URL is unset: the tests of several runtime processes on PostgreSQL are SKIPPED\n')
const PASSWORD = 'mat-khau-nhieu-tien-trinh'
const birth = libraryProcedure('dang-ky-khai-sinh')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Outcome {
  kind: 'submit' | 'list' | 'track'
  /** 0 when no answer came (a network error). */
  status: number
  tries: number
  /** The answers to the tries before the last (0: a network error). */
  failed?: number[]
  key?: string
  receiptCode?: string
}

/**
 * `clients` loops of requests through `url` until `running()` turns false: submissions, the procedure list and
 * tracking by receipt code in turn (or submissions only). With `retry`, each submission carries an Idempotency-Key
 * and is sent again with it after a 5xx or a network error, as the portal does.
 */
async function load(
  url: string,
  running: () => boolean,
  { clients = 4, retry = false, submitOnly = false, prefix = 'load' } = {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  const codes: string[] = []
  const send = async (path: string, init?: RequestInit) => {
    try {
      const res = await fetch(`${url}${path}`, init)
      return { status: res.status, body: (await res.json().catch(() => undefined)) as { receiptCode?: string } }
    } catch {
      return { status: 0, body: undefined }
    }
  }
  const submit = async (key: string | undefined): Promise<Outcome> => {
    const failed: number[] = []
    for (let tries = 1; ; tries++) {
      const request = sampleSubmission(birth, '06649', { fullName: 'Lê Văn Tâm' })
      const { status, body } = await send(
        '/api/dossiers',
        key ? { ...request, headers: { 'idempotency-key': key } } : request,
      )
      if (retry && (status === 0 || status >= 500) && tries < 30) {
        failed.push(status)
        await sleep(100)
        continue
      }
      if (body?.receiptCode) codes.push(body.receiptCode)
      return {
        kind: 'submit',
        status,
        tries,
        ...(failed.length ? { failed } : {}),
        ...(key ? { key } : {}),
        ...(body?.receiptCode ? { receiptCode: body.receiptCode } : {}),
      }
    }
  }
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; running(); n++) {
        const turn = submitOnly ? 0 : n % 3
        if (turn === 0) outcomes.push(await submit(retry ? `${prefix}-${client}-${n}` : undefined))
        else if (turn === 1 || codes.length === 0)
          outcomes.push({ kind: 'list', status: (await send('/api/procedures')).status, tries: 1 })
        else {
          const code = codes[Math.floor(Math.random() * codes.length)]!
          outcomes.push({ kind: 'track', status: (await send(`/api/track/${code}`)).status, tries: 1 })
        }
      }
    }),
  )
  return outcomes
}

const summary = (outcomes: Outcome[]) => {
  const counts: Record<string, number> = {}
  for (const o of outcomes) counts[`${o.kind} ${o.status}`] = (counts[`${o.kind} ${o.status}`] ?? 0) + 1
  return counts
}

describe.skipIf(!DATABASE_URL || !hasNginx)('two runtime processes on one PostgreSQL database behind nginx', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>
  let sql: ReturnType<typeof postgres>
  let serve: ServeProcess
  let nginx: RunningNginx
  const dossierRows = async () =>
    (await sql<{ count: number }[]>`select count(*)::int as count from dossiers`)[0]!.count

  beforeAll(async () => {
    scratch = await createScratchDatabase(DATABASE_URL!)
    sql = postgres(scratch.url, { max: 1, onnotice: () => {} })
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: scratch.url,
      SEED_DEMO: '1',
      DEMO_PASSWORD: PASSWORD,
      TRUST_PROXY: '1',
      // the load comes from one address
      SUBMIT_RATE_LIMIT: '0',
      TRACK_RATE_LIMIT: '1000000',
    }
    delete env.WORKERS
    // both processes start at once on a database that is empty: both migrate and seed it
    serve = await startServe(2, env)
    nginx = await startNginx(serve.urls.map((u) => u.replace('http://', '')))
  }, 180_000)

  afterAll(async () => {
    await nginx?.stop()
    if (serve) expect(await stopServe(serve)).toBe(0)
    await sql?.end()
    await scratch?.drop()
  }, 120_000)

  it('starts both on a fresh database, each first-start step applied by exactly one of them', async () => {
    for (const url of serve.urls) {
      expect((await fetch(`${url}/readyz`)).status).toBe(200)
      expect(await (await fetch(`${url}/api/units`)).json()).toHaveLength(222)
    }
    const steps = logLines(serve.output())
      .filter((line) => line.msg === 'seeded')
      .flatMap((line) => line.steps as string[])
    expect(steps).toContain('roles')
    expect(steps).toContain('demo-accounts')
    expect(new Set(steps).size).toBe(steps.length)
  })

  it('accepts a session opened on one process on the other, and its sign-out on both', async () => {
    const [a, b] = serve.urls as [string, string]
    const login = await fetch(`${a}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `Bearer ${token}` }
    const me = await fetch(`${b}/api/auth/me`, { headers: auth })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ user: { username: 'admin' } })
    expect((await fetch(`${b}/api/auth/logout`, { method: 'POST', headers: auth })).status).toBe(204)
    expect((await fetch(`${a}/api/auth/me`, { headers: auth })).status).toBe(401)
  })

  it('restarts both processes one after the other (SIGHUP) under load without a single failed request', async () => {
    const before = [serve.workerPid(0), serve.workerPid(1)]
    const rowsBefore = await dossierRows()
    let running = true
    const loading = load(nginx.url, () => running)
    await sleep(1000)
    const mark = serve.output().length
    serve.child.kill('SIGHUP')
    await serve.waitFor('"msg":"rolling restart done"', mark)
    await sleep(1000)
    running = false
    const outcomes = await loading
    const passedOn = nginx
      .errorLog()
      .split('\n')
      .filter((line) => /upstream/.test(line)).length
    console.log('rolling restart:', outcomes.length, 'requests', summary(outcomes), 'nginx passed on:', passedOn)
    expect([serve.workerPid(0), serve.workerPid(1)].every((pid, i) => pid !== before[i])).toBe(true)
    expect(outcomes.filter((o) => o.status < 200 || o.status > 299)).toEqual([])
    // every submission answered is one dossier, trackable by its code; nginx's retries filed nothing twice
    const submitted = outcomes.filter((o) => o.kind === 'submit')
    const codes = new Set(submitted.map((o) => o.receiptCode))
    expect(codes.size).toBe(submitted.length)
    const rowsAfter = await dossierRows()
    expect(rowsAfter - rowsBefore).toBe(submitted.length)
    for (const code of codes) expect((await fetch(`${nginx.url}/api/track/${code}`)).status).toBe(200)
  }, 120_000)

  it('loses no submission and files none twice when a process is killed outright (kill -9) under load', async () => {
    const victim = serve.workerPid(0)
    let running = true
    const loading = load(nginx.url, () => running, { retry: true, submitOnly: true, prefix: 'kill' })
    await sleep(1500)
    const mark = serve.output().length
    process.kill(victim, 'SIGKILL')
    await serve.waitFor('"msg":"worker started"', mark)
    await sleep(3000)
    running = false
    const outcomes = await loading
    console.log(
      'kill -9:',
      outcomes.length,
      'submissions',
      summary(outcomes),
      'retried by the client:',
      outcomes.flatMap((o) => o.failed ?? []),
    )
    expect(logLines(serve.output().slice(mark)).some((l) => l.msg === 'worker died' && l.signal === 'SIGKILL')).toBe(
      true,
    )
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 200)).toEqual([])
    const keys = outcomes.map((o) => o.key!)
    const rows = await sql<{ key: string; count: number }[]>`
      select idempotency_key as key, count(*)::int as count from dossiers
      where idempotency_key like 'kill-%' group by idempotency_key`
    expect(rows.filter((r) => r.count !== 1)).toEqual([])
    expect(rows.map((r) => r.key).sort()).toEqual([...keys].sort())
    for (const o of outcomes) expect((await fetch(`${nginx.url}/api/track/${o.receiptCode}`)).status).toBe(200)
  }, 120_000)
})
