/**
 * The statistics benchmark's baseline: hono + @hono/node-server + postgres.js (pool of 10, as the runtime), each
 * answer one SQL statement with none of motcua's work (no units, procedures, structure, figures or catalogue):
 * - `GET /api/statistics?from&to`: the province-wide sums of the period straight from the rollup (every counter
 *   before the period and during it, and the overdue at its end);
 * - `GET /api/statistics/units/:code?from&to`: the same for the units that bore a code;
 * - `GET /raw?from&to`: the province-wide sums recomputed from the dossiers (`motcua_stat_rows`, GROUP BY over the
 *   whole table), which is what the rollup saves.
 *
 * Run by test/bench/statistics.ts with DATABASE_URL set; prints `bare: open http://127.0.0.1:<port>` once it serves.
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { type Context, Hono } from 'hono'
import postgres from 'postgres'

const url = process.env.DATABASE_URL
if (!url) throw new Error('stats-bare-server: DATABASE_URL is required')
const sql = postgres(url, { max: 10, onnotice: () => {} })

const COUNTERS = [
  'received_counter',
  'received_online',
  'received_post',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'refused',
  'withdrawn',
  'stopped',
  'closed',
  'fell_due',
  'left_overdue',
  'used_seconds',
  'allowed_seconds',
  'timed',
  'timed_used_seconds',
]
/** Every counter summed before the period (`$1` its first month) and during it, and the overdue at its end. */
const sums = (prefix: string) =>
  [
    ...COUNTERS.flatMap((c) => [
      `coalesce(sum(${prefix}${c}) filter (where ${prefix}month < $1), 0)::float8 as before_${c}`,
      `coalesce(sum(${prefix}${c}) filter (where ${prefix}month >= $1), 0)::float8 as during_${c}`,
    ]),
    `coalesce(sum(${prefix}fell_due - ${prefix}left_overdue), 0)::float8 as overdue`,
  ].join(', ')
const PROVINCE = `select ${sums('')} from dossier_stat_months where month < $2`
const UNIT = `select ${sums('')} from dossier_stat_months
  where month < $2 and unit_id in (select id from units where code = $3)`
const RAW = `select ${sums('r.')} from dossiers d cross join lateral motcua_stat_rows(d) r where r.month < $2`

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
/** The period's first month and the month after its last, as dates; the default is the year so far. */
function period(from: string | undefined, to: string | undefined): [string, string] | undefined {
  const now = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7)
  const last = to ?? now
  const first = from ?? `${last.slice(0, 4)}-01`
  if (!MONTH.test(first) || !MONTH.test(last) || first > last) return undefined
  const [year, month] = last.split('-').map(Number) as [number, number]
  return [`${first}-01`, new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10)]
}

/** One statement, prepared (postgres.js's default), its one row as the answer. */
const answer = (statement: string) => async (c: Context) => {
  const months = period(c.req.query('from'), c.req.query('to'))
  if (!months) return c.json({ error: 'bad period' }, 400)
  const code = c.req.param('code')
  const [row] = await sql.unsafe(statement, code === undefined ? months : [...months, code], { prepare: true })
  return c.json(row)
}

const app = new Hono()
  .get('/api/statistics', answer(PROVINCE))
  .get('/api/statistics/units/:code', answer(UNIT))
  .get('/raw', answer(RAW))

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, () => {
  console.log(`bare: open http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close()
    sql.end({ timeout: 2 }).finally(() => process.exit(0))
  })
}
