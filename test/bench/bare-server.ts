/**
 * The baseline the benchmark compares motcua against: hono + @hono/node-server + postgres.js, the same pool
 * size as the runtime (10), over the same migrated schema, doing only the storage work of a submission and
 * of a public tracking lookup, with none of motcua's logic (no validation, no units or procedures read per
 * request: both are loaded once at start).
 *
 * Run by test/bench/run.ts as `node --import tsx test/bench/bare-server.ts` with DATABASE_URL set; prints
 * `bare: open http://127.0.0.1:<port>` once it serves.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import postgres from 'postgres'

const url = process.env.DATABASE_URL
if (!url) throw new Error('bare-server: DATABASE_URL is required')
// BARE_PREPARE=0: unnamed statements, parsed and planned on every execution, as drizzle runs a query that is not `.prepare()`d
const sql = postgres(url, { max: 10, onnotice: () => {}, prepare: process.env.BARE_PREPARE !== '0' })

type Unit = { id: string; electronicId: string }
type Version = { id: string; version: number; firstStep: string }
const units = new Map<string, Unit>()
for (const u of await sql<
  { id: string; code: string; electronic_id: string }[]
>`select id, code, electronic_id from units`) {
  units.set(u.code, { id: u.id, electronicId: u.electronic_id })
}
const versions = new Map<string, Version>()
for (const v of await sql<{ id: string; code: string; version: number; first_step: string }[]>`
  select distinct on (p.code) pv.id, p.code, pv.version, pv.definition #>> '{steps,0,key}' as first_step
  from procedure_versions pv join procedures p on p.id = pv.procedure_id
  order by p.code, pv.version desc`) {
  versions.set(v.code, { id: v.id, version: v.version, firstStep: v.first_step })
}

/** The Vietnam-local (UTC+7) day, as the receipt sequence key and the code's yyMMdd. */
function vietnamDay(at: Date): { day: string; yymmdd: string } {
  const day = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
  return { day, yymmdd: day.slice(2).replaceAll('-', '') }
}

const app = new Hono()

app.post('/api/dossiers', async (c) => {
  const body = await c.req.json<{
    procedureCode: string
    unitCode: string
    applicant: { fullName?: string }
    formData: unknown
  }>()
  const unit = units.get(body.unitCode)
  const version = versions.get(body.procedureCode)
  if (!unit || !version) return c.json({ error: 'unknown unit or procedure' }, 400)
  const id = randomUUID()
  const now = new Date()
  const { day, yymmdd } = vietnamDay(now)
  const row = await sql.begin(async (tx) => {
    const [seq] = await tx<{ last_value: number }[]>`
      insert into receipt_sequences (unit_id, day, last_value) values (${unit.id}, ${day}, 1)
      on conflict (unit_id, day) do update set last_value = receipt_sequences.last_value + 1
      returning last_value`
    const receiptCode = `${unit.electronicId}-${yymmdd}-${String(seq!.last_value).padStart(4, '0')}`
    const [dossier] = await tx<{ id: string; receipt_code: string; status: number; submitted_at: Date }[]>`
      insert into dossiers (id, receipt_code, lookup_pin_hash, procedure_version_id, unit_id, filed_unit_id, receiving_unit_id, current_unit_id, channel, status, current_step, applicant, form_data, submitted_at, search_text)
      values (${id}, ${receiptCode}, ${randomBytes(32).toString('hex')}, ${version.id}, ${unit.id}, ${unit.id}, ${unit.id}, ${unit.id}, 2, 1, ${version.firstStep},
              ${tx.json(body.applicant as postgres.JSONValue)}, ${tx.json(body.formData as postgres.JSONValue)}, ${now},
              ${`${String(body.applicant.fullName).toLowerCase()} ${receiptCode.toLowerCase()}`})
      returning id, receipt_code, status, submitted_at`
    await tx`
      insert into dossier_events (dossier_id, seq, at, action, to_step, to_status, data)
      values (${id}, 1, ${now}, 'submit', ${version.firstStep}, 1, ${tx.json({ channel: 2, fees: [], version: version.version })})`
    return dossier!
  })
  return c.json({ receiptCode: row.receipt_code, status: row.status, submittedAt: row.submitted_at }, 201)
})

app.get('/api/track/:receiptCode', async (c) => {
  const [found] = await sql<({ id: string; definition: { code: string; name: string } } & Record<string, unknown>)[]>`
    select d.*, pv.definition, u.code as unit_code, u.name as unit_name
    from dossiers d
    join procedure_versions pv on pv.id = d.procedure_version_id
    join units u on u.id = d.unit_id
    where d.receipt_code = ${c.req.param('receiptCode')}`
  if (!found) return c.json({ error: 'not found' }, 404)
  const events = await sql`select * from dossier_events where dossier_id = ${found.id} order by seq`
  const { definition, applicant: _a, form_data: _f, lookup_pin_hash: _h, ...dossier } = found
  return c.json({ ...dossier, procedure: { code: definition.code, name: definition.name }, events })
})

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, () => {
  console.log(`bare: open http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close()
    sql.end({ timeout: 2 }).finally(() => process.exit(0))
  })
}
