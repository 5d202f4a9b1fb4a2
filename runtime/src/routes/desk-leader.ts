import {
  addWorkingMinutes,
  type DeskUnitStatistics,
  DomainError,
  effectiveSteps,
  findAction,
  nextOpening,
  periodOf,
} from '@motcua/core'
import { type Db, dossierEvents, dossiers, userRoles, users } from '@motcua/db'
import { and, count, desc, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import type { Principal } from '../auth/principal'
import { OFFICER_ROLES } from '../auth/role-groups'
import { actOnDossier, actsFor, currentUnitOf } from '../dossiers/act'
import { deskQueue } from '../dossiers/desk-queue'
import { type DeskRow, deskSummary } from '../dossiers/desk-view'
import { notFoundDossier } from '../dossiers/errors'
import { loadDossier } from '../dossiers/load-dossier'
import { jsonBody } from '../http/body'
import { httpStatusOf } from '../http/errors'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import type { PublishedVersion } from '../procedures/registry'
import { unitStatistics } from '../statistics/service'
import { workTimes } from '../statistics/work-times'
import type { UnitRow } from '../units/unit-directory'

const DAY = 86_400_000
/** The window of each officer's recent actions. */
const RECENT_DAYS = 30
/** The most dossiers offered for sign-off in bulk at once (and signed in one request). */
const BULK_MAX = 100

/** The units the caller leads (holds `leader` for). */
const ledUnits = (p: Principal): string[] => [
  ...new Set(p.grants.filter((g) => g.role === 'leader' && g.unitId).map((g) => g.unitId!)),
]

const overviewQuery = queryParams<{ limit: number }>({
  type: 'object',
  properties: {
    limit: {
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
      description: 'how many overdue and due-soon dossiers to list, default 20, at most 100',
    },
  },
})

const MONTH = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }
const statisticsQuery = queryParams<{ from?: string; to?: string }>({
  type: 'object',
  properties: {
    from: {
      ...MONTH,
      description: 'the first month, YYYY-MM (Vietnam time); default January of the last month’s year',
    },
    to: { ...MONTH, description: 'the last month, YYYY-MM; default this month, and a later one is cut to it' },
  },
})

const bulkBody = jsonBody<{ dossiers: { receiptCode: string; expectedVersion: number }[] }>({
  type: 'object',
  properties: {
    dossiers: {
      type: 'array',
      minItems: 1,
      maxItems: BULK_MAX,
      items: {
        type: 'object',
        properties: {
          receiptCode: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9.-]+$' },
          expectedVersion: { type: 'integer', minimum: 1 },
        },
        required: ['receiptCode', 'expectedVersion'],
        additionalProperties: false,
      },
    },
  },
  required: ['dossiers'],
  additionalProperties: false,
})

/** The open dossiers of a unit by track: all, waiting for a supplement, for a payment, for the result to be returned. */
async function unitCounts(db: Db, unitId: string) {
  const [row] = await db
    .select({
      open: count(),
      supplement: sql<number>`count(*) filter (where ${dossiers.status} = 5)`.mapWith(Number),
      payment: sql<number>`count(*) filter (where ${dossiers.status} = 6)`.mapWith(Number),
      toReturn: sql<number>`count(*) filter (where ${dossiers.status} = 9)`.mapWith(Number),
    })
    .from(dossiers)
    .where(and(eq(dossiers.currentUnitId, unitId), isNotNull(dossiers.currentStep)))
  return row ?? { open: 0, supplement: 0, payment: 0, toReturn: 0 }
}

/**
 * Each officer of a unit with their load: the open dossiers of the unit whose latest officer's event is theirs (of
 * which overdue), and the actions they took on the unit's dossiers over the last 30 days. Three statements
 * whatever the number of officers: the accounts, the latest officer's event per open dossier (DISTINCT ON over the
 * events' (dossier, seq) key), and the recent events by actor (the events' (actor, at) index).
 */
async function officersLoad(db: Db, unitId: string, now: Date) {
  const grants = await db
    .select({ id: users.id, username: users.username, fullName: users.fullName, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.unitId, unitId), inArray(userRoles.role, [...OFFICER_ROLES]), eq(users.disabled, false)))
  const officers = new Map<string, { username: string; fullName: string; roles: string[] }>()
  for (const g of grants) {
    const officer = officers.get(g.id) ?? { username: g.username, fullName: g.fullName, roles: [] }
    officer.roles.push(g.role)
    officers.set(g.id, officer)
  }
  if (officers.size === 0) return []
  const last = db
    .selectDistinctOn([dossierEvents.dossierId], {
      actor: sql<string>`${dossierEvents.actorUserId}`.as('actor'),
      overdue:
        sql<boolean>`(${dossiers.doneAt} is null and ${dossiers.dueAt} < coalesce(${dossiers.pausedAt}, ${now.toISOString()}::timestamptz))`.as(
          'overdue',
        ),
    })
    .from(dossiers)
    .innerJoin(dossierEvents, eq(dossierEvents.dossierId, dossiers.id))
    .where(
      and(
        eq(dossiers.currentUnitId, unitId),
        isNotNull(dossiers.currentStep),
        isNotNull(dossierEvents.actorUserId),
        inArray(dossierEvents.actorRole, [...OFFICER_ROLES]),
      ),
    )
    .orderBy(dossierEvents.dossierId, desc(dossierEvents.seq))
    .as('last')
  const [latest, recent] = await Promise.all([
    db
      .select({
        actor: last.actor,
        open: count(),
        overdue: sql<number>`count(*) filter (where ${last.overdue})`.mapWith(Number),
      })
      .from(last)
      .groupBy(last.actor),
    db
      .select({ actor: dossierEvents.actorUserId, actions: count() })
      .from(dossierEvents)
      .innerJoin(dossiers, eq(dossiers.id, dossierEvents.dossierId))
      .where(
        and(
          inArray(dossierEvents.actorUserId, [...officers.keys()]),
          gte(dossierEvents.at, new Date(now.getTime() - RECENT_DAYS * DAY)),
          or(eq(dossiers.unitId, unitId), eq(dossiers.receivingUnitId, unitId), eq(dossiers.currentUnitId, unitId)),
        ),
      )
      .groupBy(dossierEvents.actorUserId),
  ])
  const load = new Map(latest.map((r) => [r.actor, r]))
  const actions = new Map(recent.map((r) => [r.actor, r.actions]))
  return [...officers].map(([id, o]) => ({
    ...o,
    open: load.get(id)?.open ?? 0,
    overdue: load.get(id)?.overdue ?? 0,
    recentActions: actions.get(id) ?? 0,
  }))
}

/** The action of a dossier's current step that may be taken in bulk by the caller, if any. */
function bulkActionAt(procedure: PublishedVersion, row: Pick<DeskRow, 'currentStep' | 'caseKey'>) {
  if (!row.currentStep) return undefined
  const step = effectiveSteps(procedure.definition, row.caseKey).find((s) => s.key === row.currentStep)
  const action = step?.actions.find((a) => a.bulk === true)
  return step && action ? { action, roles: action.roles ?? [step.role] } : undefined
}

const notBulk = (key: string) =>
  new DomainError('CONFLICT', {
    vi: `Thao tác "${key}" không được làm hàng loạt cho hồ sơ này ở bước hiện tại. Hãy mở hồ sơ và xử lý riêng.`,
    en: `Action "${key}" cannot be taken in bulk on this dossier at its current step. Open the dossier and act on it alone.`,
  })

/** The unit of the route's `:unitCode`, when the caller leads it (403 otherwise: another unit's leader, another role). */
async function ledUnit(c: Context<AppEnv>): Promise<UnitRow> {
  const unit = await c.var.units.byCode(c.req.param('unitCode') ?? '')
  if (!unit || !ledUnits(requirePrincipal(c)).includes(unit.id)) throw forbidden()
  return unit
}

/**
 * The leader's view of a unit: counts, overdue and due-soon dossiers, each officer's load, the unit's statistics,
 * sign-off in bulk.
 */
export const deskLeaderRoutes = new Hono<AppEnv>()
  .use('/api/desk/units/:unitCode/overview', requireRole('leader'))
  .use('/api/desk/units/:unitCode/statistics', requireRole('leader'))
  .use('/api/desk/bulk/*', requireRole('leader'))
  .get('/api/desk/units/:unitCode/overview', async (c) => {
    const principal = requirePrincipal(c)
    const unit = await ledUnit(c)
    const { limit } = overviewQuery.read(c)
    const { units, registry, database, clock } = c.var
    const now = clock()
    const calendar = await units.calendarOf(unit.id)
    const soonUntil = nextOpening(calendar, addWorkingMinutes(calendar, now, calendar.workingDayMinutes))
    const roles = principal.grants.filter((g) => g.unitId === unit.id).map((g) => g.role)
    const page = { now, limit, offset: 0 }
    const [counts, overdue, dueSoon, waiting, officers] = await Promise.all([
      unitCounts(database.db, unit.id),
      deskQueue(database.db, { units: [{ id: unit.id, roles }], due: 'overdue', ...page }),
      deskQueue(database.db, { units: [{ id: unit.id, roles, soonUntil }], due: 'soon', ...page }),
      // the leader's own queue, read whole up to the most one request may sign
      deskQueue(database.db, { units: [{ id: unit.id, roles: ['leader'] }], mine: true, now, limit: 200, offset: 0 }),
      officersLoad(database.db, unit.id, now),
    ])
    const unitCalendar = await units.unitCalendarOf(unit.id)
    const summary = async (row: DeskRow) =>
      deskSummary(row, unit.code, (await registry.byId(row.procedureVersionId))!, unitCalendar, now)
    const bulk = []
    for (const row of waiting.rows) {
      if (row.pausedAt) continue
      const procedure = (await registry.byId(row.procedureVersionId))!
      const found = bulkActionAt(procedure, row)
      if (!found || !actsFor(principal, currentUnitOf(row), found.roles)) continue
      const { key, label, labelEn } = found.action
      bulk.push({ ...(await summary(row)), action: { key, label, ...(labelEn ? { labelEn } : {}) } })
      if (bulk.length === BULK_MAX) break
    }
    return c.json({
      unit: { code: unit.code, name: unit.name },
      leads: await Promise.all(
        ledUnits(principal).map(async (id) => {
          const led = await units.byId(id)
          return { code: led?.code ?? '', name: led?.name ?? '' }
        }),
      ),
      counts: { ...counts, overdue: overdue.total, dueSoon: dueSoon.total },
      overdue: { items: await Promise.all(overdue.rows.map(summary)), total: overdue.total },
      dueSoon: { items: await Promise.all(dueSoon.rows.map(summary)), total: dueSoon.total },
      officers,
      bulk,
    })
  })
  .get('/api/desk/units/:unitCode/statistics', async (c) => {
    const unit = await ledUnit(c)
    const { database, units, registry, clock } = c.var
    const now = clock()
    const period = periodOf(statisticsQuery.read(c), now)
    const services = { db: database.db, units, registry }
    const [statistics, times] = await Promise.all([
      // today's structure: the dossiers of the units this one took over count here
      unitStatistics(services, unit.code, { period, structure: 'now', now }),
      workTimes(database.db, services, unit.id, period),
    ])
    if (!statistics) throw forbidden()
    return c.json({
      unit: { code: unit.code, name: unit.name },
      period,
      asOf: now.toISOString(),
      figures: statistics.figures,
      ...times,
    } satisfies DeskUnitStatistics)
  })
  .post('/api/desk/bulk/:actionKey', async (c) => {
    const principal = requirePrincipal(c)
    const actionKey = c.req.param('actionKey')
    const { dossiers: wanted } = await bulkBody.read(c)
    const { database, units, plugins, clock } = c.var
    const results = []
    // one at a time, each in its own transaction: one dossier's failure leaves the others signed
    for (const { receiptCode, expectedVersion } of wanted) {
      try {
        const found = await loadDossier(c.var, receiptCode)
        if (!found) throw notFoundDossier(receiptCode)
        const { dossier, unit, procedure } = found
        if (!ledUnits(principal).includes(currentUnitOf(dossier))) throw forbidden()
        const at = findAction(procedure.definition, dossier.currentStep ?? '', actionKey, dossier.caseKey)
        // a dossier changed since the leader's list was loaded is stale (409), whatever it is now
        if (dossier.version === expectedVersion && (!at?.action.bulk || dossier.pausedAt)) throw notBulk(actionKey)
        const { dossier: updated } = await actOnDossier(database.db, {
          dossier,
          procedure,
          actionKey,
          expectedVersion,
          inputs: {},
          principal,
          unit,
          units,
          plugins,
          metrics: c.var.metrics.dossiers,
          now: clock(),
        })
        results.push({ receiptCode, ok: true as const, version: updated.version, status: updated.status })
      } catch (error) {
        if (!DomainError.is(error)) throw error
        results.push({
          receiptCode,
          ok: false as const,
          error: { code: error.code, status: httpStatusOf(error.code), message: error.userMessage },
        })
      }
    }
    return c.json({ done: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results })
  })

export const deskLeaderDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/desk/units/:unitCode/overview',
    tag: 'desk',
    summary:
      'The leader’s view of a unit: counts of open dossiers by track, the overdue and due-soon dossiers (soonest first), each officer’s load and the dossiers the leader may sign in bulk',
    access: ['leader'],
    query: [{ name: 'limit', description: String(overviewQuery.schema.properties.limit?.description) }],
    responses: { 200: '{unit, leads, counts, overdue, dueSoon, officers, bulk}', 403: 'not a leader of this unit' },
  },
  {
    method: 'get',
    path: '/api/desk/units/:unitCode/statistics',
    tag: 'desk',
    summary:
      'The leader’s statistics of a unit for a period of months: its figures (received, online share, resolved early / on time / late, in progress, waiting, time against the legal time) and, from the event log in wall-clock hours, the time per step, per unit in liên thông and per officer',
    access: ['leader'],
    query: Object.entries(statisticsQuery.schema.properties).map(([name, p]) => ({
      name,
      description: String(p.description),
    })),
    responses: {
      200: '{unit, period, asOf, figures, steps, units, officers}',
      400: 'a month that is not YYYY-MM, the first after the last, or more than 120 months',
      403: 'not a leader of this unit',
    },
  },
  {
    method: 'post',
    path: '/api/desk/bulk/:actionKey',
    tag: 'desk',
    summary:
      'Take a `bulk: true` action (ký duyệt hàng loạt) on up to 100 dossiers, each at its expected version in its own transaction; one failure leaves the others done',
    access: ['leader'],
    body: bulkBody,
    responses: {
      200: '{done, failed, results: [{receiptCode, ok, version, status} | {receiptCode, ok: false, error: {code, status, message}}]}',
      400: 'a bad body (none, or more than 100 dossiers)',
      403: 'not a leader',
    },
  },
]
