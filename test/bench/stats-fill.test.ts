import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStatsDatabase, defaultMonths, fillStatistics, type StatsFillReport } from './stats-fill'

const serverUrl = process.env.DATABASE_URL
// the generator loads by COPY with the triggers off and rebuilds the rollup with PostgreSQL's functions: PGlite has
// neither COPY from a client stream nor the server this bench is about
const onPostgres = serverUrl ? describe : describe.skip

onPostgres(
  `npm run stats:fill, 5,000 dossiers on PostgreSQL${serverUrl ? '' : ' (skipped: needs DATABASE_URL)'}`,
  () => {
    let scratch: Awaited<ReturnType<typeof createStatsDatabase>>
    let sql: postgres.Sql
    let report: StatsFillReport
    const now = new Date()

    beforeAll(async () => {
      scratch = await createStatsDatabase(serverUrl!)
      report = await fillStatistics(scratch.url, { dossiers: 5000, ...defaultMonths(now), now, progress: false })
      sql = postgres(scratch.url, { max: 1, onnotice: () => {} })
    }, 300_000)
    afterAll(async () => {
      await sql?.end()
      await scratch?.drop()
    })

    const one = async <T>(query: Promise<T[]>): Promise<T> => (await query)[0]!

    it('files every dossier asked for, by channel and level near the province’s 2019 shares', async () => {
      expect(report.dossiers).toBe(5000)
      const rows = await sql<{ level: string; n: number; online: number; post: number }[]>`
        select u.level, count(*)::int as n, count(*) filter (where d.channel = 2)::int as online,
          count(*) filter (where d.channel = 3)::int as post
        from dossiers d join units u on u.id = d.filed_unit_id group by u.level`
      const share = (level: string) => {
        const row = rows.find((r) => r.level === level)!
        return row.online / row.n
      }
      expect(share('department')).toBeCloseTo(0.55, 1)
      expect(share('district')).toBeCloseTo(0.3, 1)
      expect(share('commune')).toBeCloseTo(0.25, 1)
      const total = rows.reduce((sum, r) => sum + r.n, 0)
      expect(total).toBe(5000)
      expect(rows.reduce((sum, r) => sum + r.online, 0) / total).toBeGreaterThan(0.27)
      expect(rows.reduce((sum, r) => sum + r.online, 0) / total).toBeLessThan(0.35)
      expect(rows.reduce((sum, r) => sum + r.post, 0) / total).toBeCloseTo(0.03, 1)
    })

    it('files each dossier with a unit in force that day, under the version of a procedure it offered then', async () => {
      const wrong = await one(sql<{ unit: number; version: number; newer: number }[]>`
        with d as (select d.*, motcua_day(d.submitted_at) as day from dossiers d)
        select
          count(*) filter (where d.day < u.effective_from or d.day >= coalesce(u.effective_to, 'infinity'))::int as unit,
          count(*) filter (where pv.effective_from > d.submitted_at
            or d.day < (pv.definition->'effective'->>'from')::date
            or d.day > coalesce((pv.definition->'effective'->>'to')::date, 'infinity')
            or not (case when pv.definition ? 'units' then pv.definition->'units' ? u.code
                         else pv.definition->>'level' = u.level end))::int as version,
          count(*) filter (where exists (
            select 1 from procedure_versions newer where newer.procedure_id = pv.procedure_id
              and newer.version > pv.version and newer.effective_from <= d.submitted_at
              and (newer.definition->'effective'->>'from')::date <= d.day))::int as newer
        from d join units u on u.id = d.filed_unit_id join procedure_versions pv on pv.id = d.procedure_version_id`)
      expect(wrong).toEqual({ unit: 0, version: 0, newer: 0 })
    })

    it('ends a dossier exactly when it leaves its last step, and keeps an open one at a unit in force today', async () => {
      const counts = await one(sql<{ mismatched: number; openElsewhere: number; open: number; ended: number }[]>`
        select count(*) filter (where (ended_at is not null) <> (current_step is null)
            or (paused_at is not null and (ended_at is not null or status <> 5)))::int as mismatched,
          count(*) filter (where current_step is not null and (current_unit_id is null
            or exists (select 1 from units u where u.id in (d.unit_id, d.current_unit_id) and u.effective_to is not null)))::int
            as "openElsewhere",
          count(*) filter (where current_step is not null)::int as open,
          count(*) filter (where ended_at is not null)::int as ended
        from dossiers d`)
      expect(counts.mismatched).toBe(0)
      expect(counts.openElsewhere).toBe(0)
      expect(counts.open).toBeGreaterThan(0)
      expect(counts.ended).toBeGreaterThan(4000)
    })

    it('logs each dossier’s submission first and every event it counts', async () => {
      const counts = await one(sql<{ noSubmit: number; noReceive: number; versionOff: number }[]>`
        select count(*) filter (where not exists (select 1 from dossier_events e where e.dossier_id = d.id
            and e.seq = 1 and e.action = 'submit'))::int as "noSubmit",
          count(*) filter (where d.received_at is not null and not exists (select 1 from dossier_events e
            where e.dossier_id = d.id and e.action = 'receive' and e.at = d.received_at))::int as "noReceive",
          count(*) filter (where d.version <> (select count(*) from dossier_events e where e.dossier_id = d.id))::int
            as "versionOff"
        from dossiers d`)
      expect(counts).toEqual({ noSubmit: 0, noReceive: 0, versionOff: 0 })
    })

    it('gives a mix of fates: early, on time and late, refused (some at reception), supplements, withdrawn, stopped', () => {
      const { resolved, states } = report
      const total = resolved.early + resolved.onTime + resolved.late
      expect(resolved.early / total).toBeGreaterThan(0.2)
      expect(resolved.onTime / total).toBeGreaterThan(0.2)
      expect(resolved.late / total).toBeGreaterThan(0.01)
      expect(states.refusedAtReception).toBeGreaterThan(0)
      expect(states.refused).toBeGreaterThan(states.refusedAtReception)
      expect(states.withdrawn + states.stopped).toBeGreaterThan(0)
      expect(states.overdue).toBeGreaterThan(0)
      expect(states.open - states.overdue).toBeGreaterThan(0)
    })

    it('leaves a rollup consistent with the dossiers, and the indexes back', async () => {
      const rollup = await one(sql<{ rows: number; received: number; resolved: number }[]>`
        select count(*)::int as rows,
          coalesce(sum(received_counter + received_online + received_post), 0)::int as received,
          coalesce(sum(resolved_early + resolved_on_time + resolved_late), 0)::int as resolved
        from dossier_stat_months`)
      const dossiers = await one(sql<{ received: number; done: number }[]>`
        select count(*) filter (where received_at is not null or done_at is not null)::int as received,
          count(*) filter (where done_at is not null)::int as done
        from dossiers`)
      expect(rollup.rows).toBeGreaterThan(0)
      expect(rollup.received).toBe(dossiers.received)
      expect(rollup.resolved).toBe(dossiers.done)
      const indexes = (
        await sql<
          { name: string }[]
        >`select indexname as name from pg_indexes where tablename in ('dossiers', 'dossier_events')`
      ).map((i) => i.name)
      expect(indexes).toEqual(
        expect.arrayContaining(['dossiers_search_trgm_idx', 'dossiers_receipt_code_unique', 'dossier_events_seq']),
      )
    })
  },
)
