/**
 * `npm run bench:mix`: a realistic mix of citizens' and officers' requests (test/bench/mix-workload.ts) through the
 * repository's nginx site (deploy/nginx/motcua.conf) in front of one, then two runtime processes on the same
 * database; throughput, p50/p99 per kind of request and overall, the statuses that were not 2xx, and the scaling
 * ratio two processes / one. The ceiling: the same nginx in front of a trivial server (test/bench/mix-bare-server.ts)
 * at one and two processes. See test/bench/README.md.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createScratchDatabase } from '@motcua/db/testing'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { type RunningNginx, startNginx } from '../support/nginx'
import {
  buildRuntime,
  type RuntimeProcess,
  repoRoot,
  startRuntimeProcess,
  stopRuntimeProcess,
} from '../support/runtime-process'
import { fillDossiers } from './fill-dossiers'
import { checkpoint, cpuSecondsOf, machineBusySeconds, postgresCpuSeconds, processTreeCpuSeconds } from './load'
import { MixRecorder, mixTable, outcome, problemsOf, summarise, type Turn } from './mix-report'
import { createMix, type Mix, type MixFixtures, type Step, WEIGHTS } from './mix-workload'
import { fmt } from './report'
import { benchServer, call, cleanupOnExit, pickProcedure, positiveNumber, startBare, stopChild } from './setup'

const env = process.env
const serverUrl = benchServer('bench:mix')
const num = positiveNumber
const config = {
  seconds: num('BENCH_SECONDS', 10),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 3),
  connections: num('BENCH_CONNECTIONS', 50),
  dossiers: num('BENCH_DOSSIERS', 20_000),
  units: num('BENCH_UNITS', 20),
  busyUnit: env.BENCH_BUSY_UNIT ?? '06649',
  /** BENCH_BUILD=0: use runtime/dist as it is (while developing the bench). */
  build: env.BENCH_BUILD !== '0',
}
const DEMO_PASSWORD = `bench-${randomUUID()}`

let running: autocannon.Instance | undefined
const { cleanups, cleanup } = cleanupOnExit(() => running?.stop())

/** autocannon, each connection drawing its next request from the mix; every answer recorded. */
async function runMix(url: string, mix: Mix, recorder: MixRecorder, seconds: number) {
  const instance = autocannon({
    url,
    connections: config.connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request, context) => {
          const step = mix.next()
          Object.assign(context, { step, started: performance.now() })
          return {
            ...request,
            method: step.method,
            path: step.path,
            headers: step.headers ?? {},
            body: step.body ?? '',
          }
        },
        onResponse: (status, body, context) => {
          const { step, started } = context as { step: Step; started: number }
          recorder.record(step, status, performance.now() - started, body)
          step.onDone?.(status, body)
        },
      },
    ],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>
  running = instance
  const result = await instance
  running = undefined
  return result
}

/** CPU seconds so far of the given processes, of nginx, of PostgreSQL, of this process and of the machine. */
function cpuNow(pids: number[], nginx: RunningNginx) {
  const own = process.cpuUsage()
  return {
    servers: pids.reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? Number.NaN), 0),
    nginx: processTreeCpuSeconds(nginx.pid) ?? Number.NaN,
    postgres: postgresCpuSeconds() ?? Number.NaN,
    loadGenerator: (own.user + own.system) / 1e6,
    machine: machineBusySeconds() ?? Number.NaN,
  }
}
function coresBusy(before: ReturnType<typeof cpuNow>, after: ReturnType<typeof cpuNow>, seconds: number) {
  // a process that exits during the turn takes its CPU time with it (PostgreSQL's backends): never below 0
  const per = (key: keyof typeof before) => Math.max(0, (after[key] - before[key]) / seconds)
  const cores = {
    servers: per('servers'),
    nginx: per('nginx'),
    postgres: per('postgres'),
    loadGenerator: per('loadGenerator'),
    other: 0,
  }
  cores.other = Math.max(0, per('machine') - cores.servers - cores.nginx - cores.postgres - cores.loadGenerator)
  return Object.values(cores).every(Number.isFinite) ? cores : undefined
}

/** TCP sockets in TIME_WAIT on this machine (Linux), undefined elsewhere. */
function timeWaitSockets(): number | undefined {
  try {
    const tw = /^TCP:.* tw (\d+)/m.exec(readFileSync('/proc/net/sockstat', 'utf8'))?.[1]
    return tw === undefined ? undefined : Number(tw)
  } catch {
    return undefined
  }
}
/**
 * Waits (up to 65 s) for the TIME_WAIT sockets of the turns before to expire: nginx opens a connection to its
 * upstream per request (no `keepalive`), and once tens of thousands of them wait, every new one costs nginx more
 * (the trivial server lost half its throughput from one turn to the next), which would favour whichever turn ran
 * first. Each turn starts from the same state.
 */
async function settle(): Promise<number | undefined> {
  const deadline = Date.now() + 65_000
  while ((timeWaitSockets() ?? 0) > 2000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000))
  return timeWaitSockets()
}

/** One measured turn of the mix (after a warm-up through the same mix, not recorded). */
async function mixTurn(label: string, nginx: RunningNginx, mix: Mix, pids: number[]): Promise<Turn> {
  const timeWait = await settle()
  process.stdout.write(`  ${label}: warm-up ${config.warmupSeconds} s, then ${config.seconds} s … `)
  await runMix(nginx.url, mix, new MixRecorder(), config.warmupSeconds)
  await checkpoint(serverUrl)
  const recorder = new MixRecorder()
  const before = cpuNow(pids, nginx)
  const result = await runMix(nginx.url, mix, recorder, config.seconds)
  const cores = coresBusy(before, cpuNow(pids, nginx), result.duration)
  const { groups, overall } = summarise(recorder, result.duration)
  console.log(`${fmt(overall.requestsPerSecond)} req/s`)
  if (recorder.firstFailure) console.error(`    the first failure: ${recorder.firstFailure}`)
  return {
    label,
    processes: pids.length,
    seconds: result.duration,
    groups,
    overall,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(cores ? { cores } : {}),
    ...(timeWait === undefined ? {} : { timeWait: { atStart: timeWait, atEnd: timeWaitSockets()! } }),
  }
}

/** One measured turn of plain GETs at the trivial server (the ceiling). */
async function bareTurn(label: string, nginx: RunningNginx, pids: number[]): Promise<Turn> {
  const timeWait = await settle()
  process.stdout.write(`  ${label}: warm-up ${config.warmupSeconds} s, then ${config.seconds} s … `)
  const options = { url: `${nginx.url}/api/procedures/2.000635`, connections: config.connections }
  await (autocannon({ ...options, duration: config.warmupSeconds }) as unknown as PromiseLike<autocannon.Result>)
  const before = cpuNow(pids, nginx)
  const instance = autocannon({ ...options, duration: config.seconds }) as unknown as autocannon.Instance &
    PromiseLike<autocannon.Result>
  running = instance
  const result = await instance
  running = undefined
  const cores = coresBusy(before, cpuNow(pids, nginx), result.duration)
  console.log(`${fmt(result.requests.total / result.duration)} req/s`)
  const ok = result['2xx']
  return {
    label,
    processes: pids.length,
    seconds: result.duration,
    groups: [],
    overall: {
      group: 'overall',
      requests: result.requests.total,
      requestsPerSecond: result.requests.total / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      statuses: { 200: ok, ...(result.non2xx ? { 'not 2xx': result.non2xx } : {}) },
      conflicts: 0,
      failed: result.non2xx,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    ...(cores ? { cores } : {}),
    ...(timeWait === undefined ? {} : { timeWait: { atStart: timeWait, atEnd: timeWaitSockets()! } }),
  }
}

/** Sends one step outside the load (set-up and the check before it) and hands the answer to it. */
async function send(url: string, step: Step): Promise<{ status: number; body: string }> {
  const res = await fetch(url + step.path, {
    method: step.method,
    headers: step.headers ?? {},
    ...(step.body === undefined ? {} : { body: step.body }),
  })
  const body = await res.text()
  step.onDone?.(res.status, body)
  return { status: res.status, body }
}

async function main(): Promise<void> {
  const started = Date.now()
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`
  const { definition, sample } = pickProcedure()
  const scratch = await createScratchDatabase(serverUrl)
  cleanups.push(() => scratch.drop())
  if (config.build) {
    console.log('motcua mix bench: building the runtime …')
    buildRuntime()
  }
  const runtimeEnv = {
    ...env,
    DATABASE_URL: scratch.url,
    SEED_DEMO: '1',
    DEMO_PASSWORD,
    // all the load comes from one address (nginx passes it on in X-Forwarded-For)
    TRACK_RATE_LIMIT: '100000000',
    SUBMIT_RATE_LIMIT: '100000000',
    TRUST_PROXY: '1',
  }
  const processes: RuntimeProcess[] = []
  const startProcess = async () => {
    const runtime = await startRuntimeProcess(runtimeEnv)
    cleanups.push(() => stopRuntimeProcess(runtime))
    processes.push(runtime)
    return runtime
  }
  const first = await startProcess()
  const upstream = (r: { url: string }) => new URL(r.url).host

  process.stdout.write(`motcua mix bench: ${fmt(config.dossiers)} generated dossiers … `)
  const fill = await fillDossiers(scratch.url, {
    busyUnitCode: config.busyUnit,
    from: 0,
    to: config.dossiers,
    total: config.dossiers,
  })
  console.log(`${fmt(fill.insertSeconds + fill.indexSeconds + fill.vacuumSeconds, 1)} s`)

  const db = postgres(scratch.url, { max: 1, onnotice: () => {} })
  const communes = (
    await db<{ code: string }[]>`
      select code from units where level = ${definition.level} and effective_to is null and code <> ${config.busyUnit}
      order by code limit ${config.units}`
  ).map((u) => u.code)
  const knownCodes = (
    await db<{ receipt_code: string }[]>`select receipt_code from dossiers order by random() limit 1000`
  ).map((d) => d.receipt_code)
  const [{ server_version: pgVersion }] = (await db`show server_version`) as unknown as [{ server_version: string }]
  await db.end()

  const nginx = await startNginx([upstream(first)])
  cleanups.push(() => nginx.stop())
  const signIn = async (username: string) =>
    ((await call(nginx.url, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD })) as { token: string })
      .token
  const officers = {
    receiving: await signIn(`tiepnhan.${config.busyUnit}`),
    specialist: await signIn(`chuyenvien.${config.busyUnit}`),
    leader: await signIn(`lanhdao.${config.busyUnit}`),
  }
  const catalogue = (await call(nginx.url, 'GET', '/api/procedures')) as { code: string }[]
  const procedures = await Promise.all(
    catalogue.map(async ({ code }) => {
      const detail = (await call(nginx.url, 'GET', `/api/procedures/${code}`)) as { version: number }
      return { code, version: detail.version }
    }),
  )
  const index = readFileSync(join(repoRoot, 'runtime', 'dist', 'web', 'index.html'), 'utf8')
  const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!)
  const indexEtag = (await fetch(`${nginx.url}/`)).headers.get('etag') ?? ''
  const receive = definition.steps[0]!
  const forward = definition.steps[1]!
  const actionOf = (step: typeof receive, type: string) => {
    const action = step.actions.find((a) => a.type === type)
    if (!action) throw new Error(`${definition.code}: no ${type} action at step ${step.key}`)
    return action.key
  }
  const body = (unitCode: string) =>
    JSON.stringify({
      procedureCode: definition.code,
      unitCode,
      applicant: { fullName: 'Lê Văn Cường', phone: '0903123456' },
      formData: sample,
      declaration: true,
    })
  const fixtures: MixFixtures = {
    procedures,
    searches: ['hộ tịch', 'khai sinh', 'chung thuc', 'giấy phép xây dựng', 'ly lich tu phap', 'kết hôn'],
    communes,
    assets,
    indexEtag,
    submissions: { spread: communes.map(body), busy: [body(config.busyUnit)] },
    actions: {
      procedure: definition.code,
      receiveStep: receive.key,
      receive: actionOf(receive, 'receive'),
      forwardStep: forward.key,
      forward: actionOf(forward, 'forward'),
    },
    officers,
    knownCodes,
  }
  if (assets.length === 0 || !indexEtag) throw new Error('the portal is not built (runtime/dist/web)')

  // every kind of request once, in the weights' order (submissions, then lists, then opening, then acting), each
  // must be answered: a benchmark that measures errors is worthless
  const mix = createMix(fixtures)
  const once = async (name: keyof typeof WEIGHTS) => {
    const step = mix.operations[name]()
    const { status, body: answer } = await send(nginx.url, step)
    if (outcome(step.group, status) !== 'ok')
      throw new Error(`${name}: ${step.method} ${step.path}: HTTP ${status} ${answer.slice(0, 1000)}`)
  }
  // a backlog at both officers' steps (receives and forwards come at the same rate during the load): submitted to
  // the busy ward, half of them received
  for (let i = 0; i < 40; i++) await once('submitBusy')
  await once('listReceiving')
  for (let i = 0; i < 20; i++) await once('receive')
  for (const name of Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]) await once(name)
  console.log(
    `motcua mix bench: ${config.connections} connections, ${procedures.length} procedures, ${assets.length} assets, ` +
      `acting on ${definition.code} in ${config.busyUnit}; ready in ${elapsed()}`,
  )

  const turns: Turn[] = []
  // the ceiling: the same nginx in front of a trivial server, one process then two
  const bares = [await startBare(scratch.url, [], 'test/bench/mix-bare-server.ts')]
  cleanups.push(() => stopChild(bares[0]!.child))
  nginx.reload([upstream(bares[0]!)])
  turns.push(await bareTurn('trivial server', nginx, [bares[0]!.child.pid!]))
  bares.push(await startBare(scratch.url, [], 'test/bench/mix-bare-server.ts'))
  cleanups.push(() => stopChild(bares[1]!.child))
  nginx.reload(bares.map(upstream))
  turns.push(
    await bareTurn(
      'trivial server',
      nginx,
      bares.map((b) => b.child.pid!),
    ),
  )
  for (const b of bares) await stopChild(b.child)

  nginx.reload([upstream(first)])
  turns.push(await mixTurn('motcua mix', nginx, mix, [first.child.pid!]))
  // the second process first serves the mix alone as long as the first one has (its warm-up and its turn): a cold
  // process runs its code unoptimised and fills its caches (validators, units, assets' gzip), which would be
  // measured as a scaling loss
  const second = await startProcess()
  nginx.reload([upstream(second)])
  const alone = config.warmupSeconds + config.seconds
  process.stdout.write(`  the second process alone, to be as warm as the first: ${alone} s … `)
  const warming = new MixRecorder()
  await runMix(nginx.url, mix, warming, alone)
  const warmFailed = summarise(warming, alone).overall.failed
  console.log(warmFailed ? `${warmFailed} failed` : 'done')
  nginx.reload(processes.map(upstream))
  turns.push(
    await mixTurn(
      'motcua mix',
      nginx,
      mix,
      processes.map((p) => p.child.pid!),
    ),
  )

  // ---------------------------------------------------------------- report
  const [bare1, bare2, mix1, mix2] = turns as [Turn, Turn, Turn, Turn]
  const rps = (t: Turn) => t.overall.requestsPerSecond
  const ratios = {
    scaling: rps(mix2) / rps(mix1),
    bareScaling: rps(bare2) / rps(bare1),
    ofCeiling1: rps(mix1) / rps(bare1),
    ofCeiling2: rps(mix2) / rps(bare2),
  }
  console.log(`\n${mixTable(turns)}`)
  console.log(
    [
      '',
      `scaling, 2 processes / 1: ${fmt(ratios.scaling, 2)} (the trivial server's: ${fmt(ratios.bareScaling, 2)})`,
      `motcua's mix / the trivial server's ceiling through nginx: 1 process ${fmt(ratios.ofCeiling1, 2)}, 2 processes ${fmt(ratios.ofCeiling2, 2)}`,
      `officers' actions: ${mix.counters.received} received, ${mix.counters.forwarded} forwarded, ` +
        `nothing to act on (a list instead) ${mix.counters.nothingToReceive} + ${mix.counters.nothingToForward} times; ` +
        `${mix.queues.toReceive.size} + ${mix.queues.toForward.size} left known; 409 (a race lost): ` +
        `${mix1.overall.conflicts} at 1 process, ${mix2.overall.conflicts} at 2`,
      `load average ${loadavg()
        .map((l) => fmt(l, 1))
        .join(' ')} on ${cpus().length} cores: figures on a busy machine are not worth quoting`,
    ].join('\n'),
  )

  const problems = problemsOf(turns)
  for (const p of problems) console.error(`\n!!! ${p}`)

  mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true })
  const report = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      postgres: pgVersion,
      loadavg: loadavg(),
    },
    config,
    weights: WEIGHTS,
    procedure: { code: definition.code, name: definition.name },
    turns,
    ratios,
    actions: mix.counters,
    problems,
  }
  writeFileSync(join(repoRoot, 'test-artifacts', 'bench-mix.json'), `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nwritten test-artifacts/bench-mix.json (${elapsed()} in all)`)
  if (problems.length) process.exitCode = 1
}

try {
  await main()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await cleanup()
}
