import { DomainError, type ReorganisationReport, successorCodes, vietnamDate } from '@motcua/core'
import {
  accountChanges,
  calendars,
  consultations,
  type Database,
  type Db,
  dossierEvents,
  dossiers,
  pluginSettingChanges,
  pluginSettings,
  procedureOfferingChanges,
  procedureOfferings,
  procedures,
  reorganisations,
  unitLinks,
  unitSettingChanges,
  unitSettings,
  units,
  userRoles,
  withTransaction,
} from '@motcua/db'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { PLUGIN_SETTINGS_CHANNEL, type PluginHost } from '../plugins/plugin-host'
import { withoutSecrets } from '../plugins/secrets'
import { contentHash, publishVersion } from '../procedures/publish'
import { type ProcedureRegistry, PUBLISHED_CHANNEL } from '../procedures/registry'
import { UNITS_CHANNEL, type UnitDirectory } from '../units/unit-directory'
import type { LoadedPlan } from './plan-files'
import { type Survey, surveyPlan, versionsInForce } from './survey'

export interface ReorganiseServices {
  database: Database
  registry: ProcedureRegistry
  units: UnitDirectory
  /** Names the plugins' secret settings, so the audit trail of a moved setting never holds a secret. */
  plugins?: PluginHost
}

export interface ApplyOptions {
  /** The administrator who applies it; null for the scheduler. */
  actorUserId: string | null
  now?: Date
}

const CHUNK = 500
const chunks = <T>(rows: T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK))

/** Midnight (Vietnam time) starting a day. */
const startOf = (day: string) => new Date(`${day}T00:00:00+07:00`)

const refused = (report: ReorganisationReport) =>
  new DomainError(
    'CONFLICT',
    {
      vi: 'Chưa thể áp dụng kế hoạch sắp xếp: xem các vấn đề được nêu, sửa kế hoạch hoặc dữ liệu rồi xem trước lại.',
      en: 'The reorganisation plan cannot be applied: see the problems, correct the plan or the data, then preview again.',
    },
    report.problems,
  )

const changedMeanwhile = () =>
  new DomainError('CONFLICT', {
    vi: 'Hồ sơ hoặc dữ liệu đã thay đổi trong lúc áp dụng: không có gì bị thay đổi, hãy thử lại.',
    en: 'Dossiers or data changed while applying: nothing was changed, try again.',
  })

/** The report of what a plan would do now, changing nothing. */
export async function previewPlan(
  services: ReorganiseServices,
  loaded: LoadedPlan,
  now = new Date(),
): Promise<ReorganisationReport> {
  return (await surveyPlan(services.database.db, await versionsInForce(services.registry, loaded, now), loaded)).report
}

/**
 * Applies a plan whose date has come in one transaction (the units end and begin, each ending unit's open dossiers,
 * open consultations, accounts, settings, offerings, calendars and procedures go to the unit taking over, every
 * moved dossier gets an event, receipt codes and deadlines stay), or records it to be applied on its date. Refused,
 * changing nothing, while the survey finds a problem or when the plan was applied before.
 * @throws DomainError CONFLICT with the problems at their JSON paths
 */
export async function applyPlan(
  services: ReorganiseServices,
  loaded: LoadedPlan,
  { actorUserId, now = new Date() }: ApplyOptions,
): Promise<ReorganisationReport> {
  const { plan } = loaded
  const record = {
    name: plan.name,
    title: plan.title,
    effectiveDate: plan.effectiveDate,
    plan,
    planHash: contentHash(plan),
    versions: Object.fromEntries(loaded.versions),
    requestedBy: actorUserId,
  }
  const versions = await versionsInForce(services.registry, loaded, now)
  if (plan.effectiveDate > vietnamDate(now)) {
    const survey = await surveyPlan(services.database.db, versions, loaded)
    if (survey.report.problems.length) throw refused(survey.report)
    await services.database.db
      .insert(reorganisations)
      .values({ ...record, status: 'scheduled', requestedAt: now })
      .onConflictDoUpdate({ target: reorganisations.name, set: { ...record, requestedAt: now } })
    return { ...survey.report, status: 'scheduled' }
  }
  const report = await withTransaction(services.database.db, async (tx) => {
    // one reorganisation at a time, on any process
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('motcua_reorganise'))`)
    const survey = await surveyPlan(tx, versions, loaded)
    if (survey.report.problems.length) throw refused(survey.report)
    const done: ReorganisationReport = { ...survey.report, status: 'applied' }
    await tx
      .insert(reorganisations)
      .values({ ...record, status: 'applied', requestedAt: now, appliedAt: now, report: done })
      .onConflictDoUpdate({
        target: reorganisations.name,
        set: { ...record, status: 'applied', appliedAt: now, report: done },
      })
    await execute(tx, services, survey, { actorUserId, now })
    await tx.execute(sql`select pg_notify(${UNITS_CHANNEL}, ${plan.name})`)
    await tx.execute(sql`select pg_notify(${PUBLISHED_CHANNEL}, ${plan.name})`)
    await tx.execute(sql`select pg_notify(${PLUGIN_SETTINGS_CHANNEL}, ${plan.name})`)
    return done
  })
  services.units.invalidate()
  services.registry.invalidate()
  services.plugins?.invalidate()
  return report
}

async function execute(
  tx: Db,
  services: ReorganiseServices,
  survey: Survey,
  { actorUserId, now }: Required<ApplyOptions>,
): Promise<void> {
  const { plan, versions } = survey.loaded
  const date = plan.effectiveDate
  const endingIds = [...survey.ending.keys()]
  if (endingIds.length) await tx.update(units).set({ effectiveTo: date }).where(inArray(units.id, endingIds))

  // the created units, parents first
  const idOf = new Map([...survey.goesOn.values()].map((u) => [u.code, u.id]))
  let waiting = [...survey.created]
  while (waiting.length) {
    const ready = waiting.filter((u) => idOf.has(u.parent))
    if (!ready.length) throw changedMeanwhile()
    const rows = await tx
      .insert(units)
      .values(
        ready.map((u) => ({
          code: u.code,
          electronicId: u.electronicId,
          name: u.name,
          type: u.type,
          level: u.level,
          parentId: idOf.get(u.parent)!,
          calendarCode: survey.calendarOf.get(u.code)!,
          effectiveFrom: date,
        })),
      )
      .returning({ id: units.id, code: units.code })
    for (const row of rows) idOf.set(row.code, row.id)
    waiting = waiting.filter((u) => !idOf.has(u.code))
  }
  const to = (code: string) => idOf.get(code)!

  const sourceText = (ref: string) => {
    const [key, article] = ref.split('#')
    return `${plan.sources[key!]!.title}${article ? `, ${article}` : ''}`
  }
  const links = [...survey.ending.values()].flatMap(({ unit, change, takesOver }) =>
    successorCodes(change).map((code) => ({
      predecessorId: unit.id,
      successorId: to(code),
      kind: change.kind,
      primary: code === takesOver,
      reorganisation: plan.name,
      source: sourceText(change.source),
    })),
  )
  for (const part of chunks(links)) await tx.insert(unitLinks).values(part)

  await moveDossiers(tx, survey, to, now)

  for (const { id, to: code } of survey.consultationMoves)
    await tx
      .update(consultations)
      .set({ unitId: to(code) })
      .where(eq(consultations.id, id))

  // roles: a role the user already holds at the unit taking over goes; the others move; each audited
  for (const part of chunks(survey.roleMoves)) {
    const gone = part.filter((r) => r.alreadyThere).map((r) => r.id)
    const moving = part.filter((r) => !r.alreadyThere)
    const deleted = gone.length
      ? await tx.delete(userRoles).where(inArray(userRoles.id, gone)).returning({ id: userRoles.id })
      : []
    const rows = sql.join(
      moving.map((r) => sql`(${r.id}::uuid, ${r.from}::uuid, ${to(r.to)}::uuid)`),
      sql`, `,
    )
    const moved = moving.length
      ? await tx
          .update(userRoles)
          .set({ unitId: sql`m.to_unit` })
          .from(sql`(values ${rows}) as m(id, from_unit, to_unit)`)
          .where(and(sql`${userRoles.id} = m.id`, sql`${userRoles.unitId} = m.from_unit`))
          .returning({ id: userRoles.id })
      : []
    if (deleted.length + moved.length !== part.length) throw changedMeanwhile()
    await tx.insert(accountChanges).values(
      part.map((role) => ({
        userId: role.userId,
        at: now,
        actorUserId,
        kind: 'grants',
        detail: {
          reorganisation: plan.name,
          before: [{ role: role.role, unitId: role.from }],
          after: [{ role: role.role, unitId: to(role.to) }],
        },
      })),
    )
  }

  for (const setting of survey.pluginMoves) {
    const unitId = to(setting.to)
    await tx.insert(pluginSettings).values({
      unitId,
      pluginSlug: setting.slug,
      procedureCode: setting.procedureCode,
      enabled: setting.enabled,
      config: setting.config,
      updatedAt: now,
    })
    // the trail names the secrets, never their values; a plugin not loaded here has every value treated as one
    const secrets = services.plugins?.plugins.get(setting.slug)?.secrets ?? Object.keys(setting.config)
    await tx.insert(pluginSettingChanges).values({
      unitId,
      pluginSlug: setting.slug,
      procedureCode: setting.procedureCode,
      at: now,
      actorUserId,
      before: null,
      after: { enabled: setting.enabled, ...withoutSecrets(setting.config, secrets) },
    })
  }
  for (const setting of survey.unitSettingMoves) {
    const unitId = to(setting.to)
    // a unit that goes on may have a row of its own with the setting inherited (null): the merged unit's fills it
    const values = { fourEyes: setting.fourEyes, updatedAt: now, updatedBy: actorUserId }
    await tx
      .insert(unitSettings)
      .values({ unitId, ...values })
      .onConflictDoUpdate({ target: unitSettings.unitId, set: values })
    await tx
      .insert(unitSettingChanges)
      .values({ unitId, at: now, actorUserId, setting: 'fourEyes', before: null, after: setting.fourEyes })
  }
  for (const o of survey.offeringMoves) {
    const after = { offered: o.offered, from: o.fromDay, to: o.toDay }
    const unitId = to(o.to)
    await tx
      .insert(procedureOfferings)
      .values({ procedureId: o.procedureId, unitId, ...after, updatedAt: now, updatedBy: actorUserId })
    await tx.insert(procedureOfferingChanges).values({
      procedureId: o.procedureId,
      unitId,
      at: now,
      actorUserId,
      before: null,
      after,
      reason: `Kế thừa theo ${plan.title}`,
    })
  }
  for (const c of survey.calendarMoves)
    await tx
      .update(calendars)
      .set({ ownerUnitId: to(c.to) })
      .where(eq(calendars.code, c.code))
  for (const p of survey.ownerMoves)
    await tx
      .update(procedures)
      .set({ ownerUnitId: to(p.to) })
      .where(eq(procedures.id, p.id))
  for (const definition of versions.values())
    await publishVersion(tx, { definition, publishedBy: actorUserId, effectiveFrom: startOf(date) })
}

/** Moves the open dossiers (their version checked: one changed meanwhile undoes it all) with an event on each. */
async function moveDossiers(tx: Db, survey: Survey, to: (code: string) => string, now: Date): Promise<void> {
  const { plan } = survey.loaded
  const nameOf = new Map<string, string>([
    ...[...survey.goesOn.values()].map((u) => [u.code, u.name] as const),
    ...survey.created.map((u) => [u.code, u.name] as const),
  ])
  for (const part of chunks(survey.dossierMoves)) {
    const ids = part.map((d) => d.id)
    const last = new Map(
      (
        await tx
          .selectDistinctOn([dossierEvents.dossierId], {
            dossierId: dossierEvents.dossierId,
            seq: dossierEvents.seq,
            stepDueAt: dossierEvents.stepDueAt,
          })
          .from(dossierEvents)
          .where(inArray(dossierEvents.dossierId, ids))
          .orderBy(dossierEvents.dossierId, desc(dossierEvents.seq))
      ).map((e) => [e.dossierId, e]),
    )
    const events: (typeof dossierEvents.$inferInsert)[] = []
    const targets = part.map((d) => ({
      ...d,
      newUnitId: d.unitTo ? to(d.unitTo) : d.unitId,
      newCurrentUnitId: d.currentTo ? to(d.currentTo) : d.currentUnitId,
    }))
    // one statement a chunk, each row on its version: a dossier changed meanwhile undoes it all
    const rows = sql.join(
      targets.map((d) => sql`(${d.id}::uuid, ${d.version}::int, ${d.newUnitId}::uuid, ${d.newCurrentUnitId}::uuid)`),
      sql`, `,
    )
    const moved = await tx
      .update(dossiers)
      .set({
        unitId: sql`m.unit_id`,
        currentUnitId: sql`m.current_unit_id`,
        version: sql`${dossiers.version} + 1`,
        updatedAt: now,
      })
      .from(sql`(values ${rows}) as m(id, version, unit_id, current_unit_id)`)
      .where(and(sql`${dossiers.id} = m.id`, sql`${dossiers.version} = m.version`))
      .returning({ id: dossiers.id })
    if (moved.length !== part.length) throw changedMeanwhile()
    for (const { newUnitId: unitId, newCurrentUnitId: currentUnitId, ...d } of targets) {
      const from = survey.ending.get(d.currentTo ? d.currentUnitId! : d.unitId)!.unit
      const target = (d.currentTo ?? d.unitTo)!
      events.push({
        dossierId: d.id,
        seq: (last.get(d.id)?.seq ?? 0) + 1,
        at: now,
        actorUserId: null,
        actorRole: null,
        action: 'reorganise',
        fromStep: d.currentStep,
        toStep: d.currentStep,
        fromStatus: d.status,
        toStatus: d.status,
        note: `Chuyển từ ${from.name} sang ${nameOf.get(target)} theo ${plan.title}; mã hồ sơ và hạn giải quyết giữ nguyên.`,
        // the step's deadline carries on past this event (the process control slip reads it from here)
        stepDueAt: last.get(d.id)?.stepDueAt ?? null,
        data: {
          label: 'Chuyển đơn vị do sắp xếp đơn vị hành chính',
          reorganisation: plan.name,
          fromUnit: { code: from.code, name: from.name },
          toUnit: { code: target, name: nameOf.get(target) },
          ...(d.unitTo ? { unitId: { before: d.unitId, after: unitId } } : {}),
          ...(d.currentTo ? { currentUnitId: { before: d.currentUnitId, after: currentUnitId } } : {}),
        },
      })
    }
    await tx.insert(dossierEvents).values(events)
  }
}
