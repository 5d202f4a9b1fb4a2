/**
 * `npm run bench`: submission and tracking throughput and latency of the real runtime process, each as a ratio
 * against a bare hono + postgres.js server (test/bench/bare-server.ts) doing the same storage work, measured in
 * the same run on the same PostgreSQL server. See test/bench/README.md.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { type ProcedureDefinition, requiredComponents } from '@motcua/core'
import { openDatabase } from '@motcua/db'
import { createScratchDatabase } from '@motcua/db/testing'
import autocannon from 'autocannon'
import postgres from 'postgres'
import {
  buildRuntime,
  type RuntimeProcess,
  repoRoot,
  startRuntimeProcess,
  stopRuntimeProcess,
} from '../support/runtime-process'

const env = process.env
const serverUrl = env.DATABASE_URL
if (!serverUrl) {
  console.error(
    'npm run bench needs a PostgreSQL server to create its scratch databases on, e.g.\n' +
      '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench',
  )
  process.exit(1)
}

const num = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}
const config = {
  seconds: num('BENCH_SECONDS', 10),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 2),
  connections: num('BENCH_CONNECTIONS', 50),
  units: num('BENCH_UNITS', 20),
  trackingCodes: 1000,
}
const AIM = { submission: 0.6, tracking: 0.7 }

// ---------------------------------------------------------------- cleanup, also on failure and Ctrl-C

const cleanups: (() => Promise<unknown>)[] = []
let cleaning: Promise<void> | undefined
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error('cleanup:', error))
  })())
let running: autocannon.Instance | undefined
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping, dropping the scratch databases`)
    running?.stop()
    void cleanup().finally(() => process.exit(130))
  })
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })

function startBare(databaseUrl: string, nodeArgs: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--conditions=source', '--import', 'tsx', 'test/bench/bare-server.ts'],
    {
      cwd: repoRoot,
      env: { ...env, DATABASE_URL: databaseUrl, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk
      const url = /bare: open (http:\S+)/.exec(output)?.[1]
      if (url) resolve({ child, url })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}:\n${output}`)))
  })
}

// ---------------------------------------------------------------- what is submitted

/** A library procedure whose sample needs no attachment, preferring commune level (the most units to spread over). */
function pickProcedure(): { definition: ProcedureDefinition; sample: Record<string, unknown> } {
  const dir = join(repoRoot, 'procedures')
  const candidates = readdirSync(dir)
    .sort()
    .map((folder) => ({
      definition: JSON.parse(readFileSync(join(dir, folder, 'procedure.json'), 'utf8')) as ProcedureDefinition,
      sample: JSON.parse(readFileSync(join(dir, folder, 'sample.json'), 'utf8')) as Record<string, unknown>,
    }))
    .filter(
      ({ definition, sample }) => !definition.units?.length && requiredComponents(definition, sample).length === 0,
    )
  const wanted = env.BENCH_PROCEDURE
  const chosen = wanted
    ? candidates.find((c) => c.definition.code === wanted)
    : (candidates.find((c) => c.definition.level === 'commune') ?? candidates[0])
  if (!chosen)
    throw new Error(
      `no library procedure${wanted ? ` ${wanted}` : ''} whose sample.json needs no attachment and is offered by level`,
    )
  return chosen
}

/** The rows the bare server's submissions reference, copied from the seeded motcua database. */
async function copyReferenceRows(from: string, to: string, procedureCode: string): Promise<void> {
  const source = postgres(from, { max: 1, onnotice: () => {} })
  const target = postgres(to, { max: 1, onnotice: () => {} })
  try {
    const copies: [table: string, where: string][] = [
      ['unit_levels', 'true'],
      ['calendars', 'true'],
      ['units', 'true'],
      ['procedures', `code = '${procedureCode.replaceAll("'", "''")}'`],
      [
        'procedure_versions',
        `procedure_id in (select id from procedures where code = '${procedureCode.replaceAll("'", "''")}')`,
      ],
    ]
    for (const [table, where] of copies) {
      const [{ rows }] = (await source.unsafe(
        `select coalesce(jsonb_agg(t), '[]') as rows from ${table} t where ${where}`,
      )) as unknown as [{ rows: postgres.JSONValue }]
      await target.unsafe(`insert into ${table} select * from jsonb_populate_recordset(null::${table}, $1::jsonb)`, [
        target.json(rows) as never,
      ])
    }
  } finally {
    await source.end()
    await target.end()
  }
}

// ---------------------------------------------------------------- load

interface Target {
  name: 'motcua' | 'bare'
  url: string
  pid: number
  /** A uniform sample of the receipt codes its submissions returned (reservoir), for the tracking phase. */
  codes: string[]
  codesSeen: number
  firstError?: string
}

interface Measured {
  scenario: string
  target: Target['name']
  requestsPerSecond: number
  p50: number
  p99: number
  requests: number
  non2xx: number
  errors: number
  timeouts: number
  seconds: number
  /** CPU time per request (µs) of the server process, of every PostgreSQL process, and of this process (the load generator). */
  cpuMicrosPerRequest?: { server: number; postgres: number; loadGenerator: number; otherProcesses: number }
}

// ---------------------------------------------------------------- where the CPU goes (Linux /proc; omitted elsewhere)

const USER_HZ = 100
/** CPU seconds a process has used (user + system), or undefined when /proc cannot tell. */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ
  } catch {
    return undefined
  }
}
/** CPU seconds used by every process named `postgres` (backends, WAL writer, checkpointer: the server is shared, so other load shows here too). */
function postgresCpuSeconds(): number | undefined {
  try {
    let total = 0
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuSecondsOf(Number(pid)) ?? 0
      } catch {
        // gone meanwhile
      }
    }
    return total
  } catch {
    return undefined
  }
}
/** CPU seconds the whole machine has been busy (all cores), from /proc/stat. */
function machineBusySeconds(): number | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number)
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks
    return (user + nice + system + irq + softirq + steal) / USER_HZ
  } catch {
    return undefined
  }
}
function cpuSnapshot(serverPid: number) {
  const own = process.cpuUsage()
  return {
    server: cpuSecondsOf(serverPid),
    postgres: postgresCpuSeconds(),
    loadGenerator: (own.user + own.system) / 1e6,
    machine: machineBusySeconds(),
  }
}

const receiptCodeIn = /"receiptCode":"([^"]+)"/

async function load(
  target: Target,
  scenario: string,
  kind: 'submit' | 'track',
  seconds: number,
  bodies: string[],
  record: boolean,
): Promise<Measured> {
  let next = 0
  const request: autocannon.Request =
    kind === 'submit'
      ? {
          method: 'POST',
          path: '/api/dossiers',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length]! }),
        }
      : {
          method: 'GET',
          path: '/api/track/x',
          setupRequest: (req) => ({
            ...req,
            path: `/api/track/${encodeURIComponent(target.codes[Math.floor(Math.random() * target.codes.length)]!)}`,
          }),
        }
  request.onResponse = (status, body) => {
    if (status < 200 || status >= 300) {
      target.firstError ??= `${scenario}: HTTP ${status} ${body}`
      return
    }
    if (!record) return
    const seen = ++target.codesSeen
    const slot = target.codes.length < config.trackingCodes ? target.codes.length : Math.floor(Math.random() * seen)
    if (slot < config.trackingCodes) {
      const code = receiptCodeIn.exec(body)?.[1]
      if (code) target.codes[slot] = code
    }
  }
  const { hostname } = new URL(target.url)
  if (hostname !== '127.0.0.1')
    throw new Error(`refusing to load ${target.url}: the benchmark runs against 127.0.0.1 only`)
  const before = cpuSnapshot(target.pid)
  const instance = autocannon({
    url: target.url,
    connections: config.connections,
    duration: seconds,
    requests: [request],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>
  running = instance
  const result = await instance
  running = undefined
  const after = cpuSnapshot(target.pid)
  const perRequest = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? Number.NaN : ((b - a) * 1e6) / Math.max(1, result.requests.total)
  const cpu = {
    server: perRequest(before.server, after.server),
    postgres: perRequest(before.postgres, after.postgres),
    loadGenerator: perRequest(before.loadGenerator, after.loadGenerator),
    otherProcesses: 0,
  }
  // whatever else kept the machine busy meanwhile (other jobs on a shared machine): a large figure means a noisy run
  cpu.otherProcesses = Math.max(
    0,
    perRequest(before.machine, after.machine) - cpu.server - cpu.postgres - cpu.loadGenerator,
  )
  return {
    scenario,
    target: target.name,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    ...(Object.values(cpu).every(Number.isFinite) ? { cpuMicrosPerRequest: cpu } : {}),
  }
}

/** A checkpoint before each server's turn, so neither pays for the other's dirty pages (needs a superuser; skipped otherwise). */
async function checkpoint(): Promise<void> {
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} })
  try {
    await admin`checkpoint`
  } catch {
    // not a superuser: the turns then share the checkpoint schedule by chance
  } finally {
    await admin.end()
  }
}

async function measure(
  targets: Target[],
  scenario: string,
  kind: 'submit' | 'track',
  bodies: string[],
): Promise<Measured[]> {
  const out: Measured[] = []
  for (const target of targets) {
    if (kind === 'track' && target.codes.length === 0)
      throw new Error(`${target.name}: no receipt code collected to track`)
    process.stdout.write(
      `  ${scenario} on ${target.name}: warm-up ${config.warmupSeconds} s, then ${config.seconds} s … `,
    )
    await checkpoint()
    await load(target, `${scenario} (warm-up)`, kind, config.warmupSeconds, bodies, false)
    const m = await load(target, scenario, kind, config.seconds, bodies, kind === 'submit')
    console.log(`${Math.round(m.requestsPerSecond)} req/s`)
    out.push(m)
  }
  return out
}

// ---------------------------------------------------------------- the run

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

async function main(): Promise<void> {
  const started = Date.now()
  const { definition, sample } = pickProcedure()

  const motcuaDb = await createScratchDatabase(serverUrl!)
  cleanups.push(() => motcuaDb.drop())
  const bareDb = await createScratchDatabase(serverUrl!)
  cleanups.push(() => bareDb.drop())

  console.log('motcua bench: building the runtime …')
  buildRuntime()
  // BENCH_CPU_PROF=<dir>: both servers write V8 CPU profiles into <dir>/motcua and <dir>/bare when they stop (open them in Chrome
  // DevTools; the bare server's main thread is the file with thread id 0, the other is tsx's loader thread)
  const profile = (name: string) =>
    env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(env.BENCH_CPU_PROF, name)}`] : []
  const runtime: RuntimeProcess = await startRuntimeProcess(
    { ...env, DATABASE_URL: motcuaDb.url, SEED_DEMO: '0', TRACK_RATE_LIMIT: '100000000' },
    profile('motcua'),
  )
  cleanups.push(() => stopRuntimeProcess(runtime))

  const bareDatabase = await openDatabase({ driver: 'postgres', url: bareDb.url })
  try {
    await bareDatabase.migrate()
  } finally {
    await bareDatabase.close()
  }
  await copyReferenceRows(motcuaDb.url, bareDb.url, definition.code)
  const bare = await startBare(bareDb.url, profile('bare'))
  cleanups.push(() => stopChild(bare.child))

  const db = postgres(motcuaDb.url, { max: 1, onnotice: () => {} })
  const unitCodes = (
    await db<
      { code: string }[]
    >`select code from units where level = ${definition.level} and effective_to is null order by code limit ${config.units}`
  ).map((u) => u.code)
  const [{ server_version: pgVersion }] = (await db`show server_version`) as unknown as [{ server_version: string }]
  await db.end()
  if (unitCodes.length === 0) throw new Error(`no ${definition.level} unit to submit to`)
  const bodyFor = (unitCode: string) =>
    JSON.stringify({
      procedureCode: definition.code,
      unitCode,
      applicant: { fullName: 'Lê Văn Cường', phone: '0903123456' },
      formData: sample,
    })
  const manyUnits = unitCodes.map(bodyFor)
  const oneUnit = [bodyFor(unitCodes[0]!)]

  const targets: Target[] = [
    { name: 'motcua', url: runtime.url, pid: runtime.child.pid!, codes: [], codesSeen: 0 },
    { name: 'bare', url: bare.url, pid: bare.child.pid!, codes: [], codesSeen: 0 },
  ]
  // one submission each first: a benchmark that measures 400s is worthless
  for (const target of targets) {
    const res = await fetch(`${target.url}/api/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: manyUnits[0],
    })
    if (res.status !== 201)
      throw new Error(`${target.name} answered the probe submission with ${res.status}: ${await res.text()}`)
  }
  console.log(
    `motcua bench: ${definition.code} ${definition.name} (JSON, ${Buffer.byteLength(manyUnits[0]!)} bytes), ${config.connections} connections, ` +
      `ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )

  const scenarios = [
    {
      key: 'submission',
      label: `submission, ${unitCodes.length} units`,
      results: await measure(targets, `submission, ${unitCodes.length} units`, 'submit', manyUnits),
    },
    {
      key: 'submissionOneUnit',
      label: 'submission, 1 unit (busy ward)',
      results: await measure(targets, 'submission, 1 unit (busy ward)', 'submit', oneUnit),
    },
    { key: 'tracking', label: 'tracking (no PIN)', results: await measure(targets, 'tracking (no PIN)', 'track', []) },
  ]

  // ---------------------------------------------------------------- report
  const header = [
    'scenario',
    'server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx/errors',
    'motcua/bare req/s',
    'bare/motcua p99',
  ]
  const rows: string[][] = []
  const ratios: Record<string, { throughput: number; p99: number }> = {}
  for (const s of scenarios) {
    const [m, b] = [s.results.find((r) => r.target === 'motcua')!, s.results.find((r) => r.target === 'bare')!]
    const ratio = { throughput: m.requestsPerSecond / b.requestsPerSecond, p99: b.p99 / m.p99 }
    ratios[s.key] = ratio
    for (const r of [m, b]) {
      rows.push([
        s.label,
        r.target,
        fmt(r.requestsPerSecond),
        fmt(r.p50),
        fmt(r.p99),
        fmt(r.non2xx + r.errors + r.timeouts),
        r === m ? fmt(ratio.throughput, 2) : '',
        r === m ? fmt(ratio.p99, 2) : '',
      ])
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`)
  const cpuRows = scenarios.flatMap((s) =>
    s.results.flatMap((r) => {
      const c = r.cpuMicrosPerRequest
      return c
        ? [
            [
              s.label,
              r.target,
              fmt(c.server),
              fmt(c.postgres),
              fmt(c.loadGenerator),
              fmt(c.server + c.postgres + c.loadGenerator),
              fmt(c.otherProcesses),
            ],
          ]
        : []
    }),
  )
  if (cpuRows.length) {
    const rowsWithHeader = [
      ['CPU µs per request', 'server', 'server process', 'postgres (all)', 'load generator', 'sum', 'other processes'],
      ...cpuRows,
    ]
    const w = rowsWithHeader[0]!.map((_, i) => Math.max(...rowsWithHeader.map((r) => r[i]!.length)))
    const cpuLine = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')
    console.log(`${rowsWithHeader.map(cpuLine).join('\n')}\n`)
  }
  const verdict = (ratio: number, aim: number) =>
    `${fmt(ratio, 2)} × bare (aim ≥ ${aim}${ratio >= aim ? '' : ': missed'})`
  console.log(`submission: ${verdict(ratios.submission!.throughput, AIM.submission)}`)
  console.log(
    `submission, 1 unit: ${fmt(ratios.submissionOneUnit!.throughput, 2)} × bare (no aim; the unit's daily sequence row serialises)`,
  )
  console.log(`tracking: ${verdict(ratios.tracking!.throughput, AIM.tracking)}`)

  const failed = targets.filter((t) => t.firstError)
  for (const t of failed) console.error(`\n${t.name} answered non-2xx; the first one: ${t.firstError!.slice(0, 2000)}`)

  mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true })
  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, postgres: pgVersion },
    config,
    procedure: { code: definition.code, name: definition.name, level: definition.level },
    scenarios: scenarios.map((s) => ({ key: s.key, label: s.label, results: s.results, ratios: ratios[s.key] })),
    aims: AIM,
    met: {
      submission: ratios.submission!.throughput >= AIM.submission,
      tracking: ratios.tracking!.throughput >= AIM.tracking,
    },
    firstErrors: Object.fromEntries(failed.map((t) => [t.name, t.firstError])),
  }
  writeFileSync(join(repoRoot, 'test-artifacts', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nwritten test-artifacts/bench.json (${((Date.now() - started) / 1000).toFixed(0)} s in all)`)
  if (failed.length) process.exitCode = 1
}

try {
  await main()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await cleanup()
}
