import { consultationState, DomainError, type Opinion, opinions, workingMinutesBetween } from '@motcua/core'
import { attachments, consultations, dossiers, withTransaction } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../app'
import { forbidden, requirePrincipal, requireRole } from '../auth/middleware'
import { DESK_ROLES, OFFICER_ROLES } from '../auth/role-groups'
import { answerConsultation } from '../consultations/answer'
import { type ConsultationView, consultationQueue, consultationsOf } from '../consultations/queries'
import { asRequest, consultationStep, currentRound, lockDossier, moveOnIfComplete } from '../consultations/round'
import { actsFor } from '../dossiers/act'
import { downloadAttachment } from '../dossiers/attachments'
import { notFoundDossier } from '../dossiers/errors'
import { loadDossier } from '../dossiers/load-dossier'
import { loadOfficerDossier } from '../dossiers/officer-access'
import { jsonBody } from '../http/body'
import type { Operation } from '../http/openapi'
import { queryParams } from '../http/query'
import type { UnitDirectory } from '../units/unit-directory'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const noConsultation = () =>
  new DomainError('NOT_FOUND', {
    vi: 'Không tìm thấy yêu cầu lấy ý kiến này.',
    en: 'No such consultation.',
  })

const answerBody = jsonBody<{ opinion: Opinion; note?: string }>({
  type: 'object',
  properties: {
    opinion: { enum: [...opinions], description: 'agree (đồng ý), disagree (không đồng ý), comments (ý kiến khác)' },
    note: { type: 'string', maxLength: 5000, description: 'the opinion itself; required unless agreeing' },
  },
  required: ['opinion'],
  additionalProperties: false,
})

const concludeBody = jsonBody<{ expectedVersion: number }>({
  type: 'object',
  properties: { expectedVersion: { type: 'integer', minimum: 1 } },
  required: ['expectedVersion'],
  additionalProperties: false,
})

const queueQuery = queryParams<{ state?: 'open' | 'answered' | 'all'; limit: number; offset: number }>({
  type: 'object',
  properties: {
    state: { enum: ['open', 'answered', 'all'], description: 'open (default), answered or all' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'page size, default 50' },
    offset: { type: 'integer', minimum: 0, maximum: 10_000, default: 0, description: 'page start' },
  },
})

/**
 * The working time the unit asked has left to answer, by its own calendar (negative once past), while it is open;
 * with the length of its working day, to read it as days and hours.
 */
async function answerTimeLeft(units: UnitDirectory, view: ConsultationView, now: Date) {
  const unit = view.state === 'open' || view.state === 'overdue' ? await units.byCode(view.unit.code) : undefined
  if (!unit) return { workingMinutesLeft: null, workingDayMinutes: null }
  const { working } = await units.unitCalendarOf(unit.id)
  return {
    workingMinutesLeft: workingMinutesBetween(working, now, view.dueAt),
    workingDayMinutes: working.workingDayMinutes,
  }
}

/**
 * Consultations (lấy ý kiến) at the desk: the requests sent to my unit ("ý kiến được hỏi"), one request with its
 * dossier, answering it, and the resolving officer moving the dossier on once the quorum or the time is reached.
 */
export const consultationRoutes = new Hono<AppEnv>()
  .use('/api/desk/consultations', requireRole(...DESK_ROLES))
  .use('/api/desk/consultations/*', requireRole(...DESK_ROLES))
  .get('/api/desk/consultations', async (c) => {
    const query = queueQuery.read(c)
    const now = c.var.clock()
    const { rows, total } = await consultationQueue(c.var.database.db, requirePrincipal(c), {
      state: query.state ?? 'open',
      limit: query.limit,
      offset: query.offset,
      now,
    })
    const items = await Promise.all(
      rows.map(async ({ dossier: { procedureVersionId, unitId, ...dossier }, ...r }) => {
        const procedure = await c.var.registry.byId(procedureVersionId)
        const asking = await c.var.units.byId(unitId)
        return {
          ...r,
          ...(await answerTimeLeft(c.var.units, r, now)),
          dossier: {
            ...dossier,
            procedure: { code: procedure?.code ?? '', name: procedure?.definition.name ?? '' },
            unit: { code: asking?.code ?? '', name: asking?.name ?? '' },
          },
        }
      }),
    )
    return c.json({ items, total })
  })
  .get('/api/desk/consultations/:consultationId', async (c) => {
    const id = c.req.param('consultationId')
    if (!UUID.test(id)) throw noConsultation()
    const { db } = c.var.database
    const [row] = await db.select().from(consultations).where(eq(consultations.id, id))
    if (!row) throw noConsultation()
    if (!actsFor(requirePrincipal(c), row.unitId, [row.role])) throw forbidden()
    const [dossier] = await db
      .select({ receiptCode: dossiers.receiptCode })
      .from(dossiers)
      .where(eq(dossiers.id, row.dossierId))
    const found = dossier && (await loadDossier(c.var, dossier.receiptCode))
    if (!found) throw noConsultation()
    const { dossier: d, unit, procedure } = found
    const files = await db
      .select({
        id: attachments.id,
        componentKey: attachments.componentKey,
        fileName: attachments.fileName,
        mediaType: attachments.mediaType,
        size: attachments.size,
      })
      .from(attachments)
      .where(eq(attachments.dossierId, d.id))
    const view = (await consultationsOf(db, d.id, c.var.clock())).find((v) => v.id === id)!
    // what is asked: the step's name and its description in the procedure
    const step = procedure.definition.steps.find((s) => s.key === view.step)
    return c.json({
      ...view,
      ...(await answerTimeLeft(c.var.units, view, c.var.clock())),
      question: { name: step?.name ?? view.step, description: step?.description ?? null },
      dossier: {
        receiptCode: d.receiptCode,
        procedure: { code: procedure.code, name: procedure.definition.name },
        unit: { code: unit.code, name: unit.name },
        status: d.status,
        applicant: { fullName: d.applicant.fullName },
        formData: d.formData,
        // the form of the version it was filed under, to read the answers back with their labels
        form: { schema: procedure.definition.form.schema, uiSchema: procedure.definition.form.uiSchema ?? null },
        attachments: files,
      },
    })
  })
  .get('/api/desk/consultations/:consultationId/files/:fileId', async (c) => {
    const id = c.req.param('consultationId')
    if (!UUID.test(id)) throw noConsultation()
    const { db } = c.var.database
    const [row] = await db.select().from(consultations).where(eq(consultations.id, id))
    if (!row) throw noConsultation()
    if (!actsFor(requirePrincipal(c), row.unitId, [row.role])) throw forbidden()
    // what the applicant filed, not the results
    return downloadAttachment(db, row.dossierId, c.req.param('fileId'), ['application', 'supplement'])
  })
  .post(
    '/api/desk/dossiers/:receiptCode/consultations/:consultationId/answer',
    requireRole(...OFFICER_ROLES),
    async (c) => {
      const code = c.req.param('receiptCode')
      const id = c.req.param('consultationId')
      const body = await answerBody.read(c)
      if (!UUID.test(id)) throw noConsultation()
      const found = await loadDossier(c.var, code)
      if (!found) throw notFoundDossier(code)
      const { consultation, dossier, movedOn } = await answerConsultation(c.var.database.db, {
        dossier: found.dossier,
        procedure: found.procedure,
        consultationId: id,
        principal: requirePrincipal(c),
        opinion: body.opinion,
        ...(body.note === undefined ? {} : { note: body.note }),
        units: c.var.units,
        plugins: c.var.plugins,
        now: c.var.clock(),
      })
      return c.json({
        consultation: { id: consultation.id, answeredAt: consultation.answeredAt, opinion: consultation.opinion },
        dossier: { version: dossier.version, status: dossier.status, currentStep: dossier.currentStep },
        movedOn,
      })
    },
  )
  .post('/api/desk/dossiers/:receiptCode/consultations/conclude', requireRole(...OFFICER_ROLES), async (c) => {
    const { dossier, procedure } = await loadOfficerDossier(c)
    const { expectedVersion } = await concludeBody.read(c)
    const principal = requirePrincipal(c)
    const step = consultationStep(procedure, dossier)
    if (!step)
      throw new DomainError('CONFLICT', {
        vi: 'Hồ sơ không ở bước lấy ý kiến.',
        en: 'The dossier is not at a consultation step.',
      })
    const grant = principal.grants.find((g) => g.unitId === dossier.unitId && g.role === step.role)
    if (!grant) throw forbidden()
    const stale = () =>
      new DomainError('CONFLICT', {
        vi: 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại hồ sơ rồi thực hiện lại.',
        en: 'The dossier changed since you loaded it (stale expectedVersion). Reload and retry.',
      })
    if (dossier.version !== expectedVersion) throw stale()
    const now = c.var.clock()
    const moved = await withTransaction(c.var.database.db, async (tx) => {
      const locked = await lockDossier(tx, dossier.id)
      if (!locked || locked.version !== expectedVersion) throw stale()
      const done = await moveOnIfComplete(tx, locked, {
        procedure,
        units: c.var.units,
        plugins: c.var.plugins,
        now,
        actor: { userId: principal.userId, role: grant.role },
      })
      if (done) return done
      const outcome = consultationState((await currentRound(tx, locked)).map(asRequest), step.consult!.quorum, now)
      throw new DomainError('CONFLICT', {
        vi: `Chưa đủ ý kiến (${outcome.answered}/${outcome.needed}) và chưa hết thời hạn lấy ý kiến; hồ sơ sẽ tự chuyển bước khi đủ ý kiến hoặc hết hạn.`,
        en: `Not enough answers yet (${outcome.answered}/${outcome.needed}) and the deadlines have not passed.`,
      })
    })
    return c.json({ version: moved.version, status: moved.status, currentStep: moved.currentStep })
  })

export const consultationDocs: Operation[] = [
  {
    method: 'get',
    path: '/api/desk/consultations',
    tag: 'desk',
    summary: 'Ý kiến được hỏi: the consultations sent to my units for my roles, open ones soonest due first',
    access: [...DESK_ROLES],
    query: Object.entries(queueQuery.schema.properties).map(([name, p]) => ({
      name,
      description: String(p.description),
    })),
    responses: { 200: '{items, total}', 400: 'a bad parameter' },
  },
  {
    method: 'get',
    path: '/api/desk/consultations/:consultationId',
    tag: 'desk',
    summary: 'One consultation sent to my unit, with the dossier it asks about (form data and file list)',
    access: [...DESK_ROLES],
    responses: {
      200: 'the consultation, what is asked (the step) and its dossier',
      403: 'not addressed to my unit and role',
      404: 'none',
    },
  },
  {
    method: 'get',
    path: '/api/desk/consultations/:consultationId/files/:fileId',
    tag: 'desk',
    summary: 'Download a file the applicant filed with a dossier my unit is consulted on',
    access: [...DESK_ROLES],
    responses: { 200: 'the file', 403: 'not addressed to my unit and role', 404: 'no such consultation or file' },
  },
  {
    method: 'post',
    path: '/api/desk/dossiers/:receiptCode/consultations/:consultationId/answer',
    tag: 'desk',
    summary:
      'Answer a consultation for my unit (once); the dossier moves on to the next step when this is the last answer needed',
    access: [...OFFICER_ROLES],
    body: answerBody,
    responses: {
      200: '{consultation, dossier, movedOn}',
      400: 'invalid, or no note with a disagreement',
      403: 'not the consulted unit’s role',
      404: 'no such dossier or consultation',
      409: 'already answered, or the consultation has ended',
    },
  },
  {
    method: 'post',
    path: '/api/desk/dossiers/:receiptCode/consultations/conclude',
    tag: 'desk',
    summary: 'Move the dossier on from its consultation step once the quorum or every deadline is reached',
    access: [...OFFICER_ROLES],
    body: concludeBody,
    responses: {
      200: 'the new state',
      403: 'not the step’s role at the dossier’s unit',
      409: 'stale version, not at a consultation step, or still waiting for answers in time',
    },
  },
]
