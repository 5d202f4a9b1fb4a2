/**
 * `npm run bench:statistics` (issue #15): the public statistics at the generator's scale, on PostgreSQL. A scratch
 * database filled by `npm run stats:fill`'s generator (or one filled before: `--reuse <url>`), the real runtime as
 * a separate process, and in the same run a bare hono + postgres.js server answering the period's sums from the
 * rollup in one statement, and the same sums recomputed from the dossiers. Medians and p95 of sequential requests
 * after a warm-up, against the aims (province < 300 ms, one unit < 50 ms) and as ratios to the bare server. No
 * timed assertion anywhere: it prints, and writes test-artifacts/bench-statistics.json. See test/bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { buildRuntime, repoRoot, startRuntimeProcess, stopRuntimeProcess } from '../support/runtime-process'
import { startBare, stopChild } from './setup'
import { createStatsDatabase, defaultMonths, fillStatistics, formatReport } from './stats-fill'

const serverUrl = process.env.DATABASE_URL
const { values } = parseArgs({
  options: { reuse: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean' } },
})
const usage = `DATABASE_URL=postgres://… npm run bench:statistics -- [--reuse <url>] [--keep]

  --reuse <url>   a database filled before (npm run stats:fill -- --scratch, or --keep here): not refilled, not dropped
  --keep          keep the database this run fills, and print its URL for --reuse
Environment: BENCH_DOSSIERS (2180000), BENCH_RUNS (30 timed requests per case), BENCH_WARMUP (5)`
if (values.help) {
  console.log(usage)
  process.exit(0)
}
if (!serverUrl) {
  console.error(
    `npm run bench:statistics needs DATABASE_URL, a PostgreSQL server it may create a database on.\n\n${usage}`,
  )
  process.exit(1)
}
const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number ≥ 1`)
  return value
}
const config = {
  dossiers: num('BENCH_DOSSIERS', 2_180_000),
  runs: num('BENCH_RUNS', 30),
  warmup: num('BENCH_WARMUP', 5),
}
const AIM = { province: 300, unit: 50 }
/** The raw recomputation reads every dossier: a few runs say enough. */
const RAW_RUNS = 3

const cleanups: (() => Promise<unknown>)[] = []
const cleanup = async () => {
  for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error('cleanup:', error))
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`)
    void cleanup().finally(() => process.exit(130))
  })

interface Timing {
  medianMs: number
  p95Ms: number
  bytes: number
}

/** Sequential GETs after a warm-up: the first must answer 200 (a benchmark of errors is worthless). */
async function time(base: string, path: string, runs: number, warmup: number): Promise<Timing> {
  let bytes = 0
  const once = async () => {
    const started = performance.now()
    const res = await fetch(base + path)
    const body = await res.text()
    const ms = performance.now() - started
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${body.slice(0, 500)}`)
    bytes = Buffer.byteLength(body)
    return ms
  }
  for (let i = 0; i < warmup; i++) await once()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push(await once())
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!
  return { medianMs: at(0.5), p95Ms: at(0.95), bytes }
}

const months = (to: string, back: number) => {
  const [year, month] = to.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 7)
}

async function main() {
  const started = Date.now()
  let url = values.reuse
  let fill: Awaited<ReturnType<typeof fillStatistics>> | undefined
  if (!url) {
    const scratch = await createStatsDatabase(serverUrl!)
    if (!values.keep) cleanups.push(scratch.drop)
    url = scratch.url
    console.log(`statistics bench: filling ${config.dossiers.toLocaleString('en-US')} dossiers …`)
    fill = await fillStatistics(url, { dossiers: config.dossiers, ...defaultMonths() })
    console.log(`\n${formatReport(fill)}\n`)
    if (values.keep) console.log(`the database, kept for --reuse: ${url}\n`)
  }

  console.log('statistics bench: building the runtime …')
  buildRuntime()
  const runtime = await startRuntimeProcess({ ...process.env, DATABASE_URL: url })
  cleanups.push(() => stopRuntimeProcess(runtime))
  const bare = await startBare(url, [], 'test/bench/stats-bare-server.ts')
  cleanups.push(() => stopChild(bare.child))

  const sql = postgres(url, { max: 1, onnotice: () => {} })
  // the busiest unit of a level (by what it received over the whole fill), in force today or not
  const busiest = async (level: string, current: boolean) => {
    const [row] = await sql<{ code: string; effective_to: string | null; effective_from: string }[]>`
      select u.code, u.effective_from::text, u.effective_to::text from dossier_stat_months m join units u on u.id = m.unit_id
      where u.level = ${level} and (u.effective_to is null) = ${current}
      group by u.id order by sum(received_counter + received_online + received_post) desc limit 1`
    if (!row) throw new Error(`no ${level} unit with dossiers`)
    return row
  }
  const commune = await busiest('commune', true)
  const department = await busiest('department', true)
  const district = await busiest('district', false).catch(() => busiest('district', true))
  const [{ dossiers, server_version: pgVersion }] = (await sql`
    select (select count(*)::int from dossiers) as dossiers, current_setting('server_version') as server_version`) as unknown as [
    { dossiers: number; server_version: string },
  ]
  await sql.end()

  const thisMonth = defaultMonths().to
  const yearSoFar = { from: `${thisMonth.slice(0, 4)}-01`, to: thisMonth }
  const twelve = { from: months(thisMonth, 11), to: thisMonth }
  // a district ended with the two-tier reform: its last twelve months
  const districtTo = district.effective_to ? months(district.effective_to.slice(0, 7), 1) : thisMonth
  const districtPeriod = { from: months(districtTo, 11), to: districtTo }
  // the last day it bore its code: under `now`, the unit its work went to
  const districtDay = district.effective_to
    ? new Date(Date.parse(district.effective_to) - 86_400_000).toISOString().slice(0, 10)
    : `${thisMonth}-01`
  const q = (p: { from: string; to: string }, structure?: string) =>
    `?from=${p.from}&to=${p.to}${structure ? `&structure=${structure}` : ''}`

  type Case = { key: string; label: string; aim: number; path: string; bare?: string; raw?: string }
  const cases: Case[] = [
    {
      key: 'provinceYear',
      label: `province, year so far (${yearSoFar.from} … ${yearSoFar.to}), default request`,
      aim: AIM.province,
      path: '/api/statistics',
      bare: `/api/statistics${q(yearSoFar)}`,
      raw: `/raw${q(yearSoFar)}`,
    },
    {
      key: 'province12',
      label: `province, 12 months (${twelve.from} … ${twelve.to})`,
      aim: AIM.province,
      path: `/api/statistics${q(twelve)}`,
      bare: `/api/statistics${q(twelve)}`,
      raw: `/raw${q(twelve)}`,
    },
    {
      key: 'province12Then',
      label: '  the same, structure=then',
      aim: AIM.province,
      path: `/api/statistics${q(twelve, 'then')}`,
      bare: `/api/statistics${q(twelve)}`,
    },
    ...(['now', 'then'] as const).flatMap((structure) => [
      {
        key: `commune-${structure}`,
        label: `commune ${commune.code} (the busiest), year so far, structure=${structure}`,
        aim: AIM.unit,
        path: `/api/statistics/units/${commune.code}${q(yearSoFar, structure)}`,
        bare: `/api/statistics/units/${commune.code}${q(yearSoFar)}`,
      },
      {
        key: `department-${structure}`,
        label: `department ${department.code} (the busiest), year so far, structure=${structure}`,
        aim: AIM.unit,
        path: `/api/statistics/units/${department.code}${q(yearSoFar, structure)}`,
        bare: `/api/statistics/units/${department.code}${q(yearSoFar)}`,
      },
    ]),
    ...(['then', 'now'] as const).map((structure) => ({
      key: `district-${structure}`,
      label:
        `district ${district.code} (the busiest), ${districtPeriod.from} … ${districtPeriod.to}, structure=${structure}` +
        (structure === 'now' ? ` at ${districtDay} (its work's unit today)` : ''),
      aim: AIM.unit,
      path:
        `/api/statistics/units/${district.code}${q(districtPeriod, structure)}` +
        (structure === 'now' ? `&at=${districtDay}` : ''),
      bare: `/api/statistics/units/${district.code}${q(districtPeriod)}`,
    })),
  ]

  console.log(
    `statistics bench: ${dossiers.toLocaleString('en-US')} dossiers; ${config.warmup} warm-up and ${config.runs} timed ` +
      'requests per case, one at a time\n',
  )
  const results = []
  for (const c of cases) {
    process.stdout.write(`  ${c.label} … `)
    const motcua = await time(runtime.url, c.path, config.runs, config.warmup)
    const baseline = c.bare ? await time(bare.url, c.bare, config.runs, config.warmup) : undefined
    const raw = c.raw ? await time(bare.url, c.raw, RAW_RUNS, 1) : undefined
    console.log(`${motcua.medianMs.toFixed(1)} ms`)
    results.push({ ...c, motcua, bare: baseline, raw })
  }

  const f = (ms: number | undefined) => (ms === undefined ? '' : ms.toFixed(1))
  const lines = [
    '',
    '| case | median ms | p95 ms | aim (median) | bare median ms | × bare | raw GROUP BY ms | answer KB |',
    '|---|---:|---:|---|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.label.trim()} | ${f(r.motcua.medianMs)} | ${f(r.motcua.p95Ms)} | < ${r.aim}: ${r.motcua.medianMs < r.aim ? 'met' : '**missed**'} | ` +
        `${f(r.bare?.medianMs)} | ${r.bare ? (r.motcua.medianMs / r.bare.medianMs).toFixed(1) : ''} | ${f(r.raw?.medianMs)} | ` +
        `${(r.motcua.bytes / 1024).toFixed(0)} |`,
    ),
  ]
  console.log(lines.join('\n'))
  mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true })
  writeFileSync(
    join(repoRoot, 'test-artifacts', 'bench-statistics.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, postgres: pgVersion },
        config: { ...config, dossiers },
        aims: AIM,
        fill: fill ?? null,
        results,
      },
      null,
      2,
    )}\n`,
  )
  console.log(`\nwritten test-artifacts/bench-statistics.json (${((Date.now() - started) / 1000).toFixed(0)} s in all)`)
}

try {
  await main()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await cleanup()
}
