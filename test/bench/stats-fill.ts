/**
 * The statistics generator (`npm run stats:fill`, issue #15): millions of dossiers over years, each filed with a
 * unit in force that day under a procedure version in force that day, with their events, loaded by COPY with the
 * triggers off, then the secondary indexes built, the statistics rollup recomputed (`motcua_stats_rebuild()`) and
 * the planner's statistics refreshed. The model of one dossier is stats-dossier.ts; the volumes stats-volumes.ts.
 */
import { once } from 'node:events'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { vietnamDate } from '@motcua/core'
import { openDatabase } from '@motcua/db'
import postgres from 'postgres'
import { loadCalendar } from '../../runtime/src/calendar'
import { composeRuntime } from '../../runtime/src/compose'
import { applyPlan } from '../../runtime/src/reorganisations/apply'
import { loadPlanFile, planFiles } from '../../runtime/src/reorganisations/plan-files'
import { repoRoot } from '../support/runtime-process'
import { progressBar } from './progress'
import { dateOf, dayOf, dayStart, loadCatalogue } from './stats-catalogue'
import { DOSSIER_COLUMNS, EVENT_COLUMNS, generateDossiers } from './stats-generate'
import { dailyCounts } from './stats-volumes'

export interface StatsFillOptions {
  dossiers: number
  /** The first and the last month of filing, YYYY-MM. */
  from: string
  to: string
  /** The same seed gives the same dossiers (ids and receipt codes aside from nothing: all of it). */
  seed?: number
  /** The moment the data stands for (default: now); the filing stops the day before, or at the end of `to`. */
  now?: Date
  progress?: boolean
}

export interface StatsFillReport {
  dossiers: number
  events: number
  /** Reorganisation plans this run applied (those the database had not). */
  plansApplied: string[]
  firstDay: string
  lastDay: string
  seconds: { prepare: number; load: number; indexes: number; rollup: number; vacuum: number; total: number }
  byLevel: { level: string; counter: number; online: number; post: number }[]
  resolved: { early: number; onTime: number; late: number }
  states: {
    open: number
    overdue: number
    supplement: number
    payment: number
    refused: number
    refusedAtReception: number
    withdrawn: number
    stopped: number
    returned: number
  }
}

/**
 * A new database on the server of `url` for the generator (named `motcua_stats_…`, apart from the tests'
 * `motcua_test_…`), and how to drop it.
 */
export async function createStatsDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `motcua_stats_${Date.now().toString(36)}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  const scratch = new URL(url)
  scratch.pathname = `/${name}`
  return {
    url: scratch.toString(),
    async drop() {
      const again = postgres(url, { max: 1, onnotice: () => {} })
      try {
        await again.unsafe(`drop database if exists "${name}" with (force)`)
      } finally {
        await again.end()
      }
    },
  }
}

/** The default run: the 36 months ending with the current one (Vietnam time). */
export function defaultMonths(now = new Date()): { from: string; to: string } {
  const [year, month] = vietnamDate(now).split('-').map(Number) as [number, number]
  const start = new Date(Date.UTC(year, month - 36, 1))
  return { from: start.toISOString().slice(0, 7), to: `${year}-${String(month).padStart(2, '0')}` }
}

/**
 * Migrates and seeds the database as on first start, then applies the shipped reorganisation plans it has not
 * applied whose day has come (the first-start seed holds the 2019 structure; `npx motcua reorganise apply` brings
 * it to today's): afterwards `units` holds every unit with its period and `unit_links` who succeeded whom.
 */
export async function prepareDatabase(url: string) {
  const database = await openDatabase({ driver: 'postgres', url })
  try {
    await database.migrate()
    const runtime = await composeRuntime(database, { plugins: [] })
    const plansApplied: string[] = []
    try {
      const sql = postgres(url, { max: 1, onnotice: () => {} })
      const applied = new Set(
        (await sql<{ name: string }[]>`select name from reorganisations where status = 'applied'`).map((r) => r.name),
      )
      await sql.end()
      const today = vietnamDate(new Date())
      for (const file of planFiles(join(repoRoot, 'reorganisations'))) {
        const loaded = loadPlanFile(file)
        if (applied.has(loaded.plan.name) || loaded.plan.effectiveDate > today) continue
        await applyPlan(runtime.services, loaded, { actorUserId: null })
        plansApplied.push(loaded.plan.name)
      }
    } finally {
      await runtime.close()
    }
    const calendar = await loadCalendar(database.db)
    if (!calendar) throw new Error('no default working calendar: is the database seeded?')
    return { calendar, plansApplied }
  } finally {
    await database.close()
  }
}

/** Fills `url` (migrated and seeded here if it is not) with generated dossiers; refuses a database that has some. */
export async function fillStatistics(url: string, options: StatsFillOptions): Promise<StatsFillReport> {
  const started = performance.now()
  let lap = started
  const seconds = () => {
    const now = performance.now()
    const elapsed = (now - lap) / 1000
    lap = now
    return elapsed
  }
  const now = options.now ?? new Date()
  const { calendar, plansApplied } = await prepareDatabase(url)
  const sql = postgres(url, { max: 4, onnotice: () => {} })
  try {
    const [{ any }] = (await sql`select exists (select 1 from dossiers) as any`) as unknown as [{ any: boolean }]
    if (any) throw new Error('the database already has dossiers: fill an empty one (or --scratch)')
    const catalogue = await loadCatalogue(sql, calendar)
    const first = dayOf(`${options.from}-01`)
    const [toYear, toMonth] = options.to.split('-').map(Number) as [number, number]
    const afterLast = Date.UTC(toYear, toMonth, 1) / 86_400_000
    const today = dayOf(vietnamDate(now))
    const last = Math.min(afterLast - 1, today - 1)
    if (!(last >= first)) throw new Error(`no day to fill from ${options.from} to ${options.to} before today`)
    const cut = Math.min(now.getTime(), dayStart(afterLast))
    const prepareSeconds = seconds()

    const { counts, closedShare } = dailyCounts(calendar, first, last, options.dossiers)

    const rebuilt = await sql<{ name: string; definition: string }[]>`
      select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in ('dossiers', 'dossier_events')
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)`
    const uniques = await sql<{ name: string; table: string; definition: string }[]>`
      select c.conname as name, c.conrelid::regclass::text as table, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c where c.contype = 'u' and c.conrelid in ('dossiers'::regclass, 'dossier_events'::regclass)`
    for (const { name } of rebuilt) await sql`drop index ${sql(name)}`
    for (const u of uniques) await sql`alter table ${sql(u.table)} drop constraint ${sql(u.name)}`
    for (const table of ['dossiers', 'dossier_events'])
      await sql`alter table ${sql(table)} set (autovacuum_enabled = false)`

    const bar = progressBar(options.dossiers, 'dossiers', options.progress ?? true)
    const generated = await copyStreams(
      sql,
      [`copy dossiers (${DOSSIER_COLUMNS}) from stdin`, `copy dossier_events (${EVENT_COLUMNS}) from stdin`],
      ([dossierStream, eventStream]) =>
        generateDossiers(
          { catalogue, calendar, first, last, cut, counts, closedShare, seed: options.seed ?? 1 },
          async (rows, events, dossiers) => {
            await Promise.all([write(dossierStream!, rows), write(eventStream!, events)])
            bar.update(dossiers)
          },
        ),
    )
    bar.finish(generated.dossiers)
    // the runtime numbers today's receipts on from these
    for (let i = 0; i < generated.sequences.length; i += 10_000)
      await sql`insert into receipt_sequences ${sql(generated.sequences.slice(i, i + 10_000))}
        on conflict (unit_id, day) do update set last_value = greatest(receipt_sequences.last_value, excluded.last_value)`
    const loadSeconds = seconds()

    // the trigram index takes longest: built beside the others, as a restore does
    const gin = rebuilt.filter((r) => / using gin /i.test(r.definition))
    const rest = [
      ...rebuilt.filter((r) => !gin.includes(r)).map((r) => r.definition),
      ...uniques.map((u) => `alter table ${u.table} add constraint ${u.name} ${u.definition}`),
    ]
    await Promise.all(
      [gin.map((r) => r.definition), rest].map((statements) =>
        sql.begin(async (tx) => {
          await tx`set local maintenance_work_mem = '512MB'`
          for (const statement of statements) await tx.unsafe(statement)
        }),
      ),
    )
    for (const table of ['dossiers', 'dossier_events']) await sql`alter table ${sql(table)} reset (autovacuum_enabled)`
    const indexSeconds = seconds()
    await sql.begin(async (tx) => {
      await tx`set local work_mem = '256MB'`
      await tx`select motcua_stats_rebuild()`
    })
    const rollupSeconds = seconds()
    for (const table of ['dossiers', 'dossier_events', 'dossier_stat_months', 'dossier_stat_days', 'receipt_sequences'])
      await sql`vacuum analyze ${sql(table)}`
    const vacuumSeconds = seconds()
    return {
      dossiers: generated.dossiers,
      events: generated.events,
      plansApplied,
      firstDay: dateOf(first),
      lastDay: dateOf(last),
      seconds: {
        prepare: prepareSeconds,
        load: loadSeconds,
        indexes: indexSeconds,
        rollup: rollupSeconds,
        vacuum: vacuumSeconds,
        total: (performance.now() - started) / 1000,
      },
      ...(await summarise(sql, cut)),
    }
  } finally {
    await sql.end()
  }
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain')
}

/**
 * Runs `produce` with one COPY stream per statement, each in its own transaction on its own connection with the
 * triggers off (`session_replication_role = replica`: no foreign-key checks, no statistics trigger per row), and
 * commits them when it is done; an error rolls them all back.
 */
async function copyStreams<T>(
  sql: postgres.Sql,
  statements: string[],
  produce: (streams: Writable[]) => Promise<T>,
): Promise<T> {
  const opened: Promise<Writable>[] = []
  const committed: Promise<unknown>[] = []
  for (const statement of statements) {
    let resolve!: (stream: Writable) => void
    opened.push(new Promise((r) => (resolve = r)))
    committed.push(
      sql.begin(async (tx) => {
        await tx`set local session_replication_role = replica`
        await tx`set local synchronous_commit = off`
        const stream = await tx.unsafe(statement).writable()
        resolve(stream)
        await finished(stream)
      }),
    )
  }
  const failed = Promise.all(committed).then(() => {
    throw new Error('COPY ended before it began')
  })
  const streams = await Promise.race([Promise.all(opened), failed])
  let result: T
  try {
    result = await produce(streams)
  } catch (error) {
    for (const stream of streams) stream.destroy(error as Error)
    await Promise.allSettled(committed)
    throw error
  }
  for (const stream of streams) stream.end()
  await Promise.all(committed)
  return result
}

async function summarise(sql: postgres.Sql, cut: number) {
  const levels = await sql<{ level: string; channel: number; n: number }[]>`
    select u.level, d.channel, count(*)::int as n from dossiers d join units u on u.id = d.filed_unit_id
    group by 1, 2 order by 1, 2`
  const byLevel = [...new Set(levels.map((l) => l.level))].map((level) => {
    const n = (channel: number) => levels.find((l) => l.level === level && l.channel === channel)?.n ?? 0
    return { level, counter: n(1), online: n(2), post: n(3) }
  })
  const [resolved] = await sql<{ early: number; onTime: number; late: number }[]>`
    select coalesce(sum(resolved_early), 0)::int as early, coalesce(sum(resolved_on_time), 0)::int as "onTime",
      coalesce(sum(resolved_late), 0)::int as late from dossier_stat_months`
  const [states] = await sql<StatsFillReport['states'][]>`
    select count(*) filter (where current_step is not null)::int as open,
      count(*) filter (where current_step is not null and received_at is not null and done_at is null
        and paused_at is null and due_at < ${new Date(cut)})::int as overdue,
      count(*) filter (where current_step is not null and status = 5)::int as supplement,
      count(*) filter (where current_step is not null and status = 6)::int as payment,
      count(*) filter (where status = 3)::int as refused,
      count(*) filter (where status = 3 and received_at is null)::int as "refusedAtReception",
      count(*) filter (where status = 7)::int as withdrawn,
      count(*) filter (where status = 8)::int as stopped,
      count(*) filter (where status = 10)::int as returned
    from dossiers`
  return { byLevel, resolved: resolved!, states: states! }
}

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '–')
const int = (n: number) => n.toLocaleString('en-US')

/** The report as a few lines to print. */
export function formatReport(r: StatsFillReport): string {
  const total = r.byLevel.reduce((sum, l) => sum + l.counter + l.online + l.post, 0)
  const sum = { counter: 0, online: 0, post: 0 }
  const lines = [
    `${int(r.dossiers)} dossiers and ${int(r.events)} events filed ${r.firstDay} … ${r.lastDay}` +
      (r.plansApplied.length ? `; reorganisation plans applied first: ${r.plansApplied.join(', ')}` : ''),
    '',
    'level        dossiers   share    counter     online       post   online share',
  ]
  for (const l of r.byLevel) {
    const n = l.counter + l.online + l.post
    for (const key of ['counter', 'online', 'post'] as const) sum[key] += l[key]
    lines.push(
      `${l.level.padEnd(10)} ${int(n).padStart(10)} ${pct(n, total).padStart(7)} ${int(l.counter).padStart(10)} ` +
        `${int(l.online).padStart(10)} ${int(l.post).padStart(10)} ${pct(l.online, n).padStart(14)}`,
    )
  }
  lines.push(
    `${'all'.padEnd(10)} ${int(total).padStart(10)} ${''.padStart(7)} ${int(sum.counter).padStart(10)} ` +
      `${int(sum.online).padStart(10)} ${int(sum.post).padStart(10)} ${pct(sum.online, total).padStart(14)}` +
      `   (post ${pct(sum.post, total)})`,
  )
  const resolved = r.resolved.early + r.resolved.onTime + r.resolved.late
  const s = r.states
  lines.push(
    '',
    `resolved ${int(resolved)}: early ${pct(r.resolved.early, resolved)}, on time ${pct(r.resolved.onTime, resolved)}, ` +
      `late ${pct(r.resolved.late, resolved)}`,
    `returned ${int(s.returned)}; refused ${int(s.refused)} (${int(s.refusedAtReception)} at reception), ` +
      `withdrawn ${int(s.withdrawn)}, stopped ${int(s.stopped)}`,
    `in progress ${int(s.open)}: overdue ${int(s.overdue)}, waiting for a supplement ${int(s.supplement)}, ` +
      `for a payment ${int(s.payment)}`,
    '',
    `${r.seconds.total.toFixed(1)} s in all: prepare ${r.seconds.prepare.toFixed(1)}, COPY ${r.seconds.load.toFixed(1)}, ` +
      `indexes ${r.seconds.indexes.toFixed(1)}, rollup ${r.seconds.rollup.toFixed(1)}, ` +
      `vacuum analyze ${r.seconds.vacuum.toFixed(1)}`,
  )
  return lines.join('\n')
}
