import {
  effectiveSteps,
  type HoldTime,
  nextMonth,
  type OfficerTime,
  type StatPeriod,
  type StepTime,
  type WorkTimes,
} from '@motcua/core'
import { type Db, dossierEvents, dossiers, procedures, procedureVersions, userRoles, users } from '@motcua/db'
import { and, count, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, type SQLWrapper, sql } from 'drizzle-orm'
import { union } from 'drizzle-orm/pg-core'
import { OFFICER_ROLES } from '../auth/role-groups'
import { HAND_ACTIONS } from '../dossiers/hand-over'
import type { ProcedureRegistry } from '../procedures/registry'
import type { UnitDirectory } from '../units/unit-directory'

/**
 * Log rows written beside an officer's action, not actions of their own: the filing a counter reception starts
 * with, a hand-over between units, a consultation opened by a transition, a reorganisation, a calendar change.
 */
const NOT_ACTIONS = ['submit', ...HAND_ACTIONS, 'openConsultation', 'reorganise', 'calendarChange']

/** The instants a period of Vietnam-local months spans: from the first month's start to the next month's after the last. */
const spanOf = (period: StatPeriod) => ({
  start: `${period.from}-01T00:00:00+07:00`,
  end: `${nextMonth(period.to)}-01T00:00:00+07:00`,
})

const hours = (seconds: number | null): number | null =>
  seconds === null ? null : Math.round((Number(seconds) / 3600) * 100) / 100

const at = (iso: string) => sql`${iso}::timestamptz`

/**
 * The dossiers a unit had a hand in during a period: those it resolves or received that were open in it, those at
 * one of its steps now, and those its officers acted on in it; each by an index (the dossiers' unit columns, the
 * events' (actor, at)).
 */
async function unitDossiers(db: Db, unitId: string, period: StatPeriod): Promise<string[]> {
  const { start, end } = spanOf(period)
  const active = and(lt(dossiers.submittedAt, at(end)), or(isNull(dossiers.endedAt), gte(dossiers.endedAt, at(start))))
  const rows = await union(
    db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(and(eq(dossiers.unitId, unitId), active)),
    db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(and(eq(dossiers.receivingUnitId, unitId), active)),
    db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(and(eq(dossiers.currentUnitId, unitId), isNotNull(dossiers.currentStep))),
    db
      .select({ id: dossierEvents.dossierId })
      .from(dossierEvents)
      .innerJoin(userRoles, eq(userRoles.userId, dossierEvents.actorUserId))
      .where(and(eq(userRoles.unitId, unitId), gte(dossierEvents.at, at(start)), lt(dossierEvents.at, at(end)))),
  )
  return rows.map((r) => r.id)
}

/** A unit, a period and the dossiers it had a hand in then. */
interface Scope {
  unitId: string
  period: StatPeriod
  dossierIds: readonly string[]
}

/**
 * The event log of a unit's dossiers (`unitDossiers`, read once and passed as one array, so that the planner sees
 * how many and reads each dossier's events by its (dossier, seq) key), each event with where it stands.
 *
 * Per event: `moves` (it leaves a step, enters one, or both), `stay` (how many moves up to it: the stay it opens, or
 * the one it happens in), and `holder`, the unit holding the dossier (liên thông): the unit the latest hand-over
 * gave it to, before any the unit the first one took it from, without any the resolving unit. A transition that
 * hands the dossier over is logged before its hand-over row, so a move is credited to the unit that made it.
 */
function unitLog(db: Db, { dossierIds, period }: Scope) {
  const { start, end } = spanOf(period)
  // uuids need no quoting in an array literal; one parameter whatever the number
  const ids = sql`${`{${dossierIds.join(',')}}`}::uuid[]`
  const isHand = inArray(dossierEvents.action, [...HAND_ACTIONS])
  const moves = sql`${dossierEvents.toStep} is distinct from ${dossierEvents.fromStep}`
  const upTo = sql`over (partition by ${dossierEvents.dossierId} order by ${dossierEvents.seq})`
  const ev = db.$with('ev').as(
    db
      .select({
        dossierId: dossierEvents.dossierId,
        seq: dossierEvents.seq,
        at: dossierEvents.at,
        action: dossierEvents.action,
        fromStep: dossierEvents.fromStep,
        toStep: dossierEvents.toStep,
        stepDueAt: dossierEvents.stepDueAt,
        actorUserId: dossierEvents.actorUserId,
        resolvingUnitId: dossiers.unitId,
        procedureVersionId: dossiers.procedureVersionId,
        endedAt: dossiers.endedAt,
        moves: sql<boolean>`${moves}`.as('moves'),
        hands: sql<number>`count(*) filter (where ${isHand}) ${upTo}`.as('hands'),
        stay: sql<number>`count(*) filter (where ${moves}) ${upTo}`.as('stay'),
        handTo: sql<string | null>`case when ${isHand} then ${dossierEvents.data}->'toUnit'->>'id' end`.as('hand_to'),
        handFrom: sql<string | null>`case when ${isHand} then ${dossierEvents.data}->'fromUnit'->>'id' end`.as(
          'hand_from',
        ),
      })
      .from(dossiers)
      .innerJoin(dossierEvents, eq(dossierEvents.dossierId, dossiers.id))
      .where(sql`${dossiers.id} = any(${ids})`),
  )
  const held = db.$with('held').as(
    db
      .select({
        dossierId: ev.dossierId,
        seq: ev.seq,
        at: ev.at,
        action: ev.action,
        fromStep: ev.fromStep,
        toStep: ev.toStep,
        stepDueAt: ev.stepDueAt,
        actorUserId: ev.actorUserId,
        moves: ev.moves,
        hands: ev.hands,
        stay: ev.stay,
        holder: sql<string>`coalesce(
          first_value(${ev.handTo}) over (partition by ${ev.dossierId}, ${ev.hands} order by ${ev.seq}),
          min(${ev.handFrom}) filter (where ${ev.hands} = 1) over (partition by ${ev.dossierId}),
          ${ev.resolvingUnitId}::text)`.as('holder'),
        procedureVersionId: ev.procedureVersionId,
        endedAt: ev.endedAt,
      })
      .from(ev),
  )
  // each stay at a step: opened by a move into it, with the step's own deadline the move set
  const stays = db.$with('stays').as(
    db
      .select({
        dossierId: sql<string>`${held.dossierId}`.as('stay_dossier_id'),
        stay: sql<number>`${held.stay}`.as('stay_no'),
        enteredAt: sql<Date>`${held.at}`.as('entered_at'),
        dueAt: sql<Date | null>`${held.stepDueAt}`.as('due_at'),
      })
      .from(held)
      .where(and(held.moves, isNotNull(held.toStep))),
  )
  // the stay an event happens in: a move leaves the one before it
  const inStay = and(
    eq(stays.dossierId, held.dossierId),
    sql`${stays.stay} = ${held.stay} - case when ${held.moves} then 1 else 0 end`,
  )
  const inPeriod = (column: SQLWrapper) => sql`${column} >= ${at(start)} and ${column} < ${at(end)}`
  return { with: [ev, held, stays] as const, held, stays, inStay, inPeriod }
}

const secondsBetween = (later: unknown, earlier: unknown) => sql`extract(epoch from (${later} - ${earlier}))`

/** Time per step: each step the unit held that a dossier left in the period, how long it stayed, how many late. */
async function stepTimes(db: Db, registry: ProcedureRegistry, scope: Scope) {
  const { unitId } = scope
  const log = unitLog(db, scope)
  const { held, stays } = log
  const seconds = secondsBetween(held.at, stays.enteredAt)
  const rows = await db
    .with(...log.with)
    .select({
      procedureCode: procedures.code,
      stepKey: sql<string>`${held.fromStep}`,
      left: count(),
      averageSeconds: sql<number | null>`avg(${seconds})`.mapWith(Number),
      medianSeconds: sql<number | null>`percentile_cont(0.5) within group (order by ${seconds})`.mapWith(Number),
      late: sql<number>`count(*) filter (where ${held.at} > ${stays.dueAt})`.mapWith(Number),
    })
    .from(held)
    .innerJoin(stays, log.inStay)
    .innerJoin(procedureVersions, eq(procedureVersions.id, held.procedureVersionId))
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(held.moves, isNotNull(held.fromStep), eq(held.holder, unitId), log.inPeriod(held.at)))
    .groupBy(procedures.code, held.fromStep)
  const out: (StepTime & { order: number })[] = []
  for (const row of rows) {
    // the newest version that has the step names it (a case's own steps too)
    const versions = await registry.versions(row.procedureCode)
    const named = versions
      .map((v) => {
        const all = [null, ...(v.definition.cases ?? []).map((c) => c.key)].flatMap((k) =>
          effectiveSteps(v.definition, k),
        )
        const index = all.findIndex((s) => s.key === row.stepKey)
        return { name: v.definition.name, step: all[index], index }
      })
      .find((v) => v.step)
    out.push({
      procedureCode: row.procedureCode,
      procedureName: named?.name ?? versions[0]?.definition.name ?? row.procedureCode,
      stepKey: row.stepKey,
      stepName: named?.step?.name ?? row.stepKey,
      left: row.left,
      averageHours: hours(row.averageSeconds),
      medianHours: hours(row.medianSeconds),
      late: row.late,
      order: named?.index ?? Number.MAX_SAFE_INTEGER,
    })
  }
  return out
    .sort((a, b) => a.procedureName.localeCompare(b.procedureName, 'vi') || a.order - b.order)
    .map(({ order: _, ...step }) => step)
}

/**
 * Time per unit in liên thông: over the dossiers handed between units of which the unit held one stay at least, each
 * stay between hand-overs (from filing to the first, from one to the next, from the last to the end) that ended in
 * the period, by the unit that held it.
 */
async function holdTimes(db: Db, units: UnitDirectory, scope: Scope) {
  const { unitId } = scope
  const log = unitLog(db, scope)
  const { held } = log
  const holds = db.$with('holds').as(
    db
      .select({
        dossierId: sql<string>`${held.dossierId}`.as('hold_dossier_id'),
        hands: sql<number>`${held.hands}`.as('hold_hands'),
        holder: sql<string>`${held.holder}`.as('hold_holder'),
        startedAt: sql<Date>`min(${held.at})`.as('started_at'),
        endedAt: sql<Date | null>`max(${held.endedAt})`.as('dossier_ended_at'),
      })
      .from(held)
      .groupBy(held.dossierId, held.hands, held.holder),
  )
  const byDossier = sql`over (partition by ${holds.dossierId})`
  const spans = db.$with('spans').as(
    db
      .select({
        dossierId: sql<string>`${holds.dossierId}`.as('span_dossier_id'),
        holder: sql<string>`${holds.holder}`.as('span_holder'),
        startedAt: sql<Date>`${holds.startedAt}`.as('span_started_at'),
        endedAt:
          sql<Date | null>`coalesce(lead(${holds.startedAt}) over (partition by ${holds.dossierId} order by ${holds.hands}), ${holds.endedAt})`.as(
            'span_ended_at',
          ),
        handed: sql<boolean>`max(${holds.hands}) ${byDossier} > 0`.as('handed'),
        involved: sql<boolean>`bool_or(${holds.holder} = ${unitId}) ${byDossier}`.as('involved'),
      })
      .from(holds),
  )
  const seconds = secondsBetween(spans.endedAt, spans.startedAt)
  const rows = await db
    .with(...log.with, holds, spans)
    .select({
      holder: spans.holder,
      dossiers: sql<number>`count(distinct ${spans.dossierId})`.mapWith(Number),
      holds: count(),
      averageSeconds: sql<number | null>`avg(${seconds})`.mapWith(Number),
      medianSeconds: sql<number | null>`percentile_cont(0.5) within group (order by ${seconds})`.mapWith(Number),
    })
    .from(spans)
    .where(and(spans.handed, spans.involved, log.inPeriod(spans.endedAt)))
    .groupBy(spans.holder)
  const out: HoldTime[] = []
  for (const row of rows) {
    const unit = await units.byId(row.holder)
    out.push({
      unit: { code: unit?.code ?? '', name: unit?.name ?? '' },
      dossiers: row.dossiers,
      holds: row.holds,
      averageHours: hours(row.averageSeconds),
      medianHours: hours(row.medianSeconds),
    })
  }
  // the unit itself first, then the units it works with
  const own = (await units.byId(unitId))?.code
  return out.sort((a, b) => Number(b.unit.code === own) - Number(a.unit.code === own) || b.holds - a.holds)
}

/** The officers' actions on the unit's dossiers in the period, by officer. */
function officerRows(db: Db, scope: Scope, officerIds: string[]) {
  const log = unitLog(db, scope)
  const { held, stays } = log
  const seconds = secondsBetween(held.at, stays.enteredAt)
  return db
    .with(...log.with)
    .select({
      actor: sql<string>`${held.actorUserId}`,
      actions: count(),
      dossiers:
        sql<number>`count(distinct ${held.dossierId}) filter (where ${held.moves} and ${held.fromStep} is not null)`.mapWith(
          Number,
        ),
      averageSeconds: sql<number | null>`avg(${seconds})`.mapWith(Number),
      late: sql<number>`count(*) filter (where ${held.at} > ${stays.dueAt})`.mapWith(Number),
    })
    .from(held)
    .leftJoin(stays, log.inStay)
    .where(
      and(
        inArray(held.actorUserId, officerIds),
        notInArray(held.action, NOT_ACTIONS),
        eq(held.holder, scope.unitId),
        log.inPeriod(held.at),
      ),
    )
    .groupBy(held.actorUserId)
}

/**
 * Per officer of the unit (any officer's role there): the actions they took in the period on dossiers the unit
 * held, the dossiers they moved on, the time from the dossier entering its step to their action, and how many of
 * their actions came after the step's deadline.
 */
async function officerTimes(db: Db, scope: Scope): Promise<OfficerTime[]> {
  const { unitId } = scope
  const officers = await db
    .selectDistinct({ id: users.id, username: users.username, fullName: users.fullName })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.unitId, unitId), inArray(userRoles.role, [...OFFICER_ROLES])))
  if (officers.length === 0) return []
  const ids = officers.map((o) => o.id)
  const rows = scope.dossierIds.length === 0 ? [] : await officerRows(db, scope, ids)
  const work = new Map(rows.map((r) => [r.actor, r]))
  return officers
    .map((o) => {
      const w = work.get(o.id)
      return {
        username: o.username,
        fullName: o.fullName,
        actions: w?.actions ?? 0,
        dossiers: w?.dossiers ?? 0,
        averageHours: hours(w?.averageSeconds ?? null),
        late: w?.late ?? 0,
      }
    })
    .sort((a, b) => b.actions - a.actions || a.username.localeCompare(b.username))
}

/**
 * The times of a unit's work in a period, from the event log: per step, per unit in liên thông, per officer. A few
 * statements whatever the number of dossiers: the dossiers the unit had a hand in, then window functions over their
 * events for each table (and the officers' accounts).
 * @example await workTimes(db, { registry, units }, unit.id, { from: '2025-01', to: '2025-03' })
 */
export async function workTimes(
  db: Db,
  services: { registry: ProcedureRegistry; units: UnitDirectory },
  unitId: string,
  period: StatPeriod,
): Promise<WorkTimes> {
  const scope = { unitId, period, dossierIds: await unitDossiers(db, unitId, period) }
  const none = scope.dossierIds.length === 0
  const [steps, units, officers] = await Promise.all([
    none ? [] : stepTimes(db, services.registry, scope),
    none ? [] : holdTimes(db, services.units, scope),
    officerTimes(db, scope),
  ])
  return { steps, units, officers }
}
