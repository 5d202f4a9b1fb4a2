/**
 * `npm run bench`: the real runtime process under load, each figure a ratio against a baseline measured in the same
 * run: submission and tracking against a bare hono + postgres.js server (test/bench/bare-server.ts) doing the same
 * storage work; submission with the national-portal-sync plugin enabled against the plain one; the desk's queue and
 * search, submission and tracking with a million dossiers against the same on an empty database; and typing into a
 * long form in Chromium. See test/bench/README.md.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '@motcua/db'
import { createScratchDatabase } from '@motcua/db/testing'
import postgres from 'postgres'
import { CHROMIUM } from '../support/browser'
import { publishLongForm } from '../support/long-form'
import {
  buildRuntime,
  type RuntimeProcess,
  repoRoot,
  startRuntimeProcess,
  stopRuntimeProcess,
} from '../support/runtime-process'
import { fillDossiers, fillShape } from './fill-dossiers'
import { type FormTyping, measureFormTyping } from './form-typing'
import { checkpoint, collectCodes, load, type Measured, stopLoad, type Target, type Workload } from './load'
import { fmt, resultsTable, type Scenario, type Verdict, verdicts } from './report'
import {
  benchServer,
  call,
  cleanupOnExit,
  copyReferenceRows,
  pickProcedure,
  positiveNumber,
  startBare,
  startSink,
  stopChild,
} from './setup'
import { measureStudioEditing, type StudioEditing } from './studio-editing'

const env = process.env
const serverUrl = benchServer('bench')
const num = positiveNumber
const config = {
  seconds: num('BENCH_SECONDS', 10),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 2),
  connections: num('BENCH_CONNECTIONS', 50),
  units: num('BENCH_UNITS', 20),
  dossiers: num('BENCH_DOSSIERS', 1_000_000),
  busyUnit: env.BENCH_BUSY_UNIT ?? '06649',
  trackingCodes: 1000,
  /** BENCH_SCENARIOS=submission,deskQueue …: only these (e.g. to profile one path); tracking needs submission. */
  only: env.BENCH_SCENARIOS?.split(',').map((key) => key.trim()),
}
/** The "empty" database holds this many generated dossiers: one full page (and more) of the busy ward's queue. */
const EMPTY_FILL = 1000
const AIM = { submission: 0.75, tracking: 0.9, deskAtSize: 0.5, atSize: 0.85 }
const DEMO_PASSWORD = `bench-${randomUUID()}`

// ---------------------------------------------------------------- cleanup, also on failure and Ctrl-C

const { cleanups, cleanup } = cleanupOnExit(stopLoad)

// ---------------------------------------------------------------- workloads

/** Requests taken in turn from a list (bodies round-robin, or one path after another). */
function rotating(request: (i: number) => { path: string; body?: string }, base: Record<string, unknown>): Workload {
  let next = 0
  return {
    requests: [
      {
        ...base,
        path: request(0).path,
        setupRequest: (req) => ({ ...req, ...request(next++) }),
      },
    ],
  }
}
const submissions = (bodies: string[]) =>
  rotating((i) => ({ path: '/api/dossiers', body: bodies[i % bodies.length]! }), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  })
const tracking = ({ codes }: Target) =>
  rotating(() => ({ path: `/api/track/${encodeURIComponent(codes[Math.floor(Math.random() * codes.length)]!)}` }), {
    method: 'GET',
  })
const desk = (token: string, paths: string[]) =>
  rotating((i) => ({ path: paths[i % paths.length]! }), {
    method: 'GET',
    headers: { authorization: `Bearer ${token}` },
  })

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  const started = Date.now()
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`
  const { definition, sample } = pickProcedure()

  const motcuaDb = await createScratchDatabase(serverUrl)
  cleanups.push(() => motcuaDb.drop())
  const bareDb = await createScratchDatabase(serverUrl)
  cleanups.push(() => bareDb.drop())

  console.log('motcua bench: building the runtime …')
  buildRuntime()
  // BENCH_CPU_PROF=<dir>: both servers write V8 CPU profiles into <dir>/motcua and <dir>/bare when they stop (open them in Chrome
  // DevTools; the bare server's main thread is the file with thread id 0, the other is tsx's loader thread)
  const profile = (name: string) =>
    env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(env.BENCH_CPU_PROF, name)}`] : []
  const runtime: RuntimeProcess = await startRuntimeProcess(
    {
      ...env,
      DATABASE_URL: motcuaDb.url,
      // demo accounts: an officer of the busy ward for the desk, the province administrator for the plugin setting
      SEED_DEMO: '1',
      DEMO_PASSWORD,
      // no per-address limit turns the run into 429s (the load comes from one address)
      TRACK_RATE_LIMIT: '100000000',
      SUBMIT_RATE_LIMIT: '100000000',
    },
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

  // the "empty" database: seeded, and the first dossiers of the big fill (a full first page of the busy ward's queue)
  await fillDossiers(motcuaDb.url, { busyUnitCode: config.busyUnit, from: 0, to: EMPTY_FILL, total: config.dossiers })
  const db = postgres(motcuaDb.url, { max: 1, onnotice: () => {} })
  const unitCodes = (
    await db<{ code: string }[]>`
      select code from units where level = ${definition.level} and effective_to is null and code <> ${config.busyUnit}
      order by code limit ${config.units}`
  ).map((u) => u.code)
  const [province] = await db<{ code: string }[]>`select code from units where level = 'province'`
  // what officers type into the search box: names (common and rare, with and without diacritics), receipt codes and
  // whole ID numbers of the busy ward's dossiers
  const found = await db<{ code: string; id_number: string }[]>`
    select receipt_code as code, applicant->>'idNumber' as id_number from dossiers
    where unit_id = (select id from units where code = ${config.busyUnit}) order by receipt_code limit 3`
  const [{ server_version: pgVersion }] = (await db`show server_version`) as unknown as [{ server_version: string }]
  await db.end()
  if (unitCodes.length === 0) throw new Error(`no ${definition.level} unit to submit to`)
  const searches = [
    'Nguyễn Văn Hùng',
    'tran thi lan',
    'Lê Minh Tuấn',
    'hoang thu trang',
    'Đinh Quang Vân',
    'thi huong',
    ...found.flatMap((d) => [d.code, d.id_number]),
  ]
  const bodyFor = (unitCode: string) =>
    JSON.stringify({
      procedureCode: definition.code,
      unitCode,
      applicant: { fullName: 'Lê Văn Cường', phone: '0903123456' },
      formData: sample,
      declaration: true,
    })
  const manyUnits = unitCodes.map(bodyFor)
  const oneUnit = [bodyFor(unitCodes[0]!)]

  const signIn = async (username: string) =>
    ((await call(runtime.url, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD })) as { token: string })
      .token
  const officer = await signIn(`tiepnhan.${config.busyUnit}`)
  const admin = await signIn('admin')
  // the queue's tabs whose first page is as full on the empty database as at a million (the aim compares them)
  const queuePaths = ['', '?mine=1', '?due=overdue', '?due=soon'].map((q) => `/api/desk/dossiers${q}`)
  // what grows with the unit's open dossiers: the tabs' counts (asked with every list) and the waiting tab (a few
  // dossiers on the empty database, a full page at a million)
  const countPaths = ['/api/desk/counts', '/api/desk/dossiers?queue=waiting']
  const searchPaths = searches.map((q) => `/api/desk/dossiers?q=${encodeURIComponent(q)}`)

  const targets: Target[] = [
    { name: 'motcua', url: runtime.url, pid: runtime.child.pid!, codes: [], codesSeen: 0 },
    { name: 'bare', url: bare.url, pid: bare.child.pid!, codes: [], codesSeen: 0 },
  ]
  const [motcua] = targets as [Target, Target]
  // one request of each kind first: a benchmark that measures 400s is worthless
  for (const target of targets) await call(target.url, 'POST', '/api/dossiers', JSON.parse(manyUnits[0]!))
  for (const path of [...queuePaths, ...countPaths, ...searchPaths])
    await call(runtime.url, 'GET', path, undefined, officer)
  console.log(
    `motcua bench: ${definition.code} ${definition.name} (JSON, ${Buffer.byteLength(manyUnits[0]!)} bytes), ` +
      `${config.connections} connections, ready in ${elapsed()}`,
  )

  const scenarios: Scenario[] = []
  const run = async (
    key: string,
    label: string,
    size: Scenario['size'],
    on: Target[],
    workload: (t: Target) => Workload,
  ) => {
    if (config.only && !config.only.includes(key)) return
    const results: Measured[] = []
    for (const target of on) {
      if (workload === tracking && target.codes.length === 0)
        throw new Error(`${label}: no receipt code to track (run the submission scenario first)`)
      process.stdout.write(
        `  ${label} on ${target.name}: warm-up ${config.warmupSeconds} s, then ${config.seconds} s … `,
      )
      await checkpoint(serverUrl)
      const { requests } = workload(target)
      await load(
        target,
        `${label} (warm-up)`,
        { requests },
        { seconds: config.warmupSeconds, connections: config.connections },
      )
      const m = await load(target, label, workload(target), config)
      console.log(`${fmt(m.requestsPerSecond)} req/s`)
      results.push(m)
    }
    scenarios.push({ key, label, size, results })
  }

  const emptyLabel = `${fmt(EMPTY_FILL)} dossiers`
  console.log(`\nthe empty database (seeded, ${emptyLabel})`)
  await run('submission', `submission, ${unitCodes.length} units`, 'empty', targets, (t) => ({
    ...submissions(manyUnits),
    onBody: collectCodes(t, config.trackingCodes),
  }))
  await run('submissionOneUnit', 'submission, 1 unit', 'empty', targets, () => submissions(oneUnit))
  await run('tracking', 'tracking (no PIN)', 'empty', targets, tracking)
  await run('deskQueue', `desk queue, ${emptyLabel}`, 'empty', [motcua], () => desk(officer, queuePaths))
  await run('deskCounts', `desk counts, ${emptyLabel}`, 'empty', [motcua], () => desk(officer, countPaths))
  await run('deskSearch', `desk search, ${emptyLabel}`, 'empty', [motcua], () => desk(officer, searchPaths))

  const wanted = (...keys: string[]) => !config.only || keys.some((key) => config.only!.includes(key))
  // the national-portal-sync plugin enabled for every unit (set at the province: units inherit it), delivering to a sink
  if (wanted('submissionPlugin')) {
    const sink = await startSink()
    cleanups.push(() => sink.close())
    const setting = (enabled: boolean) =>
      call(
        runtime.url,
        'PUT',
        `/api/admin/units/${province!.code}/plugins/national-portal-sync`,
        { enabled, config: { url: sink.url, maTinh: province!.code } },
        admin,
      )
    await setting(true)
    await run(
      'submissionPlugin',
      `submission, ${unitCodes.length} units, national-portal-sync on`,
      'empty',
      [motcua],
      () => submissions(manyUnits),
    )
    await setting(false)
    const outbox = (await call(runtime.url, 'GET', '/api/admin/outbox', undefined, admin)) as { plugin: string }[]
    if (!outbox.some((m) => m.plugin === 'national-portal-sync'))
      throw new Error('the plugin scenario measured nothing: no national-portal-sync message in the outbox')
  }

  const fullKeys = ['deskQueueFull', 'deskCountsFull', 'deskSearchFull', 'submissionFull', 'trackingFull']
  let fill: Awaited<ReturnType<typeof fillDossiers>> | undefined
  if (wanted(...fullKeys)) {
    const shape = fillShape(config.dossiers)
    process.stdout.write(
      `\nfilling to ${fmt(config.dossiers)} dossiers (${fmt(shape.busy)} in ${config.busyUnit}, ${fmt(shape.busyOpen)} of them open) … `,
    )
    fill = await fillDossiers(motcuaDb.url, {
      busyUnitCode: config.busyUnit,
      from: EMPTY_FILL,
      to: config.dossiers,
      total: config.dossiers,
    })
    console.log(
      `${fmt(fill.insertSeconds + fill.indexSeconds + fill.vacuumSeconds, 1)} s (insert ${fmt(fill.insertSeconds, 1)}, ` +
        `indexes ${fmt(fill.indexSeconds, 1)}, vacuum analyze ${fmt(fill.vacuumSeconds, 1)})`,
    )
  }
  const fullLabel = `${fmt(config.dossiers)} dossiers`
  await run('deskQueueFull', `desk queue, ${fullLabel}`, 'full', [motcua], () => desk(officer, queuePaths))
  await run('deskCountsFull', `desk counts, ${fullLabel}`, 'full', [motcua], () => desk(officer, countPaths))
  await run('deskSearchFull', `desk search, ${fullLabel}`, 'full', [motcua], () => desk(officer, searchPaths))
  await run('submissionFull', `submission, ${unitCodes.length} units, ${fullLabel}`, 'full', [motcua], () =>
    submissions(manyUnits),
  )
  await run('trackingFull', `tracking (no PIN), ${fullLabel}`, 'full', [motcua], tracking)

  let typing: FormTyping | undefined
  if (env.BENCH_BROWSER !== '0' && !config.only) {
    await publishLongForm(runtime.url, { username: 'admin', password: DEMO_PASSWORD })
    typing = await measureFormTyping(runtime.url)
  }
  let studio: StudioEditing | undefined
  if (env.BENCH_BROWSER !== '0' && wanted('studio'))
    studio = await measureStudioEditing(runtime.url, { username: 'admin', password: DEMO_PASSWORD })

  // ---------------------------------------------------------------- report
  const rps = (key: string, target: Target['name'] = 'motcua') =>
    scenarios.find((s) => s.key === key)?.results.find((r) => r.target === target)?.requestsPerSecond ?? Number.NaN
  const list: Verdict[] = [
    { label: 'submission × bare', ratio: rps('submission') / rps('submission', 'bare'), aim: AIM.submission },
    {
      label: 'submission, 1 unit × bare',
      ratio: rps('submissionOneUnit') / rps('submissionOneUnit', 'bare'),
      note: "(no aim: the unit's daily sequence row serialises)",
    },
    { label: 'tracking × bare', ratio: rps('tracking') / rps('tracking', 'bare'), aim: AIM.tracking },
    {
      label: 'submission with national-portal-sync × without',
      ratio: rps('submissionPlugin') / rps('submission'),
      note: `(${fmt(rps('submissionPlugin') / rps('submission', 'bare'), 2)} × bare)`,
    },
    {
      label: `desk queue at ${fullLabel} × empty`,
      ratio: rps('deskQueueFull') / rps('deskQueue'),
      aim: AIM.deskAtSize,
    },
    {
      label: `desk counts at ${fullLabel} × empty`,
      ratio: rps('deskCountsFull') / rps('deskCounts'),
      note: '(no aim: they read every open dossier of the unit, 100 then 7,700)',
    },
    {
      label: `desk search at ${fullLabel} × empty`,
      ratio: rps('deskSearchFull') / rps('deskSearch'),
      note: '(no aim: see the README)',
    },
    {
      label: `submission at ${fullLabel} × empty`,
      ratio: rps('submissionFull') / rps('submission'),
      aim: AIM.atSize,
    },
    { label: `tracking at ${fullLabel} × empty`, ratio: rps('trackingFull') / rps('tracking'), aim: AIM.atSize },
  ]
  console.log(`\n${resultsTable(scenarios)}\n\n${verdicts(list.filter((v) => Number.isFinite(v.ratio)))}`)
  console.log(
    typing
      ? `form typing (${typing.fields} fields, ${typing.keystrokes} keys at 40 ms): input → next frame median ${fmt(typing.medianMs, 1)} ms, ` +
          `p95 ${fmt(typing.p95Ms, 1)} ms, max ${fmt(typing.maxMs, 1)} ms; Event Timing entries over 16 ms: ${typing.slowEvents} (aim p95 < 100 ms)`
      : env.BENCH_BROWSER === '0' || config.only
        ? 'form typing: not measured (BENCH_BROWSER=0 or BENCH_SCENARIOS)'
        : `\n!!! form typing NOT MEASURED: ${CHROMIUM} not found (apt-get install -y chromium) !!!\n`,
  )
  const ms = (t: { medianMs: number; p95Ms: number }) => `median ${fmt(t.medianMs, 1)} ms, p95 ${fmt(t.p95Ms, 1)} ms`
  console.log(
    studio
      ? `studio editing (${studio.procedure}, ${studio.keystrokes} keys at 80 ms into a field label; aims: each median < 50 ms):\n` +
          `  validation in its worker ${ms(studio.validateWorker)}; change → problems on the page ${ms(studio.validateToPage)}\n` +
          `  preview re-render ${ms(studio.preview)}\n` +
          `  keystroke input → next frame ${ms(studio.keystroke)} = ${fmt(studio.keystroke.medianMs / studio.bareKeystroke.medianMs, 1)} × a bare input (${ms(studio.bareKeystroke)})`
      : env.BENCH_BROWSER === '0' || !wanted('studio')
        ? 'studio editing: not measured (BENCH_BROWSER=0 or BENCH_SCENARIOS without studio)'
        : `\n!!! studio editing NOT MEASURED: ${CHROMIUM} not found (apt-get install -y chromium) !!!\n`,
  )

  const failed = targets.filter((t) => t.firstError)
  for (const t of failed) console.error(`\n${t.name} answered non-2xx; the first one: ${t.firstError!.slice(0, 2000)}`)

  mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true })
  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, postgres: pgVersion },
    config: { ...config, emptyFill: EMPTY_FILL },
    procedure: { code: definition.code, name: definition.name, level: definition.level },
    fill: fill ?? null,
    scenarios,
    aims: AIM,
    verdicts: list,
    formTyping: typing ?? null,
    studioEditing: studio ?? null,
    firstErrors: Object.fromEntries(failed.map((t) => [t.name, t.firstError])),
  }
  writeFileSync(join(repoRoot, 'test-artifacts', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nwritten test-artifacts/bench.json (${elapsed()} in all)`)
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
