import {
  addWorkingMinutes,
  allowedDeliveryMethods,
  availableActions,
  effectiveSteps,
  guardHolds,
  nextOpening,
  type ProcedureDefinition,
} from '@motcua/core'
import { attachments } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import { DESK_ROLES, OFFICER_ROLES } from '../auth/role-groups'
import { consultationsOf, openConsultationCount } from '../consultations/queries'
import { actOnDossier, actsFor, currentUnitOf, guardContextOf, stateOf } from '../dossiers/act'
import { decisionsView } from '../dossiers/decisions-view'
import {
  deskCounts,
  deskQueue,
  deskSearch,
  type QueueFilter,
  type QueueName,
  type QueueUnit,
  queueNames,
} from '../dossiers/desk-queue'
import { deskSummary } from '../dossiers/desk-view'
import { eventLog } from '../dossiers/events'
import { canSee, loadOfficerDossier, officerUnits } from '../dossiers/officer-access'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import { callOutsOf } from '../plugins/call-outs'
import type { UnitDirectory } from '../units/unit-directory'

const unitName = async (units: UnitDirectory, id: string) => {
  const unit = await units.byId(id)
  return { code: unit?.code ?? '', name: unit?.name ?? '' }
}

/** Where a dossier was received and which unit handles it now (null once it has ended), by code. */
const unitCodes = async (
  units: UnitDirectory,
  d: { unitId: string; receivingUnitId: string | null; currentUnitId: string | null },
) => ({
  receivingUnitCode: (await units.byId(d.receivingUnitId ?? d.unitId))?.code ?? '',
  currentUnitCode: d.currentUnitId ? ((await units.byId(d.currentUnitId))?.code ?? '') : null,
})

/** What the desk needs of the dossier's own procedure version to show and act on it. */
const definitionOf = (def: ProcedureDefinition, caseKey: string | null) => ({
  form: def.form,
  components: def.components.map(({ key, name, required }) => ({ key, name, required })),
  steps: effectiveSteps(def, caseKey).map(({ key, name, role }) => ({ key, name, role })),
  cases: (def.cases ?? []).map(({ key, name }) => ({ key, name })),
  resultData: def.resultData ?? null,
  resultDocument: def.resultDocument !== undefined,
  deliveryMethods: allowedDeliveryMethods(def),
})

const caseOf = (def: ProcedureDefinition, key: string | null) => {
  const found = key === null ? undefined : def.cases?.find((c) => c.key === key)
  return found ? { key: found.key, name: found.name, ...(found.nameEn ? { nameEn: found.nameEn } : {}) } : null
}

export const actionBody = jsonBody<{
  expectedVersion: number
  reason?: string
  note?: string
  missingItems?: string[]
  newDueAt?: string
  deliveryMethod?: 'counter' | 'post' | 'online'
  amount?: number
  input?: Record<string, string | number | boolean>
}>({
  type: 'object',
  properties: {
    expectedVersion: { type: 'integer', minimum: 1 },
    reason: { type: 'string', maxLength: 2000 },
    note: { type: 'string', maxLength: 2000 },
    missingItems: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 500 } },
    newDueAt: { type: 'string', format: 'date-time' },
    deliveryMethod: { enum: ['counter', 'post', 'online'] },
    amount: { type: 'integer', minimum: 0, maximum: 1_000_000_000_000 },
    input: {
      type: 'object',
      description: 'the officer’s answers to the action’s input schema (see the action’s `input`)',
      maxProperties: 20,
      propertyNames: { pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 },
      additionalProperties: {
        anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'number' }, { type: 'boolean' }],
      },
    },
  },
  required: ['expectedVersion'],
  additionalProperties: false,
})

interface QueueQuery {
  queue?: QueueName
  unit?: string
  channel?: number
  procedure?: string
  status?: number
  step?: string
  due?: 'soon' | 'overdue'
  mine?: '0' | '1'
  q?: string
  limit: number
  offset: number
}

const unitParam = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  maxLength: 50,
  description: 'a unit code (default: all my units)',
} as const

const queueQuery = queryParams<QueueQuery>({
  type: 'object',
  properties: {
    queue: {
      enum: [...queueNames],
      description:
        'a named queue: reception (submitted, waiting to be received), inProgress (default), mine (at steps my role works), waiting (for a supplement or a payment), linked (liên thông: another unit resolves or received it), soon, overdue, toReturn (result ready to return)',
    },
    channel: { type: 'integer', minimum: 1, maximum: 3, description: '1 at the counter, 2 online, 3 by post' },
    procedure: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
      maxLength: 100,
      description: 'a procedure code',
    },
    unit: unitParam,
    status: {
      type: 'integer',
      minimum: 1,
      maximum: 10,
      description: 'public status 1–10 (default: every dossier still in progress; with q, every dossier)',
    },
    step: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 64, description: 'a step key' },
    due: { enum: ['soon', 'overdue'], description: 'soon (the clock running, due within a working day) or overdue' },
    mine: { enum: ['0', '1'], description: '1: only dossiers at steps my role works' },
    q: {
      type: 'string',
      maxLength: 100,
      pattern: '^[^\\u0000-\\u001F\\u007F]*$',
      description:
        'a receipt code or a whole ID number, or part of the applicant name, ID number or receipt code with or without diacritics (3 letters or digits in a row at least); also finds dossiers that have ended',
    },
    limit: {
      type: 'integer',
      minimum: 1,
      maximum: 200,
      default: 50,
      description: 'page size, default 50, at most 200',
    },
    offset: { type: 'integer', minimum: 0, maximum: 10_000, default: 0, description: 'page start, at most 10000' },
  },
})

/** What each named queue adds to the filter (the other parameters narrow it further). */
const queueFilters: Record<QueueName, Partial<Pick<QueueFilter, 'statuses' | 'due' | 'mine' | 'linked'>>> = {
  reception: { statuses: [1] },
  inProgress: {},
  mine: { mine: true },
  waiting: { statuses: [5, 6] },
  linked: { linked: true },
  soon: { due: 'soon' },
  overdue: { due: 'overdue' },
  toReturn: { statuses: [9] },
}

/**
 * The units a queue reads (the caller's, or the one of `?unit=` they may see: 403 otherwise), each with the roles
 * the caller works there and, when asked, the end of the next working day by its calendar.
 */
async function queueUnitsOf(c: Context<AppEnv>, unitCode: string | undefined, withSoon: boolean): Promise<QueueUnit[]> {
  const principal = requirePrincipal(c)
  const { units, clock } = c.var
  let unitIds = officerUnits(principal)
  if (unitCode) {
    const unit = await units.byCode(unitCode)
    if (!unit || !(await canSee(units, principal, unit.id))) throw forbidden()
    unitIds = [unit.id]
  }
  const now = clock()
  return Promise.all(
    unitIds.map(async (id) => {
      const roles = principal.grants.filter((g) => g.unitId === id && OFFICER_ROLES.includes(g.role)).map((g) => g.role)
      if (!withSoon) return { id, roles }
      const calendar = await units.calendarOf(id)
      // up to the next opening: a deadline in the closed hours just after has the same working time left
      return {
        id,
        roles,
        soonUntil: nextOpening(calendar, addWorkingMinutes(calendar, now, calendar.workingDayMinutes)),
      }
    }),
  )
}

const countsQuery = queryParams<{ unit?: string }>({ type: 'object', properties: { unit: unitParam } })

/** The officers' desk: queues with deadlines in sight, a dossier with the actions the caller may take, and the actions. */
export const deskRoutes = new Hono<AppEnv>()
  .use('/api/desk/*', requireRole(...DESK_ROLES))
  .get('/api/desk/dossiers', async (c) => {
    // once: hono builds `c.var` afresh on every access
    const { registry, database, clock, units } = c.var
    const query = queueQuery.read(c)
    const search = query.q === undefined ? undefined : deskSearch(query.q)
    const named = queueFilters[query.queue ?? 'inProgress']
    const due = query.due ?? named.due
    const queueUnits = await queueUnitsOf(c, query.unit, due === 'soon')
    if (queueUnits.length === 0) return c.json({ items: [], total: 0 })
    const now = clock()
    const { rows, total } = await deskQueue(database.db, {
      units: queueUnits,
      ...named,
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.step === undefined ? {} : { step: query.step }),
      ...(query.channel === undefined ? {} : { channel: query.channel }),
      ...(query.procedure === undefined ? {} : { procedure: query.procedure }),
      ...(due === undefined ? {} : { due }),
      mine: query.mine === '1' || named.mine === true,
      ...(search === undefined ? {} : { search }),
      now,
      limit: query.limit,
      offset: query.offset,
    })
    const items = await Promise.all(
      rows.map(async (row) => ({
        ...deskSummary(
          row,
          (await units.byId(row.unitId))?.code ?? '',
          (await registry.byId(row.procedureVersionId))!,
          await units.unitCalendarOf(row.unitId),
          now,
        ),
        ...(await unitCodes(units, row)),
      })),
    )
    return c.json({ items, total })
  })
  .get('/api/desk/counts', async (c) => {
    const { unit } = countsQuery.read(c)
    const queueUnits = await queueUnitsOf(c, unit, true)
    const ids = queueUnits.map((u) => u.id)
    const { db } = c.var.database
    const [counts, consultations] = await Promise.all([
      deskCounts(db, { units: queueUnits, now: c.var.clock() }),
      ids.length ? openConsultationCount(db, requirePrincipal(c), ids) : 0,
    ])
    return c.json({ ...counts, consultations })
  })
  .get('/api/desk/dossiers/:receiptCode', async (c) => {
    const { dossier, unit, procedure } = await loadOfficerDossier(c)
    const { db } = c.var.database
    const principal = requirePrincipal(c)
    const events = await eventLog(db, dossier.id)
    const files = await db
      .select({
        id: attachments.id,
        componentKey: attachments.componentKey,
        kind: attachments.kind,
        fileName: attachments.fileName,
        mediaType: attachments.mediaType,
        size: attachments.size,
      })
      .from(attachments)
      .where(eq(attachments.dossierId, dossier.id))
    const calendar = await c.var.units.unitCalendarOf(dossier.unitId)
    return c.json({
      ...deskSummary(
        { ...dossier, applicantName: dossier.applicant.fullName },
        unit.code,
        procedure,
        calendar,
        c.var.clock(),
      ),
      ...(await unitCodes(c.var.units, dossier)),
      unit: { code: unit.code, name: unit.name },
      receivingUnit: await unitName(c.var.units, dossier.receivingUnitId ?? dossier.unitId),
      currentUnit: dossier.currentUnitId ? await unitName(c.var.units, dossier.currentUnitId) : null,
      applicant: dossier.applicant,
      formData: dossier.formData,
      case: caseOf(procedure.definition, dossier.caseKey),
      definition: definitionOf(procedure.definition, dossier.caseKey),
      decisions: decisionsView(procedure.definition, dossier.decisions),
      delivery: dossier.delivery,
      resultData: dossier.resultData,
      fees: dossier.fees,
      attachments: files,
      events: events.map(({ event: e, actorName }) => ({
        seq: e.seq,
        at: e.at,
        action: e.action,
        label: (e.data as { label?: string } | null)?.label ?? null,
        actorName,
        actorRole: e.actorRole,
        fromStep: e.fromStep,
        toStep: e.toStep,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        stepDueAt: e.stepDueAt,
        data: e.data,
      })),
      // only the officers of the unit handling the step act; those of the units it passed through only read it
      // and only the actions whose condition holds now (an officer's earlier decision may rule one out)
      actions: availableActions(procedure.definition, stateOf(dossier)).filter(
        (a) =>
          actsFor(principal, currentUnitOf(dossier), a.roles) &&
          guardHolds(procedure.definition, stateOf(dossier), a.key, guardContextOf(dossier, c.var.clock())),
      ),
      consultations: await consultationsOf(db, dossier.id, c.var.clock()),
      callOuts: await callOutsOf(db, c.var.plugins, dossier.id),
    })
  })
  .post('/api/desk/dossiers/:receiptCode/actions/:actionKey', async (c) => {
    const { dossier, unit, procedure } = await loadOfficerDossier(c)
    const { expectedVersion, newDueAt, ...rest } = await actionBody.read(c)
    const { dossier: updated } = await actOnDossier(c.var.database.db, {
      dossier,
      procedure,
      actionKey: c.req.param('actionKey'),
      expectedVersion,
      inputs: { ...rest, ...(newDueAt ? { newDueAt: new Date(newDueAt) } : {}) },
      principal: requirePrincipal(c),
      unit,
      units: c.var.units,
      plugins: c.var.plugins,
      metrics: c.var.metrics.dossiers,
      now: c.var.clock(),
    })
    return c.json({
      receiptCode: updated.receiptCode,
      version: updated.version,
      status: updated.status,
      currentStep: updated.currentStep,
      caseKey: updated.caseKey,
      dueAt: updated.dueAt,
      pausedAt: updated.pausedAt,
    })
  })

export const deskDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/desk/dossiers',
    tag: 'desk',
    summary: 'The queue: dossiers of my units (in progress by default), soonest due first, with the working time left',
    access: [...DESK_ROLES],
    query: Object.entries(queueQuery.schema.properties).map(([name, p]) => ({
      name,
      description: String(p.description),
    })),
    responses: {
      200: '{items, total}',
      400: 'a bad parameter, or a search shorter than 3 letters',
      403: 'not your unit',
    },
  },
  {
    method: 'get',
    path: '/api/desk/counts',
    tag: 'desk',
    summary:
      'How many dossiers each named queue holds for my units (or `unit`), and the consultations sent to them still to answer',
    access: [...DESK_ROLES],
    query: [{ name: 'unit', description: unitParam.description }],
    responses: {
      200: '{reception, inProgress, mine, waiting, linked, soon, overdue, toReturn, consultations}',
      400: 'a bad parameter',
      403: 'not your unit',
    },
  },
  {
    method: 'get',
    path: '/api/desk/dossiers/:receiptCode',
    tag: 'desk',
    summary:
      'A dossier with its form, files, event log and the actions I may take now; `definition`: its version’s form, components, steps, result data schema and delivery methods',
    access: [...DESK_ROLES],
    responses: { 200: 'the dossier', 403: 'not your unit', 404: 'no such dossier' },
  },
  {
    method: 'post',
    path: '/api/desk/dossiers/:receiptCode/actions/:actionKey',
    tag: 'desk',
    summary:
      'Take an action (receive, forward, approve, request a supplement, refuse, extend, return …) at the dossier’s expected version',
    access: [...OFFICER_ROLES],
    body: actionBody,
    responses: {
      200: 'the new state',
      400: 'missing input, or the officer’s `input` does not fit the action’s input schema (issues at /input/<field>)',
      403: 'not your role or unit',
      409: 'stale version, or not available now',
    },
  },
]
