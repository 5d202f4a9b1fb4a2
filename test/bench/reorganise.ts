/**
 * `npm run bench:reorganise`: applying Quảng Ninh's 2025 two-tier plan to a database full of dossiers, against a bare
 * baseline measured in the same run on a copy of the same database: the same storage work (end the units, insert the
 * new ones, move the open dossiers with one event each, move the roles, link the units) in a handful of set-based
 * statements, with no survey, no checks and no audit. See test/bench/README.md.
 */
import { join } from 'node:path'
import { endingCodes, primarySuccessor, type ReorganisationPlan } from '@motcua/core'
import { openDatabase } from '@motcua/db'
import { createScratchDatabase } from '@motcua/db/testing'
import postgres from 'postgres'
import { composeRuntime } from '../../runtime/src/compose'
import { applyPlan } from '../../runtime/src/reorganisations/apply'
import { loadPlanFile } from '../../runtime/src/reorganisations/plan-files'
import { repoRoot } from '../support/runtime-process'
import { fillDossiers } from './fill-dossiers'

const serverUrl = process.env.DATABASE_URL
if (!serverUrl) {
  console.error('npm run bench:reorganise needs DATABASE_URL, a PostgreSQL server it may create databases on')
  process.exit(1)
}
const total = Number(process.env.BENCH_DOSSIERS ?? 300_000)
const plans = ['2020-01-01-hoanh-bo', '2024-11-01-dong-trieu', '2025-03-01-quang-ninh-so-nganh']
const twoTiers = loadPlanFile(join(repoRoot, 'reorganisations', '2025-07-01-quang-ninh-hai-cap.json'))
const seconds = (since: number) => (performance.now() - since) / 1000

// motcua's database: seeded, brought to 30/6/2025, filled
const motcua = await createScratchDatabase(serverUrl)
const drops = [motcua.drop]
try {
  let database = await openDatabase({ driver: 'postgres', url: motcua.url })
  await database.migrate()
  let runtime = await composeRuntime(database, { demoPassword: 'bench-reorganise', plugins: [] })
  for (const name of plans)
    await applyPlan(runtime.services, loadPlanFile(join(repoRoot, 'reorganisations', `${name}.json`)), {
      actorUserId: null,
    })
  await runtime.close()
  await database.close()
  const filled = performance.now()
  await fillDossiers(motcua.url, { busyUnitCode: '06649', from: 0, to: total, total })
  const fillSeconds = seconds(filled)

  // the baseline's copy of the very same database
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  const bareName = `${new URL(motcua.url).pathname.slice(1)}_bare`
  await admin.unsafe(`create database "${bareName}" template "${new URL(motcua.url).pathname.slice(1)}"`)
  drops.push(() => admin.unsafe(`drop database if exists "${bareName}" with (force)`).then(() => admin.end()))
  const bareUrl = new URL(motcua.url)
  bareUrl.pathname = `/${bareName}`

  const sql = postgres(motcua.url, { max: 1, onnotice: () => {} })
  const [counted] = await sql<{ open: number }[]>`
    select count(*)::int as open from dossiers where current_step is not null`
  await sql.end()

  database = await openDatabase({ driver: 'postgres', url: motcua.url })
  runtime = await composeRuntime(database, { plugins: [] })
  const started = performance.now()
  const report = await applyPlan(runtime.services, twoTiers, { actorUserId: null })
  const motcuaSeconds = seconds(started)
  await runtime.close()
  await database.close()

  const bareSeconds = await bareApply(bareUrl.toString(), twoTiers.plan)
  console.log(`\nReorganisation: Quảng Ninh 2025 (${twoTiers.plan.changes.length} changes) over ${total} dossiers`)
  console.log(`  fill: ${fillSeconds.toFixed(1)} s; open dossiers: ${counted!.open}, moved: ${report.dossiers.open}`)
  console.log(`  motcua (survey, checks, audit, one transaction): ${motcuaSeconds.toFixed(2)} s`)
  console.log(`  bare (set-based storage work only):             ${bareSeconds.toFixed(2)} s`)
  console.log(`  ratio bare / motcua: ${(bareSeconds / motcuaSeconds).toFixed(2)}`)
} finally {
  for (const drop of drops.reverse()) await drop().catch((error: unknown) => console.error('cleanup:', error))
}

/** The same storage work in set-based SQL, in one transaction. */
async function bareApply(url: string, plan: ReorganisationPlan): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  const date = plan.effectiveDate
  const started = performance.now()
  await sql.begin(async (tx) => {
    const ending = plan.changes.flatMap((change) =>
      endingCodes(change).map((code) => ({ code, to: primarySuccessor(change), kind: change.kind })),
    )
    await tx`create temp table bare_move (code text, to_code text, kind text, old uuid, new uuid) on commit drop`
    await tx`insert into bare_move ${tx(ending.map(({ code, to, kind }) => ({ code, to_code: to, kind })))}`
    await tx`update bare_move m set old = u.id from units u where u.code = m.code and u.effective_to is null`
    await tx`update units set effective_to = ${date} where id in (select old from bare_move)`
    const province = await tx<{ id: string }[]>`select id from units where level = 'province' limit 1`
    const created = await tx<{ id: string; code: string }[]>`insert into units ${tx(
      (plan.create ?? []).map((u) => ({
        code: u.code,
        electronic_id: u.electronicId,
        name: u.name,
        type: u.type,
        level: u.level,
        parent_id: province[0]!.id,
        effective_from: date,
      })),
    )} returning id, code`
    await tx`update bare_move m set new = c.id
      from unnest(${created.map((u) => u.id)}::uuid[], ${created.map((u) => u.code)}::text[]) as c(id, code)
      where c.code = m.to_code`
    await tx`insert into dossier_events (dossier_id, seq, action, from_step, to_step, from_status, to_status, data)
      select d.id, (select max(seq) + 1 from dossier_events e where e.dossier_id = d.id), 'reorganise',
        d.current_step, d.current_step, d.status, d.status, '{}'::jsonb
      from dossiers d join bare_move m on m.old = d.unit_id where d.current_step is not null`
    await tx`update dossiers d set unit_id = m.new, current_unit_id = case when d.current_unit_id = m.old then m.new else d.current_unit_id end,
      version = d.version + 1 from bare_move m where m.old = d.unit_id and d.current_step is not null`
    await tx`update user_roles r set unit_id = m.new from bare_move m where m.old = r.unit_id`
    await tx`insert into reorganisations (name, title, effective_date, plan, plan_hash, status)
      values (${plan.name}, ${plan.title}, ${date}, ${tx.json(plan as never)}, '', 'applied')`
    await tx`insert into unit_links (predecessor_id, successor_id, kind, "primary", reorganisation, source)
      select old, new, kind, true, ${plan.name}, '' from bare_move`
  })
  const elapsed = seconds(started)
  await sql.end()
  return elapsed
}
